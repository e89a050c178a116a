import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { AuthRejectedError } from './errors.js';
import { labelRequest, requestJson, type FetchLike } from './http.js';
import { paceWindow, readRedditRateWindow, type RateWindow } from './pacing.js';
import { paginateStream, type Budget, type PageRequest, type PageResult } from './paginate.js';
import { RedditAuth, type RedditAuthOptions } from './reddit-auth.js';
import { mapRedditThing, readRedditListing, type RedditThing } from './reddit-map.js';
import { mapItems } from './map-items.js';
import { firstTrusted, latestTrusted } from './trusted-time.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions, defaultQuery, mentionsBrand } from './text-match.js';

export interface RedditSourceOptions extends RedditAuthOptions {
  apiBase: string;
}

/** Where a stream stopped last time: the fullname, and its time in case that post is deleted. */
export interface RedditMark {
  name: string;
  created: number;
}

interface Feed {
  stream: string;
  query: string;
  path: string;
  params: Record<string, string>;
  /** Comments are not searchable, so their feed is filtered here by brand name. */
  keep: (thing: RedditThing) => boolean;
}

/** Reddit on Node's fetch: post search plus the comment streams of configured subreddits. */
export class RedditSource implements Source {
  readonly name = 'reddit';
  private readonly auth: RedditAuth;
  private window: RateWindow | null = null;

  constructor(private readonly options: RedditSourceOptions) {
    this.auth = new RedditAuth(options);
  }

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const budget: Budget = { read: 0 };
    for (const feed of listFeeds(brand)) {
      const fetchPage = (request: PageRequest<RedditMark>) => this.fetchPage(feed, brand, request, ctx);
      yield* paginateStream<RedditMark>({ stream: feed.stream, query: feed.query, fetchPage, markTime: (mark) => mark.created * 1000 }, ctx, budget);
    }
  }

  private async fetchPage(feed: Feed, brand: BrandConfig, request: PageRequest<RedditMark>, ctx: FetchContext): Promise<PageResult<RedditMark>> {
    const url = new URL(`${this.options.apiBase}${feed.path}`);
    const params = { ...feed.params, limit: String(request.limit), raw_json: '1', ...(request.next ? { after: request.next } : {}) };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const label = labelRequest('reddit', 'GET', url);
    const listing = readRedditListing(label, await this.getWithToken(url, label, ctx));
    const fresh = takeUntilSeen(listing.children, request.since);
    const reachedSince = fresh.length < listing.children.length;
    if (request.since && !reachedSince && listing.after === null) {
      ctx.onEvent?.({
        kind: 'notice',
        message: `${feed.stream}: the listing ended before the last seen post (Reddit listings stop near 1,000 items); older posts are out of reach`,
      });
    }
    const first = firstTrusted(listing.children, (thing) => thing.data.created_utc * 1000, latestTrusted(ctx))?.data;
    const kept = fresh.filter(feed.keep);
    const mentions: MentionInput[] = mapItems(kept, (thing) => mapRedditThing(thing, brand.name), feed.stream, ctx);
    return {
      mentions: applyExclusions(mentions, brand),
      postsRead: fresh.length,
      newest: first ? { name: first.name, created: first.created_utc } : null,
      next: reachedSince ? null : listing.after,
    };
  }

  /** One GET with the bearer token; a 401 renews the token once before giving up. */
  private async getWithToken(url: URL, label: string, ctx: FetchContext): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.auth.getToken(ctx);
      await paceWindow(this.window, 'reddit', ctx);
      try {
        const response = await callWithPolicy(label, ctx, this.options.retry, () =>
          requestJson(this.options.fetch, {
            url,
            label,
            headers: { authorization: `Bearer ${token}`, 'user-agent': this.options.userAgent },
            timeoutMs: this.options.timeoutMs,
            signal: ctx.signal,
            readWindow: (headers) => (this.window = readRedditRateWindow(headers)),
          }),
        );
        return response.data;
      } catch (error) {
        if (!(error instanceof AuthRejectedError) || attempt > 0) throw error;
        this.auth.invalidate();
      }
    }
  }
}

/** Stops at the last seen fullname, or at anything older in case that post was deleted. */
export function takeUntilSeen(children: RedditThing[], since: RedditMark | null): RedditThing[] {
  if (!since) return children;
  const stop = children.findIndex((thing) => thing.data.name === since.name || thing.data.created_utc < since.created);
  return stop === -1 ? children : children.slice(0, stop);
}

export function listFeeds(brand: BrandConfig): Feed[] {
  const reddit = brand.queries.reddit;
  const query = reddit?.query ?? defaultQuery(brand);
  // Site-wide search already covers posts in the watched subreddits; `subreddit:x` narrows it.
  const search: Feed = { stream: 'search', query, path: '/search', params: { q: query, sort: 'new', type: 'link' }, keep: () => true };
  const comments = (reddit?.subreddits ?? []).map(
    (sub): Feed => ({
      stream: `comments:r/${sub}`,
      query: [brand.name, ...brand.aliases].join('|'),
      path: `/r/${sub}/comments`,
      params: {},
      keep: (thing) => typeof thing.data.body === 'string' && mentionsBrand(thing.data.body, brand),
    }),
  );
  return [search, ...comments];
}
