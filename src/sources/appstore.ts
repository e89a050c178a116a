import type { BrandConfig } from '../config/schema.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { SourceError } from './errors.js';
import { labelRequest, requestJson, type FetchLike } from './http.js';
import { paginateStream, type Budget, type PageRequest, type PageResult } from './paginate.js';
import { mapItems } from './map-items.js';
import { firstTrusted, latestTrusted } from './trusted-time.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions } from './text-match.js';
import { mapAppStoreEntry, readAppStorePage, reviewTime, takeUntilSeen, type AppStoreMark } from './appstore-map.js';

export interface AppStoreSourceOptions {
  apiBase: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** Apple serves at most 10 pages of 50 reviews per app and storefront. */
export const MAX_PAGES = 10;
const PAGE_SIZE = 50;

/** Apple's customer-reviews JSON feed, newest first, one stream per app and storefront. */
export class AppStoreSource implements Source {
  readonly name = 'appstore';

  constructor(private readonly options: AppStoreSourceOptions) {}

  appliesTo(brand: BrandConfig): boolean {
    return (brand.queries.appstore?.apps.length ?? 0) > 0;
  }

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const settings = brand.queries.appstore;
    if (!settings) return;
    const budget: Budget = { read: 0 };
    for (const app of settings.apps) {
      for (const country of settings.countries) {
        const stream = `reviews:${app}:${country}`;
        const fetchPage = (request: PageRequest<AppStoreMark>) => this.fetchPage(app, country, brand, request, ctx);
        const markTime = (mark: AppStoreMark) => (mark.updated === null ? null : Date.parse(mark.updated));
        yield* paginateStream<AppStoreMark>({ stream, query: stream, fetchPage, markTime }, ctx, budget);
      }
    }
  }

  private async fetchPage(app: string, country: string, brand: BrandConfig, request: PageRequest<AppStoreMark>, ctx: FetchContext): Promise<PageResult<AppStoreMark>> {
    const page = request.next === null ? 1 : Number(request.next);
    const url = new URL(`${country}/rss/customerreviews/page=${page}/id=${app}/sortby=mostrecent/json`, this.options.apiBase);
    const label = labelRequest('appstore', 'GET', url);
    const { data } = await callWithPolicy(label, ctx, this.options.retry, () =>
      requestJson(this.options.fetch, {
        url, label, timeoutMs: this.options.timeoutMs, signal: ctx.signal, readWindow: () => null,
        headers: { accept: 'application/json' },
        refusal: (status) => (status === 400 || status === 404 ? new SourceError(`${label} answered ${status}: no such app in the ${country} store`, 'check queries.appstore.apps (the digits after id in the app’s App Store URL) and countries', status) : undefined),
      }),
    );
    const result = readAppStorePage(label, data);
    const fresh = takeUntilSeen(result.entries, request.since);
    const reachedSince = fresh.length < result.entries.length;
    const now = (ctx.now ?? (() => new Date()))().toISOString();
    const first = firstTrusted(result.entries, (entry) => { const time = reviewTime(entry); return time === null ? null : Date.parse(time); }, latestTrusted(ctx));
    const last = Math.min(result.lastPage ?? MAX_PAGES, MAX_PAGES);
    return {
      mentions: applyExclusions(mapItems(fresh, (entry) => mapAppStoreEntry(entry, app, country, brand.name, now), `reviews:${app}:${country}`, ctx), brand),
      postsRead: fresh.length,
      newest: first ? { id: first.id!.label!, updated: reviewTime(first) } : null,
      // a short page is the last one (rel="last" says 10 whatever the count)
      next: reachedSince || result.listed < PAGE_SIZE || page >= last ? null : String(page + 1),
    };
  }
}
