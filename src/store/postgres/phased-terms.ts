import type { HourRange, TermCounts } from '../store.js';
import type { Sql } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';
import { exactEdges } from './term-rollup.js';

/** As src/store/sqlite/phased-terms.ts: per-term counts over raw rows, voices per day of the range's phase. */
export async function readPhasedTerms(sql: Sql, range: HourRange, query: { termIds?: number[]; minVoices: number; limit: number }): Promise<TermCounts[]> {
  const [row] = await sql`SELECT id FROM brands WHERE name_key = ${brandKey(range.brand)}`;
  const brand = (row?.id as number | undefined) ?? -1;
  const day = `((t.hour - ${Math.trunc(range.dayPhase ?? 0)}) / 24)`;
  const voices = sql.unsafe(`LEAST(COUNT(DISTINCT t.voice * 100000 + ${day}), COUNT(DISTINCT t.cluster * 100000 + ${day}))`);
  const source = range.source ? sql`JOIN mentions sm ON sm.id = t.mention_id AND sm.source = ${range.source}` : sql``;
  const langs = range.langs ? sql`JOIN analyses la ON la.mention_id = t.mention_id AND COALESCE(la.lang, 'und') = ANY(${range.langs}::text[])` : sql``;
  const terms = query.termIds ? sql`AND t.term_id = ANY(${query.termIds}::bigint[])` : sql``;
  return [...await sql<TermCounts[]>`
    SELECT t.term_id AS "termId", k.key, k.display, COUNT(*) AS mentions, ${voices} AS voices,
      COUNT(*) FILTER (WHERE t.sentiment < 0) AS negative, COUNT(*) FILTER (WHERE t.sentiment > 0) AS positive,
      COUNT(*) FILTER (WHERE t.complaint <> 0) AS complaints
    FROM mention_terms t JOIN terms k ON k.id = t.term_id ${source} ${langs}
    WHERE t.brand_id = ${brand} AND t.hour >= ${range.fromHour} AND t.hour < ${range.toHour} ${terms} ${exactEdges(sql, range, 't')}
    GROUP BY t.term_id, k.key, k.display HAVING ${voices} >= ${query.minVoices}
    ORDER BY voices DESC, t.term_id LIMIT ${query.limit}`];
}
