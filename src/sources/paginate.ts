import type { MentionInput } from '../domain/mention.js';
import type { FetchContext, SourcePage } from './source.js';
import { latestTrusted } from './trusted-time.js';
import { parseStreamCursor, serializeStreamCursor, type StreamCursor } from './stream-cursor.js';

export interface PageRequest<M> {
  /** Newest mark of the last completed pass: fetch only what is newer. */
  since: M | null;
  /** Where paging stands (an API token, a fullname, a page number), or null for the first page. */
  next: string | null;
  /** Newest mark of this pass, known once its first page has been read. */
  newest: M | null;
  /** Posts still allowed by --max-posts, at most 100. */
  limit: number;
}

export interface PageResult<M> {
  mentions: MentionInput[];
  postsRead: number;
  /** Newest mark on this page (only used from the first page of a pass). */
  newest: M | null;
  /** Null when the listing ended or the page reached `since`. */
  next: string | null;
}

export interface StreamSpec<M> {
  stream: string;
  query: string;
  fetchPage(request: PageRequest<M>): Promise<PageResult<M>>;
  /** The time a mark stands for (epoch ms), when marks are times: a saved one in the future is distrusted. */
  markTime?(mark: M): number | null;
}

/** Posts read so far in this run, shared by all streams of one brand on one source. */
export interface Budget {
  read: number;
}

/**
 * Pages one stream newest-first, carrying each page's cursor with it (see
 * StreamCursor), until the listing ends, --max-posts is spent, or --max-pages hits.
 */
export async function* paginateStream<M>(spec: StreamSpec<M>, ctx: FetchContext, budget: Budget): AsyncGenerator<SourcePage> {
  const { cursor: start, reset } = parseStreamCursor<M>(await ctx.getCursor(spec.stream), spec.query);
  if (reset) notify(ctx, `${spec.stream}: the query changed since the last scan, starting this stream afresh`);
  if (isFutureMark(spec, start.since, ctx) || isFutureMark(spec, start.pending?.newest ?? null, ctx)) {
    // saved before this check existed, from a post dated in the future: it would hide everything older
    notify(ctx, `${spec.stream}: the saved cursor is dated in the future; starting this stream afresh`);
    start.since = null;
    start.pending = null;
  }
  let newest: M | null = start.pending?.newest ?? null;
  let next = start.pending?.next ?? null;
  for (let pages = 0; ; pages++) {
    if (budget.read >= ctx.maxPosts) {
      notify(ctx, `${spec.stream}: stopped at --max-posts ${ctx.maxPosts} posts read; the next scan continues from here`);
      return;
    }
    if (pages >= ctx.maxPages) {
      notify(ctx, `${spec.stream}: stopped after ${pages} pages (max pages); the next scan continues from here`);
      return;
    }
    const limit = Math.min(100, ctx.maxPosts - budget.read);
    const page = await spec.fetchPage({ since: start.since, next, newest, limit });
    if (newest === null) newest = page.newest;
    budget.read += page.postsRead;
    const cursor: StreamCursor<M> =
      page.next === null
        ? { query: spec.query, since: newest ?? start.since, pending: null }
        : { query: spec.query, since: start.since, pending: { newest, next: page.next } };
    ctx.onEvent?.({ kind: 'page', stream: spec.stream, posts: page.postsRead });
    yield { mentions: page.mentions, postsRead: page.postsRead, cursor: { stream: spec.stream, value: serializeStreamCursor(cursor) } };
    if (page.next === null) return;
    next = page.next;
  }
}

function isFutureMark<M>(spec: StreamSpec<M>, mark: M | null, ctx: FetchContext): boolean {
  const ms = mark === null ? null : (spec.markTime?.(mark) ?? null);
  return ms !== null && ms > latestTrusted(ctx);
}

function notify(ctx: FetchContext, message: string): void {
  ctx.onEvent?.({ kind: 'notice', message });
}
