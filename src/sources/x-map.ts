import type { MentionInput } from '../domain/mention.js';
import { SourceError, UnreadableResponseError } from './errors.js';
import type { FetchContext } from './source.js';
import { linkOn } from './links.js';
import { isoDate, mapItems } from './map-items.js';

/** The parts of an X API v2 tweet earshot reads; the whole object is kept as `raw`. */
export interface XTweet {
  id: string;
  text: string;
  created_at?: string;
  author_id?: string;
  lang?: string;
  note_tweet?: { text?: string };
  public_metrics?: { like_count?: number; reply_count?: number; retweet_count?: number; quote_count?: number };
}

export interface XUser {
  id: string;
  username?: string;
  /** Asked for with user.fields=public_metrics: the author's reach. */
  public_metrics?: { followers_count?: number };
}

export interface XSearchResponse {
  data?: XTweet[];
  includes?: { users?: XUser[] };
  meta?: { newest_id?: string; oldest_id?: string; result_count?: number; next_token?: string };
}

/** Checks the shape before trusting it, so a proxy's odd 200 fails with a clear message. */
export function readXSearchResponse(label: string, body: unknown): XSearchResponse {
  const value = body as XSearchResponse | null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UnreadableResponseError(`${label} returned something other than a search result`);
  }
  if (value.data !== undefined && !Array.isArray(value.data)) {
    throw new UnreadableResponseError(`${label} returned a search result whose "data" is not a list`);
  }
  return value;
}

/** Maps a page tweet by tweet: a malformed one is skipped and counted (see mapItems), never the page. */
export function mapXSearchResponse(response: XSearchResponse, brand: string, ctx: Pick<FetchContext, 'onEvent' | 'now'> = {}): MentionInput[] {
  const users = Array.isArray(response.includes?.users) ? response.includes.users : [];
  const byId = new Map(users.map((user) => [user?.id, user]));
  return mapItems(response.data ?? [], (tweet) => mapTweet(tweet, byId.get(tweet?.author_id ?? ''), brand), 'search', ctx);
}

export function mapTweet(tweet: XTweet, user: XUser | undefined, brand: string): MentionInput {
  const metrics = tweet.public_metrics ?? {};
  const username = user?.username;
  return {
    id: tweet.id,
    source: 'x',
    createdAt: isoDate(tweet.created_at ?? Date.now(), 'created_at'),
    // Long posts arrive cut short in `text`; `note_tweet` carries the whole of them.
    text: tweet.note_tweet?.text ?? tweet.text,
    author: username ?? tweet.author_id ?? null,
    url: linkOn('https://x.com', isHandle(username) ? `/${username}/status/${encodeURIComponent(tweet.id)}` : `/i/web/status/${encodeURIComponent(tweet.id)}`),
    lang: tweet.lang ?? null,
    metrics: {
      likes: metrics.like_count,
      replies: metrics.reply_count,
      reposts: (metrics.retweet_count ?? 0) + (metrics.quote_count ?? 0),
    },
    authorFollowers: followersOf(user),
    brand,
    raw: tweet,
  };
}

/** The author's follower count: a whole number ≥ 0, or unknown (undefined) for anything else. */
export function followersOf(user: XUser | undefined): number | undefined {
  const n = user?.public_metrics?.followers_count;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** An X username as X allows them; anything else is not put in a link. */
function isHandle(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_]{1,50}$/.test(value);
}
