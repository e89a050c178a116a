import type { BrandConfig } from '../config/schema.js';
import { dateOutOfRange, type MentionInput } from '../domain/mention.js';
import { UserError } from '../errors.js';
import { createBrandLinker } from './brand-links.js';
import { failureKind, type OutcomeKind } from '../sources/errors.js';
import { isUnavailable } from '../sources/create-sources.js';
import { SourceStopped, type FetchContext, type Source, type SourceEvent } from '../sources/source.js';
import { isStoreBusy, STORE_BUSY } from '../store/store-errors.js';
import type { Store } from '../store/store.js';

export interface ScanOptions {
  brands: BrandConfig[];
  /** Every brand of the config (default: `brands`): a mention naming one is linked to it too. */
  watched?: BrandConfig[];
  sources: Source[];
  /** Sources named by --source: only these run, and an unavailable one is an error. */
  requested?: string[];
  /**
   * Posts read per source across all brands in this scan (X bills per post read), split
   * fairly: each brand gets an equal share of what is left, and a share a brand does not
   * use passes to the brands after it.
   */
  maxPosts: number;
  maxWaitMs: number;
  maxPages: number;
  onEvent?: (brand: string, source: string, event: SourceEvent) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** Applied to a failed run's message before it is stored or returned: an API error may quote a login. */
  redact?: (text: string) => string;
}

export interface ScanRun {
  brand: string;
  source: string;
  status: 'ok' | 'stopped' | 'failed';
  pages: number;
  postsRead: number;
  inserted: number;
  updated: number;
  message?: string;
  /** How it ended in a word (ok, empty, rate-limited, auth, blocked, network, http, parse, other) and the HTTP status of a failure. */
  kind: OutcomeKind;
  httpStatus: number | null;
  /** It read its whole share of the post budget: the source may hold more for the brand (its backlog was not fully read). */
  budgetHit: boolean;
  /** Posts dated before 2000-01-01 or more than a day past the clock: skipped, not stored. */
  skippedDates?: number;
  startedAt: string;
  finishedAt: string;
}

export interface SkippedSource {
  source: string;
  reason: string;
  hint: string;
}

export interface ScanSummary {
  runs: ScanRun[];
  skipped: SkippedSource[];
}

/**
 * Fetches new mentions for each brand from each available source and stores them page
 * by page, each page with its cursor in one transaction. A source that stops or fails
 * does not stop the others; its run says so, and the next scan resumes from its cursor.
 */
export async function scan(store: Store, options: ScanOptions): Promise<ScanSummary> {
  const { runnable, skipped } = pickSources(options.sources, options.requested);
  const runs: ScanRun[] = [];
  const link = createBrandLinker(options.watched ?? options.brands);
  for (const source of runnable) {
    let budget = options.maxPosts;
    const brands = options.brands.filter((brand) => source.appliesTo?.(brand) ?? true);
    if (brands.length === 0 && options.requested) {
      throw new UserError(`${source.name} was asked for but no brand configures it`, `add queries.${source.name} to a brand in the config (see docs/sources.md)`);
    }
    for (const [i, brand] of brands.entries()) {
      // one shared budget let the first brand take all of X's posts and left the next with
      // none, which skewed share of voice: each brand gets an equal share of what is left
      const share = Math.ceil(budget / (brands.length - i));
      const run = await scanOne(store, source, brand, { ...options, maxPosts: share }, link);
      budget = Math.max(0, budget - run.postsRead);
      runs.push(run);
      if (options.signal?.aborted) return { runs, skipped };
    }
  }
  return { runs, skipped };
}

function pickSources(sources: Source[], requested: string[] | undefined): { runnable: Source[]; skipped: SkippedSource[] } {
  const chosen = requested ? sources.filter((source) => requested.includes(source.name)) : sources;
  const skipped: SkippedSource[] = [];
  const runnable: Source[] = [];
  for (const source of chosen) {
    if (!isUnavailable(source)) runnable.push(source);
    else if (requested) throw new UserError(`${source.name} was asked for but has ${source.reason}`, source.hint);
    else if (!source.quiet) skipped.push({ source: source.name, reason: source.reason, hint: source.hint });
  }
  return { runnable, skipped };
}

async function scanOne(store: Store, source: Source, brand: BrandConfig, options: ScanOptions,
  link: (mention: MentionInput) => MentionInput): Promise<ScanRun> {
  const now = options.now ?? (() => new Date());
  const run: ScanRun = { brand: brand.name, source: source.name, status: 'ok', kind: 'ok', httpStatus: null, pages: 0, postsRead: 0, inserted: 0, updated: 0, budgetHit: false, startedAt: now().toISOString(), finishedAt: '' };
  const ctx: FetchContext = {
    getCursor: (stream) => store.getCursor({ source: source.name, brand: brand.name, stream }),
    maxPosts: options.maxPosts,
    maxWaitMs: options.maxWaitMs,
    maxPages: options.maxPages,
    onEvent: (event) => options.onEvent?.(brand.name, source.name, event),
    signal: options.signal,
    sessions: {
      get: (account) => store.getSourceSession({ source: source.name, account }),
      save: (account, value) => store.saveSourceSession({ source: source.name, account }, value),
    },
    now,
  };
  try {
    for await (const page of source.fetchMentions(brand, ctx)) {
      const cursor = page.cursor ? { source: source.name, brand: brand.name, ...page.cursor } : undefined;
      const kept = page.mentions.filter((mention) => dateOutOfRange(mention.createdAt, now()) === null);
      run.skippedDates = (run.skippedDates ?? 0) + page.mentions.length - kept.length;
      const outcome = await store.upsertMentions(kept.map(link), cursor);
      run.pages++;
      run.postsRead += page.postsRead;
      run.inserted += outcome.inserted;
      run.updated += outcome.updated;
    }
  } catch (error) {
    run.status = error instanceof SourceStopped ? 'stopped' : 'failed';
    // a stop is the rate window (longer than --max-wait) or the retries running out on 429s
    Object.assign(run, error instanceof SourceStopped ? { kind: 'rate-limited', httpStatus: null } : failureKind(error));
    const message = isStoreBusy(error) ? STORE_BUSY : error instanceof Error ? error.message : String(error);
    run.message = options.redact ? options.redact(message) : message;
  }
  if (run.skippedDates && !run.message) run.message = `${run.skippedDates} post(s) dated before 2000 or more than a day ahead were skipped`;
  run.finishedAt = now().toISOString();
  if (run.status === 'ok' && run.postsRead === 0) run.kind = 'empty';
  // a source stops at ctx.maxPosts; reading that many (or being given none) means older posts were left unread
  run.budgetHit = run.postsRead >= options.maxPosts;
  const { brand: runBrand, source: runSource, startedAt, finishedAt, postsRead, inserted, updated, status, message, budgetHit, kind, httpStatus } = run;
  try {
    await store.recordScanRun({ brand: runBrand, source: runSource, startedAt, finishedAt, postsRead, inserted, updated, status, message, budgetHit, kind, httpStatus });
  } catch (error) {
    // a store that cannot even record the run fails this source; the others still run
    run.status = 'failed';
    run.message = `${run.message ? `${run.message}; ` : ''}the run could not be recorded: ${isStoreBusy(error) ? STORE_BUSY : (error as Error).message}`;
  }
  return run;
}
