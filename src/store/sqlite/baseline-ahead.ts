import type { HourRange, TermCounts } from '../store.js';
import { readOnThread } from './edge-reader.js';
import type { Db } from './open.js';
import { edgeTermsSql, ensureRollup, planRangeRollup, rollupTermsSql } from './term-rollup.js';

/**
 * Mentions in a baseline's raw edge hours from which baselineTerms reads them on a thread
 * of its own while the window's terms are read here: at 1M mentions (~13k a 12-hour edge)
 * the two edges cost ~190 ms, as much as the window's terms; a thread costs ~30 ms to start.
 */
export const PARALLEL_EDGE_MENTIONS = 10_000;

export interface ReportQueryOptions {
  /** See PARALLEL_EDGE_MENTIONS; tests set 0 to take the thread path on small data. */
  parallelEdgeMentions?: number;
}

/** Named parameters of a report query: the brand's id, the range's hours and exact bounds. */
type RangeParams = { brand: number } & Record<string, unknown>;

/**
 * Starts reading every term's counts over a range's raw edge hours on a thread, when they
 * hold at least `minMentions`; null when they do not (or there is no thread to be had: an
 * in-memory database, a source filter the rollup does not serve).
 */
export function readEdgesAhead(db: Db, range: HourRange, params: RangeParams, minMentions: number): Promise<number[][] | null> | null {
  if (range.source || range.langs || db.memory) return null;
  const plan = planRangeRollup(range);
  if (plan.fromDay >= plan.toDay || plan.raw.length === 0) return null;
  const count = db.prepare('SELECT COUNT(*) FROM mention_brands WHERE brand_id = ? AND hour >= ? AND hour < ?').pluck();
  const mentions = plan.raw.reduce((n, [from, to]) => n + (count.get(params.brand, from, to) as number), 0);
  if (mentions < minMentions) return null;
  return readOnThread(db.name, plan.raw.map(([from, to]) => ({ sql: edgeTermsSql(from, to, ''), params })))
    .then((rows) => rows && rows.flat() as number[][]);
}

/**
 * The rolled per-term sums of the chosen terms (as the rollup query gives them): the
 * whole days from term_days, read here while the thread still reads the edges, plus the
 * edge rows it read; null when the rollup or the thread cannot serve.
 */
export async function mergeEdgesAhead(db: Db, range: HourRange, ahead: Promise<number[][] | null>, termIds: number[],
  params: RangeParams & { ids: string }): Promise<TermCounts[] | null> {
  const plan = planRangeRollup(range);
  if (!ensureRollup(db, params.brand, plan)) return null;
  const sums = new Map<number, number[]>();
  const add = (row: number[]) => {
    const sum = sums.get(row[0]!);
    if (!sum) sums.set(row[0]!, row.slice(1));
    else for (let i = 1; i < row.length; i++) sum[i - 1]! += row[i]!;
  };
  const filter = 'AND term_id IN (SELECT value FROM json_each(@ids))';
  for (const row of db.prepare(rollupTermsSql({ ...plan, raw: [] }, filter)).raw().all(params) as number[][]) add(row);
  const names = new Map((db.prepare('SELECT id, key, display FROM terms WHERE id IN (SELECT value FROM json_each(@ids))')
    .raw().all(params) as Array<[number, string, string]>).map(([id, key, display]) => [id, { key, display }]));
  const edges = await ahead;
  if (!edges) return null;
  const wanted = new Set(termIds);
  for (const row of edges) if (wanted.has(row[0]!)) add(row);
  return [...sums.keys()].sort((a, b) => a - b).map((termId) => {
    const [mentions, authors, clusters, negative, positive, complaints] = sums.get(termId)! as [number, number, number, number, number, number];
    return { termId, ...names.get(termId)!, mentions, voices: Math.min(authors, clusters), negative, positive, complaints };
  });
}
