import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY } from '../sqlite/mention-queries.js';
import { mergeStatusRows, missingDaySpan } from '../status-rows.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION } from '../sqlite/intent-queries.js';
import type { StoreStatusRow } from '../store.js';
import type { Sql, Tx } from './connect.js';

/** As on SQLite (src/store/sqlite/status-counts.ts): status's counts of a brand's links `l`. */
const SOURCE_DAY_SUMS = `COUNT(*) AS mentions, COUNT(a.mention_id) AS analyzed, COALESCE(SUM(${EFFECTIVE_COMPLAINT}), 0) AS complaints,
  COALESCE(SUM(${EFFECTIVE_SAFETY}), 0) AS safety,
  COALESCE(SUM(${EFFECTIVE_QUESTION}), 0) AS questions, COALESCE(SUM(${EFFECTIVE_SUGGESTION}), 0) AS suggestions,
  MIN(m.created_at) AS "firstMention", MAX(m.created_at) AS "lastMention"`;
const SOURCE_DAY_JOINS = `JOIN mentions m ON m.id = l.mention_id
  LEFT JOIN analyses a ON a.mention_id = l.mention_id LEFT JOIN complaint_labels cl ON cl.mention_id = l.mention_id
  LEFT JOIN safety_labels sl ON sl.mention_id = l.mention_id LEFT JOIN intent_labels il ON il.mention_id = l.mention_id`;

/** Status's rows: per brand+source counts (below) joined with the last scan of each. */
export async function readStatusRows(sql: Sql): Promise<StoreStatusRow[]> {
  const scans = await sql<Array<{ brand: string; source: string; lastScan: string }>>`
    SELECT b.name AS brand, s.source AS source, MAX(s.finished_at) AS "lastScan"
    FROM scan_runs s JOIN brands b ON b.id = s.brand_id GROUP BY b.name, s.source`;
  return mergeStatusRows(await readStatusCounts(sql), scans);
}

/** Writes source_days for `days` of a brand (inside fillBrandDays' transaction, which holds SHARE on mention_brands). */
export async function fillSourceDays(tx: Tx, brandId: number, fromDay: number, toDay: number, days: number[]): Promise<void> {
  await tx`DELETE FROM source_days WHERE brand_id = ${brandId} AND day = ANY(${days}::integer[])`;
  await tx`INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, safety, questions, suggestions, first_mention, last_mention)
    SELECT ${brandId}, l.hour / 24, m.source, ${tx.unsafe(SOURCE_DAY_SUMS)} FROM mention_brands l ${tx.unsafe(SOURCE_DAY_JOINS)}
    WHERE l.brand_id = ${brandId} AND l.hour >= ${fromDay * 24} AND l.hour < ${toDay * 24} AND l.hour / 24 = ANY(${days}::integer[])
    GROUP BY l.hour / 24, m.source`;
}

/**
 * Per brand+source counts: current days (in brand_days, not dirty) from source_days,
 * every other day of a brand's links from the links themselves; no full count.
 */
async function readStatusCounts(sql: Sql): Promise<Array<Omit<StoreStatusRow, 'lastScan'>>> {
  const spans = await sql<Array<{ brand: number; first: number | null; last: number | null }>>`
    SELECT b.id AS brand, (SELECT MIN(hour) FROM mention_brands WHERE brand_id = b.id) AS first,
      (SELECT MAX(hour) FROM mention_brands WHERE brand_id = b.id) AS last FROM brands b`;
  const current = `EXISTS (SELECT 1 FROM brand_days d WHERE d.brand_id = l.brand_id AND d.day = l.hour / 24)
    AND NOT EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = l.brand_id AND x.day = l.hour / 24)`;
  const parts = [`SELECT s.brand_id, s.source, s.mentions, s.analyzed, s.complaints, s.safety, s.questions, s.suggestions, s.first_mention AS "firstMention", s.last_mention AS "lastMention"
    FROM source_days s JOIN brand_days d ON d.brand_id = s.brand_id AND d.day = s.day
    WHERE NOT EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = s.brand_id AND x.day = s.day)`];
  for (const span of spans) {
    if (span.first === null || span.last === null) continue;
    const [fromDay, toDay] = [Math.trunc(span.first / 24), Math.trunc(span.last / 24)];
    const currentDays = new Set((await sql`
      SELECT d.day FROM brand_days d WHERE d.brand_id = ${span.brand} AND d.day >= ${fromDay} AND d.day <= ${toDay}
        AND NOT EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = d.brand_id AND x.day = d.day)`).map((r) => Number(r.day)));
    const missing = missingDaySpan(fromDay, toDay, currentDays);
    if (!missing) continue;
    // hours whose day (truncated, as integer division does) is a missing one: a superset, the NOT picks them
    const from = missing[0] * 24 - 23;
    const to = missing[1] * 24 + 24;
    parts.push(`SELECT l.brand_id, m.source, ${SOURCE_DAY_SUMS} FROM mention_brands l ${SOURCE_DAY_JOINS}
      WHERE l.brand_id = ${Number(span.brand)} AND l.hour >= ${from} AND l.hour < ${to} AND NOT (${current})
      GROUP BY l.brand_id, m.source`);
  }
  return sql.unsafe(`SELECT b.name AS brand, p.source, SUM(p.mentions) AS mentions, MIN(p."firstMention") AS "firstMention",
      MAX(p."lastMention") AS "lastMention", SUM(p.analyzed) AS analyzed, SUM(p.complaints) AS complaints,
      SUM(p.safety) AS safety, SUM(p.questions) AS questions, SUM(p.suggestions) AS suggestions
    FROM (${parts.join(' UNION ALL ')}) p JOIN brands b ON b.id = p.brand_id
    GROUP BY b.name, p.source`) as unknown as Promise<Array<Omit<StoreStatusRow, 'lastScan'>>>;
}
