import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapAppStoreEntry, readAppStorePage, type AppStoreEntry } from '../../src/sources/appstore-map.js';
import { mapBlueskyPost, readBlueskySearch } from '../../src/sources/bluesky-map.js';
import { readBlueskyRateWindow } from '../../src/sources/pacing.js';
import { readVcrCassette } from '../support/vcr-yaml.js';

/** Real recorded Bluesky and App Store responses (see /work/shared/data/README.md); skipped where absent. */
const DATA = '/work/shared/data/api';
const NOW = '2026-11-07T00:00:00.000Z';

describe.runIf(existsSync(DATA))('real recorded Bluesky and App Store responses', () => {
  it('maps every post of the searchPosts recording and reads its RateLimit-* headers', () => {
    const [response] = readVcrCassette(readFileSync(`${DATA}/bluesky/search-posts-cassette.yml`, 'utf8'));
    expect(response!.status).toBe(200);
    expect(readBlueskyRateWindow(response!.headers)).toEqual({ remaining: 2983, resetAt: 1747676784000 });
    const page = readBlueskySearch('bluesky: recorded', JSON.parse(response!.body));
    expect(page.posts).toHaveLength(25);
    expect(page.cursor).toBe('25');
    const mentions = page.posts.map((post) => mapBlueskyPost(post, 'Brand'));
    expect(new Set(mentions.map((m) => m.id)).size).toBe(25);
    expect(mentions[0]).toMatchObject({
      id: 'at://did:plc:kkergqgbhb56ptpwj2wenkje/app.bsky.feed.post/3lpk2u6qo222m',
      author: 'socpaperbot.bsky.social',
      url: 'https://bsky.app/profile/socpaperbot.bsky.social/post/3lpk2u6qo222m',
      createdAt: '2025-05-19T17:10:09.561Z',
    });
    expect(mentions.filter((m) => m.lang === 'en').length).toBeGreaterThan(0);
    for (const [i, mention] of mentions.entries()) {
      const post = page.posts[i]!;
      expect(mention.text).toBe(post.record!.text);
      expect(mention.url).toBe(`https://bsky.app/profile/${post.author!.handle}/post/${post.uri.split('/').pop()}`);
      expect(new Date(mention.createdAt).toISOString()).toBe(mention.createdAt);
      expect(mention.metrics).toEqual({ likes: post.likeCount, replies: post.replyCount, reposts: post.repostCount! + post.quoteCount! });
    }
  });

  it('maps all 50 reviews of the customer-reviews feed with rating, version and title, and the page cap', () => {
    const body = JSON.parse(readFileSync(`${DATA}/appstore/customer-reviews-feed.json`, 'utf8'));
    const page = readAppStorePage('appstore: recorded', body);
    expect(page).toMatchObject({ listed: 50, lastPage: 10 });
    expect(page.entries).toHaveLength(50);
    const mentions = page.entries.map((entry) => mapAppStoreEntry(entry, '811377230', 'us', 'Brand', NOW));
    expect(new Set(mentions.map((m) => m.id)).size).toBe(50);
    expect(mentions[0]).toMatchObject({ id: '8414391645', createdAt: '2022-03-03T02:05:59.000Z', author: 'Human #6293839583', metrics: { score: 5 }, lang: 'en' });
    for (const [i, mention] of mentions.entries()) {
      const entry = page.entries[i]!;
      const raw = mention.raw as { rating: number; version: string | null; title: string | null };
      expect(raw.rating).toBe(Number(entry['im:rating']!.label));
      expect([1, 2, 3, 4, 5]).toContain(raw.rating);
      expect(raw.title).toBe(entry.title!.label!.trim() || null);
      expect(raw.version).toBe(entry['im:version']!.label || null);
      expect(mention.text).toContain(entry.content!.label!.trim());
      expect(mention.createdAt).toBe(new Date(entry.updated!.label!).toISOString());
    }
    // newest first, as sortby=mostrecent promises
    expect([...mentions.map((m) => m.createdAt)].sort().reverse()).toEqual(mentions.map((m) => m.createdAt));
  });

  it('takes an older feed without per-review updated, and a feed of one review', () => {
    const body = JSON.parse(readFileSync(`${DATA}/appstore/customer-reviews-feed.json`, 'utf8'));
    const old = body.feed.entry.map(({ updated: _gone, ...entry }: AppStoreEntry) => entry);
    const page = readAppStorePage('appstore: recorded', { feed: { ...body.feed, entry: old } });
    expect(page.entries.map((entry) => mapAppStoreEntry(entry, '1', 'us', 'B', NOW).createdAt)).toEqual(Array(50).fill(NOW));
    expect(readAppStorePage('appstore: recorded', { feed: { ...body.feed, entry: body.feed.entry[0] } }).entries).toHaveLength(1);
    expect(readAppStorePage('appstore: recorded', { feed: { author: {} } }).entries).toEqual([]);
  });
});
