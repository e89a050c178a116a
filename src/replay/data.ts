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
}

export const FIXTURE_FILES = {
  xTweets: 'x/tweets.jsonl',
  xUsers: 'x/users.jsonl',
  redditPosts: 'reddit/posts.jsonl',
  redditComments: 'reddit/comments.jsonl',
  hackernewsHits: 'hackernews/hits.jsonl',
} as const;

export function emptyReplayData(): ReplayData {
  return { x: { tweets: [], users: [] }, reddit: { posts: [], comments: [] }, hackernews: { hits: [] } };
}

/** Reads a fixtures directory; a missing file is an empty list, so a data set may cover one source. */
export function loadReplayData(dir: string): ReplayData {
  const read = (file: string) => readJsonLines(join(dir, file));
  return {
    x: { tweets: read(FIXTURE_FILES.xTweets), users: read(FIXTURE_FILES.xUsers) },
    reddit: { posts: read(FIXTURE_FILES.redditPosts), comments: read(FIXTURE_FILES.redditComments) },
    hackernews: { hits: read(FIXTURE_FILES.hackernewsHits) },
  };
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
}
