import type { Sql } from './connect.js';

/** Mentions analysed in one run that make the planner's statistics worth renewing at once. */
export const STALE_ROWS = 10_000;

/** The tables an import and its analysis grow, whose row estimates the report's plans rest on. */
const WRITTEN = ['mentions', 'mention_keys', 'mention_brands', 'analyses', 'terms', 'mention_terms', 'term_days', 'brand_days'];

/**
 * ANALYZEs the tables a large analysis run grew, when it wrote at least STALE_ROWS analyses
 * and at least a tenth of what `analyses` held at its last ANALYZE (autovacuum's own rule,
 * applied now rather than whenever its daemon comes round; never-analysed tables count as
 * empty). Right after a large import the planner otherwise plans reports on a near-empty
 * `mention_terms`: a fresh 1M-mention store took 41 s for its first report (termPairs) and
 * 1.25 s once autovacuum had analysed it. Returns whether it ran.
 */
export async function renewStaleStatistics(sql: Sql, analysed: number): Promise<boolean> {
  if (analysed < STALE_ROWS) return false;
  const [row] = await sql<Array<{ rows: number }>>`SELECT GREATEST(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = to_regclass('analyses')`;
  if (analysed < (row?.rows ?? 0) / 10) return false;
  for (const table of WRITTEN) await sql`ANALYZE ${sql(table)}`;
  return true;
}
