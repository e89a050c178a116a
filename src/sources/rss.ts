import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { SourceError, describeCause } from './errors.js';
import { labelRequest, requestRaw, type FetchLike } from './http.js';
import { MAX_FEED_BYTES } from './http-body.js';
import { decodeFeedBody } from './feed-decode.js';
import { parseFeedText, type FeedItem } from './feed-items.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions, mentionsBrand } from './text-match.js';

export interface RssSourceOptions {
  /** Google News, for a brand's `news` query. */
  newsApiBase: string;
  userAgent: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** One feed of a brand: its URL, and whether every item is kept or only those naming the brand. */
interface FeedSpec {
  stream: string;
  url: string;
  keepAll: boolean;
  /** Google News items: the title is the whole text (the description repeats it). */
  news: boolean;
}

/**
 * Google News guids are Google's own ids, the same whatever host (proxy) or query found
 * them: their items are keyed under one fixed name, so a changed host or query, or two
 * brands' queries finding one article, never make a second row.
 */
export const NEWS_ID_BASE = 'https://news.google.com/rss';

/**
 * The cursor of one feed: the validators for a conditional GET and the keys of the
 * items the last fetch held, so a server that ignores If-None-Match still reads as
 * nothing new. Committed with the items, so a run killed before the commit refetches.
 */
interface FeedCursor {
  url: string;
  etag: string | null;
  lastModified: string | null;
  seen: string[];
}

/** Feeds are short; this bounds a cursor for one that lists thousands of items. */
const MAX_SEEN = 5000;

/** RSS 2.0, RSS 1.0, Atom and JSON Feed, and Google News search as RSS. */
export class RssSource implements Source {
  readonly name = 'rss';

  constructor(private readonly options: RssSourceOptions) {}

  appliesTo(brand: BrandConfig): boolean {
    return listFeeds(brand, this.options.newsApiBase).length > 0;
  }

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const failures: string[] = [];
    let read = 0;
    const feeds = listFeeds(brand, this.options.newsApiBase);
    for (const feed of feeds) {
      if (read >= ctx.maxPosts) {
        ctx.onEvent?.({ kind: 'notice', message: `${feed.stream}: stopped at --max-posts ${ctx.maxPosts} posts read; the next scan continues from here` });
        break;
      }
      try {
        const page = await this.fetchFeed(feed, brand, ctx);
        read += page.postsRead;
        ctx.onEvent?.({ kind: 'page', stream: feed.stream, posts: page.postsRead });
        yield page;
      } catch (error) {
        // one broken feed must not keep the brand's other feeds from being read
        if (!(error instanceof SourceError) || ctx.signal?.aborted) throw error;
        failures.push(error.message);
      }
    }
    if (failures.length > 0) {
      throw new SourceError(`${failures.length} of ${feeds.length} feed(s) failed: ${failures[0]}`, 'the other feeds were stored; check the URL in queries.rss.feeds');
    }
  }

  private async fetchFeed(feed: FeedSpec, brand: BrandConfig, ctx: FetchContext): Promise<SourcePage> {
    const previous = readCursor(await ctx.getCursor(feed.stream), feed.url);
    const url = new URL(feed.url);
    const label = labelRequest('rss', 'GET', url);
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'user-agent': this.options.userAgent,
    };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
    const response = await callWithPolicy(label, ctx, this.options.retry, () =>
      requestRaw(this.options.fetch, { url, label, headers, timeoutMs: this.options.timeoutMs, signal: ctx.signal, readWindow: () => null, maxBytes: MAX_FEED_BYTES }),
    );
    if (response.status === 304) return { mentions: [], postsRead: 0, cursor: null };
    if (response.status >= 300) throw new SourceError(`${label} answered ${response.status} without a feed`, 'use the URL the feed moved to');
    const { text } = decodeFeedBody(response.body, response.headers.get('content-type'));
    let parsed;
    try {
      parsed = parseFeedText(text, feed.url);
    } catch (error) {
      throw new SourceError(`${label} returned no RSS, Atom or JSON feed (${describeCause(error)}); nothing from it was stored`);
    }
    const seen = new Set(previous.seen);
    const now = (ctx.now ?? (() => new Date()))().toISOString();
    const keyed = parsed.items.filter((item): item is FeedItem & { key: string } => item.key !== null);
    const fresh = keyed.filter((item) => !seen.has(item.key));
    const mentions = fresh
      .map((item) => mapFeedItem(item, feed, brand.name, parsed.language, now))
      .filter((mention) => feed.keepAll || mentionsBrand(mention.text, brand));
    const cursor: FeedCursor = {
      url: feed.url,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      seen: [...new Set(keyed.map((item) => item.key))].slice(0, MAX_SEEN),
    };
    return { mentions: applyExclusions(mentions, brand), postsRead: fresh.length, cursor: { stream: feed.stream, value: JSON.stringify(cursor) } };
  }
}

export function listFeeds(brand: BrandConfig, newsApiBase: string): FeedSpec[] {
  const rss = brand.queries.rss;
  if (!rss) return [];
  const feeds: FeedSpec[] = rss.feeds.map((feed) => ({ stream: `feed:${feed.url}`, url: feed.url, keepAll: feed.all ?? rss.all, news: false }));
  if (rss.news) {
    // search results: Google already matched the query, often in the article rather than the headline
    feeds.push({ stream: `news:${rss.news}`, url: googleNewsUrl(newsApiBase, rss.news), keepAll: true, news: true });
  }
  return feeds;
}

export function googleNewsUrl(base: string, query: string): string {
  const url = new URL('rss/search', base);
  url.search = new URLSearchParams({ q: query, hl: 'en-US', gl: 'US', ceid: 'US:en' }).toString();
  return url.href;
}

/**
 * A guid or id that is a URI (a permalink, `tag:`, `urn:`) names the item everywhere, so
 * the same article in two feeds is stored once; a bare one ("1234") is only unique in
 * its feed and is prefixed with the feed's URL.
 */
export function feedItemId(key: string, feed: Pick<FeedSpec, 'url' | 'news'>): string {
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(key)) return key;
  return `${feed.news ? NEWS_ID_BASE : feed.url}#${key}`;
}

export function mapFeedItem(item: FeedItem & { key: string }, feed: Pick<FeedSpec, 'url' | 'news'>, brand: string, language: string | null, now: string): MentionInput {
  const text = feed.news || !item.text ? item.title || item.text
    : !item.title || item.text.startsWith(item.title) ? item.text
    : `${item.title}\n\n${item.text}`;
  return {
    id: feedItemId(item.key, feed),
    source: 'rss',
    // an item without a date is dated when first seen; the upsert keeps that first time
    createdAt: item.published ?? now,
    text,
    author: item.author,
    url: item.link,
    lang: language?.trim().toLowerCase() || null,
    metrics: {},
    brand,
    raw: { feed: feed.url, item: item.raw },
  };
}

function readCursor(value: string | null, url: string): FeedCursor {
  const empty: FeedCursor = { url, etag: null, lastModified: null, seen: [] };
  if (!value) return empty;
  try {
    const parsed = JSON.parse(value) as Partial<FeedCursor>;
    if (parsed.url !== url) return empty;
    return { url, etag: parsed.etag ?? null, lastModified: parsed.lastModified ?? null, seen: Array.isArray(parsed.seen) ? parsed.seen : [] };
  } catch {
    return empty;
  }
}
