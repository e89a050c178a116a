import type { RollupPlan } from '../sqlite/term-rollup.js';
import { LOCK_CLASS, type Sql } from './connect.js';

import type { HourRange } from '../store.js';

export { planRangeRollup, planRollup, type RollupPlan } from '../sqlite/term-rollup.js';

/**
 * Rows of a range's partial first and last hour that lie outside its exact bounds are
 * left out, read against the mention's own time (mention_keys holds it by id).
 */
export function exactEdges(sql: Sql, range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>, alias: string) {
  const time = sql.unsafe(`(SELECT e.created_at FROM mention_keys e WHERE e.id = ${alias}.mention_id)`);
  const hour = sql.unsafe(`${alias}.hour`);
  const from = range.fromIso ? sql`AND (${hour} > ${range.fromHour} OR ${time} >= ${range.fromIso}::timestamptz)` : sql``;
  const to = range.toIso ? sql`AND (${hour} < ${range.toHour - 1} OR ${time} < ${range.toIso}::timestamptz)` : sql``;
  return sql`${from} ${to}`;
}

/** The same per-day counts as the raw report queries, for one day or one edge range within a day. */
const DAY_COUNTS = `COUNT(*) AS mentions, COUNT(DISTINCT voice) AS authors, COUNT(DISTINCT cluster) AS clusters,
  COUNT(*) FILTER (WHERE sentiment < 0) AS negative, COUNT(*) FILTER (WHERE sentiment > 0) AS positive,
  COUNT(*) FILTER (WHERE complaint <> 0) AS complaints`;

/** SQLSTATEs after which a report reads the raw rows instead: a lock wait ran out, or a read-only server (a replica). */
const FALL_BACK = new Set(['55P03', '25006']);

/**
 * The days of [fromDay, toDay) to (re)compute: those with analysed mentions or written
 * to since their rollup, less those already current (done, and not written to since).
 * A day with neither has no term rows and no rollup rows: both paths read nothing there.
 */
async function daysToRoll(sql: Sql, brandId: number, fromDay: number, toDay: number): Promise<number[]> {
  const rows = await sql`
    (SELECT DISTINCT hour / 24 AS day FROM mention_brands
      WHERE sentiment IS NOT NULL AND brand_id = ${brandId} AND hour >= ${fromDay * 24} AND hour < ${toDay * 24}
     UNION SELECT day FROM term_days_dirty WHERE brand_id = ${brandId} AND day >= ${fromDay} AND day < ${toDay})
    EXCEPT SELECT d.day FROM term_days_done d
      WHERE d.brand_id = ${brandId} AND d.day >= ${fromDay} AND d.day < ${toDay}
        AND NOT EXISTS (SELECT 1 FROM term_days_dirty x WHERE x.brand_id = d.brand_id AND x.day = d.day)
    ORDER BY 1`;
  return rows.map((r) => r.day as number);
}

/**
 * Makes sure every whole day of the plan has a current rollup, computing the others
 * one day per transaction. Returns false when that would mean waiting on a writer for
 * long (or the server is read-only), so the caller can read the raw rows instead.
 */
export async function ensureRollup(sql: Sql, brandId: number, plan: RollupPlan): Promise<boolean> {
  if (plan.fromDay >= plan.toDay) return true;
  try {
    for (const day of await daysToRoll(sql, brandId, plan.fromDay, plan.toDay)) await rollDay(sql, brandId, day);
    return true;
  } catch (error) {
    if (FALL_BACK.has((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
}

/**
 * Recomputes one day. SHARE on mention_terms waits for the writers in flight and holds
 * off new ones until commit, so the counts and the done mark describe the same rows;
 * the advisory lock keeps two reports from filling the same brand at once.
 */
async function rollDay(sql: Sql, brandId: number, day: number): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SET LOCAL lock_timeout = '2s'`;
    await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.rollup}, ${brandId}::integer)`;
    await tx`LOCK TABLE mention_terms IN SHARE MODE`;
    await tx`DELETE FROM term_days WHERE brand_id = ${brandId} AND day = ${day}`;
    await tx`
      INSERT INTO term_days (brand_id, term_id, day, mentions, authors, clusters, negative, positive, complaints)
      SELECT brand_id, term_id, ${day}, ${tx.unsafe(DAY_COUNTS)}
      FROM mention_terms WHERE brand_id = ${brandId} AND hour >= ${day * 24} AND hour < ${day * 24 + 24}
      GROUP BY brand_id, term_id`;
    await tx`DELETE FROM term_days_dirty WHERE brand_id = ${brandId} AND day = ${day}`;
    await tx`INSERT INTO term_days_done (brand_id, day) VALUES (${brandId}, ${day}) ON CONFLICT DO NOTHING`;
  });
}

/**
 * Per-term rows over a plan, to be summed by term: whole days from term_days, edge hours
 * from mention_terms grouped the same way, so voices = min(Σ daily authors, Σ daily
 * clusters) either way. `termIds` null means every term.
 */
export function rollupTermsQuery(sql: Sql, brandId: number, plan: RollupPlan, termIds: number[] | null,
  range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>) {
  const only = termIds ? sql`AND term_id = ANY(${termIds}::bigint[])` : sql``;
  let query = sql`SELECT term_id, mentions, authors, clusters, negative, positive, complaints FROM term_days
    WHERE brand_id = ${brandId} AND day >= ${plan.fromDay} AND day < ${plan.toDay} ${only}`;
  for (const [from, to] of plan.raw) {
    // an edge range lies within one day, so distinct counts over it are daily counts
    query = sql`${query} UNION ALL SELECT term_id, ${sql.unsafe(DAY_COUNTS)} FROM mention_terms t
      WHERE brand_id = ${brandId} AND hour >= ${from} AND hour < ${to} ${only} ${exactEdges(sql, range, 't')} GROUP BY term_id`;
  }
  return query;
}

/** Fills the rollup of every whole day before `beforeDay` that is analysed or written to, and not current. */
export async function refreshStaleDays(sql: Sql, beforeDay: number): Promise<number> {
  const stale = await sql<Array<{ brand: number; day: number }>>`
    (SELECT DISTINCT brand_id AS brand, hour / 24 AS day FROM mention_brands WHERE sentiment IS NOT NULL AND hour < ${beforeDay * 24}
     UNION SELECT brand_id, day FROM term_days_dirty WHERE day < ${beforeDay})
    EXCEPT SELECT d.brand_id, d.day FROM term_days_done d
      WHERE NOT EXISTS (SELECT 1 FROM term_days_dirty x WHERE x.brand_id = d.brand_id AND x.day = d.day)
    ORDER BY 1, 2`;
  let refreshed = 0;
  for (const { brand, day } of stale) {
    if (!await ensureRollup(sql, brand, { fromDay: day, toDay: day + 1, raw: [] })) break;
    refreshed++;
  }
  return refreshed;
}
