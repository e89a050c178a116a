import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapRedditThing, readRedditListing } from '../../src/sources/reddit-map.js';
import { mapXSearchResponse, readXSearchResponse } from '../../src/sources/x-map.js';
import { readRedditRateWindow, readXRateWindow } from '../../src/sources/pacing.js';

/** Real recorded API responses (see /work/shared/data/README.md); skipped where absent. */
const DATA = '/work/shared/data/api';
const has = existsSync(DATA);

describe.runIf(has)('real recorded responses', () => {
  it('maps the first page of an X recent search', () => {
    const line = readFileSync(`${DATA}/x/search-recent-pages.jsonl`, 'utf8').split('\n')[0]!;
    const response = readXSearchResponse('x: recorded', JSON.parse(line));
    const mentions = mapXSearchResponse(response, 'Brand');
    expect(mentions).toHaveLength(100);
    expect(mentions[0]).toMatchObject({
      id: '1440716895355764743',
      source: 'x',
      createdAt: '2021-09-22T16:37:29.000Z',
      author: 'WarmongerHodges',
      url: 'https://x.com/WarmongerHodges/status/1440716895355764743',
      lang: 'en',
      metrics: { likes: 0, replies: 0, reposts: 0 },
      brand: 'Brand',
    });
    expect(mentions[0]!.text).toMatch(/^The same Labour MPs/);
    expect(mentions[1]!.metrics?.reposts).toBe(22);
    expect(mentions.every((m) => m.author && !/^\d+$/.test(m.author))).toBe(true);
    expect(response.meta?.next_token).toBeTruthy();
  });

  it('reads X rate-limit headers from the tweepy cassette', () => {
    const [interaction] = JSON.parse(readFileSync(`${DATA}/x/search-recent-cassette.json`, 'utf8'));
    expect(readXRateWindow(interaction.response.headers)).toEqual({ remaining: 448, resetAt: 1665183229000 });
    const mentions = mapXSearchResponse(interaction.response.body, 'Tweepy');
    expect(mentions[0]).toMatchObject({ id: '1578516068309794817', url: 'https://x.com/i/web/status/1578516068309794817' });
  });

  it.each(['search-cassette.json', 'subreddit-new-cassette.json'])('maps the Reddit listing in %s', (file) => {
    const cassette = JSON.parse(readFileSync(`${DATA}/reddit/${file}`, 'utf8'));
    const token = cassette[0].response.body;
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    const listing = readRedditListing('reddit: recorded', cassette[1].response.body);
    expect(listing.children.length).toBeGreaterThan(0);
    const mentions = listing.children.map((thing) => mapRedditThing(thing, 'Brand'));
    for (const mention of mentions) {
      expect(mention.id).toMatch(/^t3_[a-z0-9]+$/);
      expect(mention.url).toMatch(/^https:\/\/www\.reddit\.com\/r\/\w+\/comments\/[a-z0-9]+\/[^?]*$/);
      expect(new Date(mention.createdAt).toISOString()).toBe(mention.createdAt);
    }
    if (file === 'subreddit-new-cassette.json') {
      expect(listing.after).toBe('t3_48f6io');
      expect(mentions[0]).toMatchObject({ id: 't3_48fbm9', author: 'RedHeadQc', createdAt: '2016-03-01T08:37:38.000Z', metrics: { score: 1, replies: 1 } });
      expect(mentions[0]!.text).toBe("[Serious] Parents of Reddit, what's the biggest lie about yourself you've told your kids?");
    } else {
      expect(mentions[0]!.text).toMatch(/^\[PRAW\]\[OAuth2Util\] Problem using get_banned\(\)[^\n]*\n\n# solved/);
      expect(mentions[0]!.url).toBe('https://www.reddit.com/r/redditdev/comments/3gpbiu/prawoauth2util_problem_using_get_banned_raise/');
    }
  });

  it('reads Reddit rate-limit headers: float remaining, reset in seconds from now', () => {
    const headers = { 'x-ratelimit-used': '4', 'x-ratelimit-remaining': '596.0', 'x-ratelimit-reset': '120' };
    expect(readRedditRateWindow(headers, 1_000_000)).toEqual({ remaining: 596, resetAt: 1_120_000 });
  });
});
