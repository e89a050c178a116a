import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema, type BrandConfig } from '../../src/config/schema.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { SourceStopped } from '../../src/sources/source.js';
import { BRAND as BASE, CursorBook, FIXTURES, buildSources, startReplay } from './helpers.js';

let server: ReplayServer;
afterEach(() => server?.close());

const NOW = new Date('2026-11-07T00:00:00.000Z');

function brandWith(rss: object): BrandConfig {
  return configSchema.parse({ brands: [{ name: BASE.name, aliases: BASE.aliases, queries: { rss } }] }).brands[0]!;
}

const feedRequests = (path: string) => server.requests.filter((r) => r.source === 'rss' && r.path === path);

describe('rss source against the replay server', () => {
  it('reads RSS 2.0, Atom, RSS 1.0 and JSON Feed, keeping only items that name the brand', async () => {
    server = await startReplay();
    const f = server.bases.feeds;
    const brand = brandWith({ feeds: [`${f}/kettleby-blog.rss`, `${f}/tea-trade.atom`, `${f}/tea-journal.rdf`, `${f}/cuppa.json`] });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(run.error).toBeNull();
    expect(run.pages).toBe(4);
    const byFeed = (prefix: string) => [...book.stored.values()].filter((m) => (m.raw as { feed: string }).feed.endsWith(prefix));
    // 8 blog posts, 4 name Kettleby; 6 trade entries, 3 do; 2 journal items, 1 does; 4 diary items, 2 do
    expect([byFeed('.rss'), byFeed('.atom'), byFeed('.rdf'), byFeed('.json')].map((list) => list.length)).toEqual([4, 3, 1, 2]);
    expect(run.postsRead).toBe(8 + 6 + 2 + 4);
    const blog = book.stored.get(`${f}/kettleby-blog.rss#post-1`)!;
    expect(blog).toMatchObject({
      source: 'rss', author: 'Kettleby Team', url: 'https://blog.kettleby.example/posts/1', lang: 'en-gb', createdAt: '2026-11-02T16:00:00.000Z',
      // the description opens with the title, so the title is not repeated
      text: 'Kettleby Tea: how we are removing plastic from our tea bags.\n\nRead more on the blog & tell us what you think.',
    });
    const atom = book.stored.get('tag:teatrade.example,2026:entry-1')!;
    // the alternate link, resolved against the feed URL; not the rel="edit" one
    expect(atom).toMatchObject({ url: `${server.url}/articles/1`, author: 'Trade Desk', createdAt: '2026-11-02T19:00:00.000Z', lang: 'en' });
    expect(atom.text).toBe('Tea trade roundup: Kettleby Tea and others raise prices\n\none\ntwo');
    // JSON Feed dates without a zone are UTC, never local time
    expect(book.stored.get(`${f}/cuppa.json#100`)).toMatchObject({ createdAt: '2026-11-03T03:00:00.000Z', text: 'Kettleby Tea tasting notes — my notes.' });
    expect(book.stored.get('https://journal.tea.example/0')).toMatchObject({ author: 'Tea Journal', createdAt: '2026-11-02T15:00:00.000Z' });
  });

  it('keeps every item of a feed marked "all": true', async () => {
    server = await startReplay();
    const brand = brandWith({ feeds: [{ url: `${server.bases.feeds}/kettleby-blog.rss`, all: true }] });
    const book = new CursorBook();
    await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(book.stored.size).toBe(8);
  });

  it('decodes Latin-1 from the Content-Type, and from the bytes when nothing names the charset; reads Portuguese dates', async () => {
    server = await startReplay();
    const f = server.bases.feeds;
    for (const path of ['noticias-cha.rss', 'noticias-cha-bare.rss']) {
      const book = new CursorBook();
      await book.scan(buildSources(server).rss!, brandWith({ feeds: [`${f}/${path}`] }), { now: () => NOW });
      const texts = [...book.stored.values()].map((m) => [m.text, m.createdAt]);
      expect(texts).toEqual([
        ['Kettleby Tea lança saquetas sem plástico – notícia 0.', '2026-11-04T12:15:00.000Z'],
        ['Chá Kettleby chega às lojas de Lisboa – notícia 2.', '2026-11-02T13:00:00.000Z'],
      ]);
    }
  });

  it('sends If-None-Match / If-Modified-Since on the next scan; a 304 reads nothing', async () => {
    server = await startReplay();
    const f = server.bases.feeds;
    const brand = brandWith({ feeds: [`${f}/kettleby-blog.rss`, `${f}/tea-trade.atom`, `${f}/cuppa.json`] });
    const book = new CursorBook();
    await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    server.requests.length = 0;
    const second = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(second).toMatchObject({ error: null, postsRead: 0, inserted: 0, mentions: [] });
    const [blog] = feedRequests('/kettleby-blog.rss');
    const [atom] = feedRequests('/tea-trade.atom');
    const [json] = feedRequests('/cuppa.json');
    expect([blog!.status, atom!.status, json!.status]).toEqual([304, 304, 200]);
    // cuppa.json sends no validators: its items were seen, so nothing is read again
    const cursor = JSON.parse(book.values.get(`feed:${f}/kettleby-blog.rss`)!);
    expect(cursor).toMatchObject({ etag: expect.stringMatching(/^"[0-9a-f]{16}"$/), lastModified: 'Fri, 06 Nov 2026 10:00:00 GMT' });
  });

  it('a changed feed yields only its new items', async () => {
    server = await startReplay();
    const url = `${server.bases.feeds}/kettleby-blog.rss`;
    const brand = brandWith({ feeds: [url] });
    const book = new CursorBook();
    await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    const original = readFileSync(`${FIXTURES}rss/kettleby-blog.rss`, 'utf8');
    const extra = '<item><title>Kettleby Tea winter blend is here</title><guid isPermaLink="false">post-9</guid><description>Warm.</description></item>\n';
    server.addData({ rss: { feeds: [{ ...server.data.rss.feeds.find((feed) => feed.path === '/kettleby-blog.rss')!, body: Buffer.from(original.replace('<item>', `${extra}    <item>`)) }] } });
    const next = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    // no date: dated when first seen
    expect(next.mentions.map((m) => [m.id, m.createdAt])).toEqual([[`${url}#post-9`, NOW.toISOString()]]);
    expect(next.postsRead).toBe(1);
  });

  it('reads Google News search results for the news query, all of them, titled by publisher', async () => {
    server = await startReplay();
    const brand = brandWith({ news: '"Kettleby Tea"' });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(run.error).toBeNull();
    const search = server.requests.find((r) => r.path === '/rss/search')!;
    expect(search.query).toEqual({ q: '"Kettleby Tea"', hl: 'en-US', gl: 'US', ceid: 'US:en' });
    const expected = server.data.news.items.filter((i) => String(i.title).includes('Kettleby Tea'));
    expect(book.stored.size).toBe(expected.length);
    const first = expected[0]!;
    const mention = [...book.stored.values()].find((m) => m.text.startsWith(String(first.title)))!;
    expect(mention).toMatchObject({ text: `${String(first.title)} - ${String(first.publisher)}`, author: first.publisher, url: first.link });
    // keyed by Google's guid under a fixed name, whatever host (here the replay server) served it
    expect(mention.id).toBe(`https://news.google.com/rss#${String(first.guid)}`);
    const again = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(again).toMatchObject({ postsRead: 0, inserted: 0 });
  });

  it('retries 5xx and dropped connections; a page that is no feed fails that feed only, naming it', async () => {
    server = await startReplay();
    const f = server.bases.feeds;
    server.setFaults([{ kind: 'status', status: 503, source: 'rss', path: '/kettleby-blog.rss' }, { kind: 'drop-mid-body', source: 'rss', path: '/kettleby-blog.rss' }]);
    const brand = brandWith({ feeds: [`${f}/kettleby-blog.rss`, `${f}/missing.rss`, `${f}/tea-trade.atom`] });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).rss!, brand, { now: () => NOW });
    expect(book.events.filter((e) => e.kind === 'retry')).toHaveLength(2);
    expect(String(run.error)).toMatch(/1 of 3 feed\(s\) failed: rss: GET \/feeds\/missing\.rss answered 404/);
    expect(book.stored.size).toBe(4 + 3);
  });

  it('a truncated feed stores nothing from it and keeps no validators, so the next scan reads it whole', async () => {
    server = await startReplay();
    const url = `${server.bases.feeds}/kettleby-blog.rss`;
    server.setFaults([{ kind: 'truncated-json', source: 'rss' }]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).rss!, brandWith({ feeds: [url] }), { now: () => NOW });
    expect(String(run.error)).toMatch(/returned no RSS, Atom or JSON feed .*nothing from it was stored/);
    expect(book.stored.size).toBe(0);
    expect(book.values.size).toBe(0);
    const again = await book.scan(buildSources(server).rss!, brandWith({ feeds: [url] }), { now: () => NOW });
    expect(again.error).toBeNull();
    expect(book.stored.size).toBe(4);
  });

  it('waits out a 429 with Retry-After within --max-wait, and stops cleanly beyond it', async () => {
    server = await startReplay();
    const url = `${server.bases.feeds}/kettleby-blog.rss`;
    server.setFaults([{ kind: 'rate-limit', source: 'rss', resetSeconds: 1 }]);
    const book = new CursorBook();
    const waited = await book.scan(buildSources(server).rss!, brandWith({ feeds: [url] }), { now: () => NOW, maxWaitMs: 5000 });
    expect(waited.error).toBeNull();
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'wait', seconds: 1 }));
    server.setFaults([{ kind: 'rate-limit', source: 'rss', resetSeconds: 900 }]);
    const stopped = await new CursorBook().scan(buildSources(server).rss!, brandWith({ feeds: [url] }), { maxWaitMs: 1000 });
    expect(stopped.error).toBeInstanceOf(SourceStopped);
  });
});
