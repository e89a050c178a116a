import type { MentionInput } from '../domain/mention.js';
import { SourceError } from './errors.js';

/** The parts of an app.bsky.feed.defs#postView earshot reads; the whole view is kept as `raw`. */
export interface BlueskyPost {
  uri: string;
  cid?: string;
  author?: { did?: string; handle?: string; displayName?: string };
  record?: { text?: string; createdAt?: string; langs?: string[] };
  likeCount?: number;
  repostCount?: number;
  replyCount?: number;
  quoteCount?: number;
  indexedAt?: string;
}

export interface BlueskySearchPage {
  posts: BlueskyPost[];
  cursor: string | null;
}

/** Where a search stopped last time: the newest post's uri and its sortAt. */
export interface BlueskyMark {
  uri: string;
  sortAt: string;
}

export function readBlueskySearch(label: string, body: unknown): BlueskySearchPage {
  const value = body as { posts?: unknown; cursor?: unknown } | null;
  if (!value || typeof value !== 'object' || !Array.isArray(value.posts)) {
    throw new SourceError(`${label} returned something other than search results`);
  }
  const posts = (value.posts as BlueskyPost[]).filter((post) => typeof post?.uri === 'string' && post.uri.startsWith('at://'));
  return { posts, cursor: typeof value.cursor === 'string' && value.cursor !== '' ? value.cursor : null };
}

/**
 * The time search sorts and `since` filters by: the earlier of createdAt and indexedAt,
 * so a post dated in the future does not sit on top (the AppView's own rule).
 */
export function sortAtOf(post: BlueskyPost): string {
  const times = [post.record?.createdAt, post.indexedAt]
    .map((value) => (value ? Date.parse(value) : NaN))
    .filter((ms) => Number.isFinite(ms));
  return times.length ? new Date(Math.min(...times)).toISOString() : new Date(0).toISOString();
}

/** Stops at the last seen post, or at anything sorted before it in case that post was deleted. */
export function takeUntilSeen(posts: BlueskyPost[], since: BlueskyMark | null): BlueskyPost[] {
  if (!since) return posts;
  const stop = posts.findIndex((post) => post.uri === since.uri || sortAtOf(post) < since.sortAt);
  return stop === -1 ? posts : posts.slice(0, stop);
}

/** A count from the API, or nothing when it is not a whole number (a proxy's odd answer). */
function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
}

export function mapBlueskyPost(post: BlueskyPost, brand: string): MentionInput {
  const rkey = post.uri.split('/').pop() ?? '';
  const handle = typeof post.author?.handle === 'string' && post.author.handle && post.author.handle !== 'handle.invalid' ? post.author.handle : null;
  const did = typeof post.author?.did === 'string' ? post.author.did : null;
  const profile = handle ?? did ?? post.uri.split('/')[2];
  const created = post.record?.createdAt && Number.isFinite(Date.parse(post.record.createdAt)) ? post.record.createdAt : post.indexedAt;
  return {
    id: post.uri,
    source: 'bluesky',
    createdAt: new Date(created && Number.isFinite(Date.parse(created)) ? created : 0).toISOString(),
    text: typeof post.record?.text === 'string' ? post.record.text : '',
    author: handle ?? did,
    url: `https://bsky.app/profile/${profile}/post/${rkey}`,
    lang: Array.isArray(post.record?.langs) && typeof post.record.langs[0] === 'string' ? post.record.langs[0] : null,
    metrics: {
      likes: count(post.likeCount),
      replies: count(post.replyCount),
      reposts: (count(post.repostCount) ?? 0) + (count(post.quoteCount) ?? 0),
    },
    brand,
    raw: post,
  };
}
