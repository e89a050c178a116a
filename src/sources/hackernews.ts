import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { SourceError, TransientError, UnreadableResponseError } from './errors.js';
import { labelRequest, requestJson, type FetchLike } from './http.js';
import { paginateStream, type PageRequest, type PageResult } from './paginate.js';
import { mapItems } from './map-items.js';
import { latestTrusted } from './trusted-time.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions, htmlToText } from './text-match.js';

export interface HackerNewsSourceOptions {
  apiBase: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** The fields of an Algolia HN hit earshot reads; the whole hit is kept as `raw`. */
export interface HackerNewsHit {
  objectID: string;
  created_at_i: number;
  created_at?: string;
  author?: string;
  title?: string | null;
  story_text?: string | null;
  comment_text?: string | null;
  points?: number | null;
  num_comments?: number | null;
}

const HITS_PER_PAGE = 100;

interface SearchResult {
  hits: HackerNewsHit[];
  page: number;
  nbPages: number;
}

/**
 * Algolia's HN search, newest first. The pass is pinned between the last scan's
 * newest `created_at_i` and this pass's newest, so page numbers stay stable while
 * new items arrive.
 */
export class HackerNewsSource implements Source {
  readonly name = 'hackernews';

  constructor(private readonly options: HackerNewsSourceOptions) {}

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const query = brand.queries.hackernews ?? brand.name;
    const fetchPage = (request: PageRequest<number>) => this.fetchPage(query, brand, request, ctx);
    yield* paginateStream<number>({ stream: 'search', query, fetchPage, markTime: (mark) => mark * 1000 }, ctx, { read: 0 });
  }

  private async fetchPage(query: string, brand: BrandConfig, request: PageRequest<number>, ctx: FetchContext): Promise<PageResult<number>> {
    const filters = [`created_at_i>${request.since ?? 0}`];
    // the pass is pinned at its newest hit; its first page at the clock (plus skew), so a
    // hit dated in the future never becomes the cursor and hides everything before it
    const upTo = request.newest ?? Math.floor(latestTrusted(ctx) / 1000);
    filters.push(`created_at_i<=${upTo}`);
    const page = request.next === null ? 0 : Number(request.next);
    const url = new URL(`${this.options.apiBase}/search_by_date`);
    url.search = new URLSearchParams({
      query,
      tags: '(story,comment)',
      numericFilters: filters.join(','),
      // Fixed, never the remaining budget: page numbers are offsets in units of this.
      hitsPerPage: String(HITS_PER_PAGE),
      page: String(page),
    }).toString();
    const label = labelRequest('hackernews', 'GET', url);
    const result = await callWithPolicy(label, ctx, this.options.retry, async () => {
      const { data } = await requestJson(this.options.fetch, { url, label, timeoutMs: this.options.timeoutMs, signal: ctx.signal, readWindow: () => null });
      const read = readSearchResult(label, data);
      // Page numbers are offsets: skipping a page that should have hits would leave a gap.
      if (read.hits.length === 0 && page < read.nbPages) throw new TransientError(`${label} returned an empty page ${page} of ${read.nbPages}`);
      return read;
    });
    const mentions = mapItems(result.hits, (hit) => mapHackerNewsHit(hit, brand.name), 'search', ctx);
    return {
      mentions: applyExclusions(mentions, brand),
      postsRead: result.hits.length,
      // Only the first page may pin the window: a later page's top would cut off what lies above it.
      newest: page === 0 ? (result.hits[0]?.created_at_i ?? null) : null,
      // Algolia serves at most 1,000 hits per query; the pinned window keeps passes small.
      next: page + 1 < result.nbPages ? String(page + 1) : null,
    };
  }
}

function readSearchResult(label: string, data: unknown): SearchResult {
  const value = data as Partial<SearchResult> | null;
  if (!value || !Array.isArray(value.hits)) throw new UnreadableResponseError(`${label} returned something other than search hits`);
  const hits = value.hits.filter((hit) => typeof hit?.objectID === 'string' && typeof hit.created_at_i === 'number');
  return { hits, page: Number(value.page ?? 0), nbPages: Number(value.nbPages ?? 0) };
}

export function mapHackerNewsHit(hit: HackerNewsHit, brand: string): MentionInput {
  const body = hit.comment_text ?? hit.story_text ?? '';
  const title = hit.title ?? '';
  const text = hit.comment_text ? htmlToText(body) : [title, htmlToText(body)].filter(Boolean).join('\n\n');
  return {
    id: hit.objectID,
    source: 'hackernews',
    createdAt: new Date(hit.created_at_i * 1000).toISOString(),
    text,
    author: hit.author ?? null,
    url: `https://news.ycombinator.com/item?id=${hit.objectID}`,
    lang: null,
    metrics: { score: hit.points ?? undefined, replies: hit.num_comments ?? undefined },
    brand,
    raw: hit,
  };
}
