import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { SourceError, describeCause, UnreadableResponseError } from './errors.js';
import { labelRequest, requestRaw, type FetchLike } from './http.js';
import { MAX_FEED_BYTES } from './http-body.js';
import { decodeFeedBody } from './feed-decode.js';
import { readFeedCursor, seenKey, wasSeen, MAX_FEED_ITEMS, type FeedCursor } from './feed-cursor.js';
import { parseFeedText, type FeedItem, type ParsedFeed } from './feed-items.js';
import { mapItems, reportSkipped } from './map-items.js';
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
    const feeds = await this.orderFeeds(listFeeds(brand, this.options.newsApiBase), ctx);
    for (const [index, { feed, cursor }] of feeds.entries()) {
      const left = ctx.maxPosts - read;
      if (left <= 0) {
        ctx.onEvent?.({ kind: 'notice', message: `${feed.stream}: stopped at --max-posts ${ctx.maxPosts} posts read; it goes first on the next scan` });
        break;
      }
      try {
        // a fair share of what is left, so one busy feed cannot spend the whole budget
        const page = await this.fetchFeed(feed, cursor, brand, ctx, Math.ceil(left / (feeds.length - index)));
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

  /** Feeds left with unread items by the last scan go first, then the rest in config order. */
  private async orderFeeds(feeds: FeedSpec[], ctx: FetchContext): Promise<Array<{ feed: FeedSpec; cursor: FeedCursor }>> {
    const withCursors = [];
    for (const feed of feeds) withCursors.push({ feed, cursor: readFeedCursor(await ctx.getCursor(feed.stream), feed.url) });
    return [...withCursors.filter((f) => f.cursor.backlog), ...withCursors.filter((f) => !f.cursor.backlog)];
  }

  private async fetchFeed(feed: FeedSpec, previous: FeedCursor, brand: BrandConfig, ctx: FetchContext, allowance: number): Promise<SourcePage> {
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
    if (response.status >= 300) throw new SourceError(`${label} answered ${response.status} without a feed`, 'use the URL the feed moved to', response.status);
    const { text } = decodeFeedBody(response.body, response.headers.get('content-type'));
    let parsed;
    try {
      parsed = parseFeedText(text, feed.url);
    } catch (error) {
      throw new UnreadableResponseError(`${label} returned no RSS, Atom or JSON feed (${describeCause(error)}); nothing from it was stored`);
    }
    reportOddItems(ctx, feed.stream, parsed);
    const items = parsed.items.slice(0, MAX_FEED_ITEMS);
    const seen = new Set(previous.seen);
    const fresh = items.filter((item) => !wasSeen(seen, item.key));
    const taken = fresh.slice(0, allowance);
    const backlog = taken.length < fresh.length;
    if (backlog) notify(ctx, `${feed.stream}: ${fresh.length - taken.length} new item(s) left for the next scan (--max-posts); this feed goes first then`);
    const now = (ctx.now ?? (() => new Date()))().toISOString();
    const mentions = mapItems(taken, (item) => mapFeedItem(item, feed, brand.name, parsed.language, now), feed.stream, ctx)
      .filter((mention) => feed.keepAll || mentionsBrand(mention.text, brand));
    const takenKeys = new Set(taken.map((item) => item.key));
    const cursor: FeedCursor = {
      url: feed.url,
      etag: backlog ? null : response.headers.get('etag'),
      lastModified: backlog ? null : response.headers.get('last-modified'),
      // what was read before or now; an item left unread stays new for the next scan
      seen: items.filter((item) => takenKeys.has(item.key) || wasSeen(seen, item.key)).map((item) => seenKey(item.key)),
      backlog,
    };
    return { mentions: applyExclusions(mentions, brand), postsRead: taken.length, cursor: { stream: feed.stream, value: JSON.stringify(cursor) } };
  }
}

function reportOddItems(ctx: FetchContext, stream: string, parsed: ParsedFeed): void {
  if (parsed.skipped > 0) reportSkipped(ctx, stream, parsed.skipped, 'a field of the wrong type');
  if (parsed.duplicates > 0) notify(ctx, `${stream}: ${parsed.duplicates} item(s) repeat the guid of another; a repeat with the same content was read once, a different one kept as well`);
  if (parsed.items.length > MAX_FEED_ITEMS) notify(ctx, `${stream}: the feed lists ${parsed.items.length} items; only the first ${MAX_FEED_ITEMS} are read`);
}

function notify(ctx: FetchContext, message: string): void {
  ctx.onEvent?.({ kind: 'notice', message });
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
