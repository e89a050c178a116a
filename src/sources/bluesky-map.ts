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

export function mapBlueskyPost(post: BlueskyPost, brand: string): MentionInput {
  const rkey = post.uri.split('/').pop() ?? '';
  const handle = post.author?.handle && post.author.handle !== 'handle.invalid' ? post.author.handle : null;
  const profile = handle ?? post.author?.did ?? post.uri.split('/')[2];
  const created = post.record?.createdAt && Number.isFinite(Date.parse(post.record.createdAt)) ? post.record.createdAt : post.indexedAt;
  return {
    id: post.uri,
    source: 'bluesky',
    createdAt: new Date(created && Number.isFinite(Date.parse(created)) ? created : 0).toISOString(),
    text: post.record?.text ?? '',
    author: handle ?? post.author?.did ?? null,
    url: `https://bsky.app/profile/${profile}/post/${rkey}`,
    lang: post.record?.langs?.[0] ?? null,
    metrics: {
      likes: post.likeCount,
      replies: post.replyCount,
      reposts: (post.repostCount ?? 0) + (post.quoteCount ?? 0),
    },
    brand,
    raw: post,
  };
}
