import type { BrandConfig } from '../config/schema.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { AuthRejectedError, SourceError } from './errors.js';
import { requestJson, type FetchLike } from './http.js';
import { paceWindow, readBlueskyRateWindow, type RateWindow } from './pacing.js';
import { paginateStream, type PageRequest, type PageResult } from './paginate.js';
import { mapItems } from './map-items.js';
import { firstTrusted, latestTrusted } from './trusted-time.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions, defaultQuery } from './text-match.js';
import { BlueskyAuth, readXrpcError } from './bluesky-auth.js';
import { mapBlueskyPost, readBlueskySearch, sortAtOf, takeUntilSeen, type BlueskyMark } from './bluesky-map.js';

export interface BlueskySourceOptions {
  apiBase: string;
  handle: string;
  appPassword: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

const METHOD = 'app.bsky.feed.searchPosts';
const LABEL = `bluesky: GET /xrpc/${METHOD}`;
export const PUBLIC_HOST_HINT =
  'since 2025 Bluesky answers search only for a logged-in account: point sources.bluesky.apiBase (EARSHOT_BLUESKY_API_BASE) at https://bsky.social/xrpc/ or your own PDS, not public.api.bsky.app, and set EARSHOT_BLUESKY_HANDLE and EARSHOT_BLUESKY_APP_PASSWORD';

/** app.bsky.feed.searchPosts through the account's PDS, newest first, incremental by the newest uri. */
export class BlueskySource implements Source {
  readonly name = 'bluesky';
  private readonly auth: BlueskyAuth;
  private window: RateWindow | null = null;

  constructor(private readonly options: BlueskySourceOptions) {
    this.auth = new BlueskyAuth(options);
  }

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const settings = brand.queries.bluesky;
    const query = settings?.query ?? defaultQuery(brand);
    const lang = settings?.lang;
    const fetchPage = (request: PageRequest<BlueskyMark>) => this.fetchPage(query, lang, brand, request, ctx);
    // the language is part of what a cursor belongs to: changing it starts afresh
    const markTime = (mark: BlueskyMark) => Date.parse(mark.sortAt);
    yield* paginateStream<BlueskyMark>({ stream: 'search', query: lang ? `${query} lang:${lang}` : query, fetchPage, markTime }, ctx, { read: 0 });
  }

  private async fetchPage(
    query: string, lang: string | undefined, brand: BrandConfig, request: PageRequest<BlueskyMark>, ctx: FetchContext,
  ): Promise<PageResult<BlueskyMark>> {
    const url = new URL(`${this.options.apiBase}${METHOD}`);
    const params: Record<string, string> = { q: query, sort: 'latest', limit: String(Math.max(1, Math.min(100, request.limit))) };
    // inclusive: the last seen post comes back and marks where to stop
    if (request.since) params.since = request.since.sortAt;
    if (lang) params.lang = lang;
    if (request.next) params.cursor = request.next;
    url.search = new URLSearchParams(params).toString();
    const page = readBlueskySearch(LABEL, await this.getWithSession(url, ctx));
    const fresh = takeUntilSeen(page.posts, request.since);
    const reachedSince = fresh.length < page.posts.length;
    const first = firstTrusted(page.posts, (post) => Date.parse(sortAtOf(post)), latestTrusted(ctx));
    return {
      mentions: applyExclusions(mapItems(fresh, (post) => mapBlueskyPost(post, brand.name), 'search', ctx), brand),
      postsRead: fresh.length,
      newest: first ? { uri: first.uri, sortAt: sortAtOf(first) } : null,
      // an empty page that still names a cursor is paged past (moderation can empty one); --max-pages bounds it
      next: reachedSince ? null : page.cursor,
    };
  }

  /** One search call with the access token; an expired token is renewed once. */
  private async getWithSession(url: URL, ctx: FetchContext): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.auth.getAccessToken(ctx);
      await paceWindow(this.window, 'bluesky', ctx);
      try {
        const response = await callWithPolicy(LABEL, ctx, this.options.retry, () =>
          requestJson(this.options.fetch, {
            url,
            label: LABEL,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            timeoutMs: this.options.timeoutMs,
            signal: ctx.signal,
            readWindow: (headers) => (this.window = readBlueskyRateWindow(headers)),
            refusal: describeSearchRefusal,
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

function describeSearchRefusal(status: number, text: string): Error | undefined {
  const detail = readXrpcError(text);
  if (status === 403) return new SourceError(`${LABEL} answered 403${detail ? ` (${detail})` : ''}: search was refused without a login`, PUBLIC_HOST_HINT, 403);
  if (status === 401 || (status === 400 && /ExpiredToken|InvalidToken/.test(detail))) {
    return new AuthRejectedError(`${LABEL} answered ${status}${detail ? ` (${detail})` : ''}: the session was refused`, 'earshot logs in again once; if this repeats, check the handle and app password', status);
  }
  if (status === 400) return new SourceError(`${LABEL} answered 400${detail ? `: ${detail}` : ''}`, 'check queries.bluesky (Lucene-like syntax: words, "phrases", #tags, from:handle)', 400);
  return undefined;
}
