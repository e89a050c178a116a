import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** API objects exactly as the real APIs return them; the server builds pages from these. */
export type ApiObject = Record<string, unknown>;

/**
 * The replay data set: one list of posts per source. A demo data set is another
 * directory with the same files, or the same shape passed programmatically.
 */
export interface ReplayData {
  x: { tweets: ApiObject[]; users: ApiObject[] };
  reddit: { posts: ApiObject[]; comments: ApiObject[] };
  hackernews: { hits: ApiObject[] };
  bluesky: { posts: ApiObject[] };
  /** Google News search results: `{ guid, title, publisher, link, pubDate, sourceUrl }`. */
  news: { items: ApiObject[] };
  /** `{ app, country, entry }`, the entry in Apple's `{ label }` shape. */
  appstore: { reviews: ApiObject[] };
  rss: { feeds: FeedFile[] };
}

/** A feed served as bytes at `path`, with the validators a real server would send. */
export interface FeedFile {
  path: string;
  body: Buffer;
  contentType: string;
  /** Send an ETag (a hash of the body) and honour If-None-Match. */
  etag: boolean;
  /** Send Last-Modified and honour If-Modified-Since. */
  lastModified: string | null;
}

export const FIXTURE_FILES = {
  xTweets: 'x/tweets.jsonl',
  xUsers: 'x/users.jsonl',
  redditPosts: 'reddit/posts.jsonl',
  redditComments: 'reddit/comments.jsonl',
  hackernewsHits: 'hackernews/hits.jsonl',
  blueskyPosts: 'bluesky/posts.jsonl',
  newsItems: 'news/items.jsonl',
  appstoreReviews: 'appstore/reviews.jsonl',
  /** A list of `{ path, file, contentType, etag, lastModified }`, files beside it. */
  rssFeeds: 'rss/feeds.json',
} as const;

export function emptyReplayData(): ReplayData {
  return {
    x: { tweets: [], users: [] }, reddit: { posts: [], comments: [] }, hackernews: { hits: [] },
    bluesky: { posts: [] }, news: { items: [] }, appstore: { reviews: [] }, rss: { feeds: [] },
  };
}

/** Reads a fixtures directory; a missing file is an empty list, so a data set may cover one source. */
export function loadReplayData(dir: string): ReplayData {
  const read = (file: string) => readJsonLines(join(dir, file));
  return {
    x: { tweets: read(FIXTURE_FILES.xTweets), users: read(FIXTURE_FILES.xUsers) },
    reddit: { posts: read(FIXTURE_FILES.redditPosts), comments: read(FIXTURE_FILES.redditComments) },
    hackernews: { hits: read(FIXTURE_FILES.hackernewsHits) },
    bluesky: { posts: read(FIXTURE_FILES.blueskyPosts) },
    news: { items: read(FIXTURE_FILES.newsItems) },
    appstore: { reviews: read(FIXTURE_FILES.appstoreReviews) },
    rss: { feeds: readFeeds(dir) },
  };
}

function readFeeds(dir: string): FeedFile[] {
  const manifest = join(dir, FIXTURE_FILES.rssFeeds);
  if (!existsSync(manifest)) return [];
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Array<Omit<FeedFile, 'body'> & { file: string }>;
  return entries.map(({ file, ...feed }) => ({ ...feed, body: readFileSync(join(dir, 'rss', file)) }));
}

function readJsonLines(path: string): ApiObject[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as ApiObject;
      } catch {
        throw new Error(`${path}:${index + 1} is not valid JSON`);
      }
    });
}

/** Adds posts to a live data set (tests: "new posts arrived between two scans"). */
export function mergeReplayData(into: ReplayData, more: Partial<{ [K in keyof ReplayData]: Partial<ReplayData[K]> }>): void {
  into.x.tweets.push(...(more.x?.tweets ?? []));
  into.x.users.push(...(more.x?.users ?? []));
  into.reddit.posts.push(...(more.reddit?.posts ?? []));
  into.reddit.comments.push(...(more.reddit?.comments ?? []));
  into.hackernews.hits.push(...(more.hackernews?.hits ?? []));
  into.bluesky.posts.push(...(more.bluesky?.posts ?? []));
  into.news.items.push(...(more.news?.items ?? []));
  into.appstore.reviews.push(...(more.appstore?.reviews ?? []));
  // a feed at a path already served replaces it: the feed changed on the server
  for (const feed of more.rss?.feeds ?? []) {
    const index = into.rss.feeds.findIndex((f) => f.path === feed.path);
    if (index === -1) into.rss.feeds.push(feed);
    else into.rss.feeds[index] = feed;
  }
}
