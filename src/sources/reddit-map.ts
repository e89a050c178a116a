import type { MentionInput } from '../domain/mention.js';
import { SourceError, UnreadableResponseError } from './errors.js';
import { linkOn } from './links.js';

/** Fields earshot reads from a post (t3) or comment (t1); the whole thing is kept as `raw`. */
export interface RedditItem {
  name: string;
  id?: string;
  created_utc: number;
  author?: string;
  permalink?: string;
  score?: number;
  title?: string;
  selftext?: string;
  num_comments?: number;
  body?: string;
}

export interface RedditThing {
  kind: string;
  data: RedditItem;
}

export interface RedditListing {
  children: RedditThing[];
  after: string | null;
}

export function readRedditListing(label: string, body: unknown): RedditListing {
  const value = body as { kind?: unknown; data?: { children?: unknown; after?: unknown } } | null;
  if (value?.kind !== 'Listing' || !Array.isArray(value.data?.children)) {
    throw new UnreadableResponseError(`${label} returned something other than a listing`);
  }
  const children = (value.data.children as RedditThing[]).filter(
    (thing) => typeof thing?.data?.name === 'string' && typeof thing.data.created_utc === 'number',
  );
  const after = typeof value.data.after === 'string' ? value.data.after : null;
  return { children, after };
}

/**
 * The fullname (`t3_…` for posts, `t1_…` for comments) is the id, so posts and
 * comments never collide and the id is the same string Reddit pages by.
 */
export function mapRedditThing(thing: RedditThing, brand: string): MentionInput {
  const item = thing.data;
  const isComment = thing.kind === 't1';
  const title = item.title ?? '';
  const text = isComment ? (item.body ?? '') : item.selftext ? `${title}\n\n${item.selftext}` : title;
  return {
    id: item.name,
    source: 'reddit',
    createdAt: new Date(item.created_utc * 1000).toISOString(),
    text,
    author: item.author ?? null,
    // Search results carry `?ref=search_posts`; the bare permalink is the stable address.
    url: typeof item.permalink === 'string' ? linkOn('https://www.reddit.com', `/${item.permalink.split('?')[0]!.replace(/^\/+/, '')}`) : null,
    lang: null,
    metrics: isComment ? { score: item.score } : { score: item.score, replies: item.num_comments },
    brand,
    raw: thing,
  };
}
