import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../src/sources/feed-decode.js';
import { parseFeedText } from '../../src/sources/feed-items.js';
import { mapFeedItem } from '../../src/sources/rss.js';

/** Real feeds (see /work/shared/data/README.md): every item must come out with an id, a date and text. */
const DIR = '/work/shared/data/api/rss';
const BASE = 'https://feeds.example/';
const NOW = '2026-11-07T00:00:00.000Z';

const CASES: Array<[file: string, format: string, items: number, contentType: string | null]> = [
  ['google-news-search.rss', 'rss', 38, 'application/xml; charset=utf-8'],
  ['guardian.rss', 'rss', 55, 'text/xml; charset=UTF-8'],
  ['heise.atom', 'atom', 15, 'application/atom+xml'],
  ['reddit-atom.rss', 'rss', 24, null],
  ['feedburner.atom', 'atom', 25, 'text/xml; charset=UTF-8'],
  ['rss-1.rss', 'rdf', 69, 'application/rdf+xml'],
  ['uolNoticias.rss', 'rss', 15, 'text/xml; charset=ISO-8859-1'],
  ['uolNoticias.rss', 'rss', 15, null],
  ['json-feed.json', 'json', 10, 'application/feed+json'],
];

function read(file: string, contentType: string | null) {
  const { text } = decodeFeedBody(readFileSync(`${DIR}/${file}`), contentType);
  return parseFeedText(text, BASE);
}

describe.runIf(existsSync(DIR))('real recorded feeds', () => {
  it.each(CASES)('%s (%s, %i items, Content-Type %s)', (file, format, count, contentType) => {
    const feed = read(file, contentType);
    expect(feed.format).toBe(format);
    expect(feed.items).toHaveLength(count);
    const mentions = feed.items.map((item) => mapFeedItem({ ...item, key: item.key! }, { url: `${BASE}${file}`, news: file.startsWith('google') }, 'Brand', feed.language, NOW));
    expect(feed.items.every((item) => item.key)).toBe(true);
    expect(new Set(mentions.map((m) => m.id)).size).toBe(count);
    for (const mention of mentions) {
      expect(mention.text.length).toBeGreaterThan(0);
      // no markup left (code samples that show XML as text may keep their angle brackets)
      expect(mention.text).not.toMatch(/<\/?(p|a|div|img|br|table|td)\b[^>]*>|&nbsp;|\ufffd/);
      // every one of these feeds dates its items
      expect(mention.createdAt).not.toBe(NOW);
      expect(new Date(mention.createdAt).toISOString()).toBe(mention.createdAt);
      expect(mention.url).toMatch(/^https?:\/\//);
    }
  });

  it('decodes the Latin-1 feed with no prolog the same with and without a charset header', () => {
    const a = read('uolNoticias.rss', 'text/xml; charset=ISO-8859-1').items.map((i) => i.title);
    const b = read('uolNoticias.rss', null).items.map((i) => i.title);
    expect(a).toEqual(b);
    expect(a.join(' ')).toMatch(/[çãõéí]/);
    // Portuguese day and month names in pubDate
    expect(read('uolNoticias.rss', null).items[0]!.published).toBe('2018-09-24T22:42:40.000Z');
  });

  it('picks the alternate link of an Atom entry, the guid of RSS and rdf:about of RSS 1.0, and the publisher of Google News', () => {
    const feedburner = read('feedburner.atom', null).items[0]!;
    expect(feedburner.link).toMatch(/^http:\/\/feedproxy\.google\.com\//);
    expect(feedburner.key).toMatch(/^tag:blogger\.com,1999:blog-\d+\.post-\d+$/);
    expect(read('heise.atom', null).items[0]).toMatchObject({ key: 'http://heise.de/-3088438', published: '2016-02-01T16:22:00.000Z' });
    expect(read('rss-1.rss', null).items[0]).toMatchObject({ key: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1', published: '2017-06-15T17:29:47.000Z' });
    const news = read('google-news-search.rss', null);
    expect(news.items[0]).toMatchObject({ key: '1516137394', published: '2022-07-28T02:43:00.000Z' });
    const mention = mapFeedItem({ ...news.items[0]!, key: '1516137394' }, { url: `${BASE}news`, news: true }, 'B', news.language, NOW);
    expect(mention.id).toBe('https://news.google.com/rss#1516137394');
    expect(mention.text).toBe(news.items[0]!.title);
    // a JSON Feed date without a zone is UTC
    expect(read('json-feed.json', null).items[0]!.published).toBe('2022-07-26T13:01:01.000Z');
  });
});
