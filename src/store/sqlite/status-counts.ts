import { mergeStatusRows, missingDaySpan } from '../status-rows.js';
import type { StoreStatusRow } from '../store.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY } from './mention-queries.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION } from './intent-queries.js';
import type { Db } from './open.js';

/** Status's rows: per brand+source counts (below) joined with the last scan of each. */
export function readStatusRows(db: Db): StoreStatusRow[] {
  const scans = db.prepare(`
    SELECT b.name AS brand, s.source AS source, MAX(s.finished_at) AS lastScan
    FROM scan_runs s JOIN brands b ON b.id = s.brand_id GROUP BY s.brand_id, s.source`).all() as
    Array<{ brand: string; source: string; lastScan: string }>;
  return mergeStatusRows(readStatusCounts(db), scans);
}

/** Status's counts of a brand's links per day and source, as status counts them (see readStatusRows). */
const SOURCE_DAY_SUMS = `COUNT(*) AS mentions, COUNT(a.mention_id) AS analyzed, COALESCE(SUM(${EFFECTIVE_COMPLAINT}), 0) AS complaints,
  COALESCE(SUM(${EFFECTIVE_SAFETY}), 0) AS safety,
  COALESCE(SUM(${EFFECTIVE_QUESTION}), 0) AS questions, COALESCE(SUM(${EFFECTIVE_SUGGESTION}), 0) AS suggestions,
  MIN(m.created_at) AS firstMention, MAX(m.created_at) AS lastMention`;

/** The links of a brand `l` with the mention, analysis, complaint and safety labels status reads. */
export const SOURCE_DAY_JOINS = `JOIN mentions m ON m.id = l.mention_id
  LEFT JOIN analyses a ON a.mention_id = l.mention_id LEFT JOIN complaint_labels cl ON cl.mention_id = l.mention_id
  LEFT JOIN safety_labels sl ON sl.mention_id = l.mention_id LEFT JOIN intent_labels il ON il.mention_id = l.mention_id`;

/** Writes source_days for the days of [fromDay, toDay) that brand_days does not hold (inside fillBrandDays' transaction). */
export function fillSourceDays(db: Db, p: { brand: number; from: number; to: number; fromDay: number; toDay: number }): void {
  const notCurrent = '(SELECT day FROM brand_days WHERE brand_id = @brand AND day >= @fromDay AND day < @toDay)';
  db.prepare(`DELETE FROM source_days WHERE brand_id = @brand AND day >= @fromDay AND day < @toDay AND day NOT IN ${notCurrent}`).run(p);
  db.prepare(`INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, safety, questions, suggestions, first_mention, last_mention)
    SELECT @brand, l.hour / 24, m.source, ${SOURCE_DAY_SUMS} FROM mention_brands l ${SOURCE_DAY_JOINS}
    WHERE l.brand_id = @brand AND l.hour >= @from AND l.hour < @to AND l.hour / 24 NOT IN ${notCurrent}
    GROUP BY l.hour / 24, m.source`).run(p);
}

/**
 * Status's per brand+source counts: the days brand_days holds from source_days, every
 * other day of a brand's links (today's, and days written to since their rollup) from the
 * links themselves; no full count, whatever the store's size.
 */
function readStatusCounts(db: Db): Array<Omit<StoreStatusRow, 'lastScan'>> {
  const spans = db.prepare(`SELECT b.id AS brand, (SELECT MIN(hour) FROM mention_brands WHERE brand_id = b.id) AS first,
    (SELECT MAX(hour) FROM mention_brands WHERE brand_id = b.id) AS last FROM brands b`).all() as Array<{ brand: number; first: number | null; last: number | null }>;
  const currentDays = db.prepare('SELECT day FROM brand_days WHERE brand_id = ? AND day >= ? AND day <= ?').pluck();
  const parts = [`SELECT s.brand_id, s.source, s.mentions, s.analyzed, s.complaints, s.safety, s.questions, s.suggestions, s.first_mention AS firstMention, s.last_mention AS lastMention
    FROM source_days s JOIN brand_days d ON d.brand_id = s.brand_id AND d.day = s.day`];
  for (const span of spans) {
    if (span.first === null || span.last === null) continue;
    const [fromDay, toDay] = [Math.trunc(span.first / 24), Math.trunc(span.last / 24)];
    const current = new Set(currentDays.all(span.brand, fromDay, toDay) as number[]);
    const missing = missingDaySpan(fromDay, toDay, current);
    if (!missing) continue;
    // hours whose day (truncated, as SQLite divides) is a missing one: a superset, NOT EXISTS picks them
    const from = missing[0] * 24 - 23;
    const to = missing[1] * 24 + 24;
    parts.push(`SELECT l.brand_id, m.source, ${SOURCE_DAY_SUMS} FROM mention_brands l ${SOURCE_DAY_JOINS}
      WHERE l.brand_id = ${span.brand} AND l.hour >= ${from} AND l.hour < ${to}
        AND NOT EXISTS (SELECT 1 FROM brand_days d WHERE d.brand_id = l.brand_id AND d.day = l.hour / 24)
      GROUP BY l.brand_id, m.source`);
  }
  return db.prepare(`SELECT b.name AS brand, p.source, SUM(p.mentions) AS mentions, MIN(p.firstMention) AS firstMention,
      MAX(p.lastMention) AS lastMention, SUM(p.analyzed) AS analyzed, SUM(p.complaints) AS complaints,
      SUM(p.safety) AS safety, SUM(p.questions) AS questions, SUM(p.suggestions) AS suggestions
    FROM (${parts.join(' UNION ALL ')}) p JOIN brands b ON b.id = p.brand_id
    GROUP BY p.brand_id, p.source`).all() as Array<Omit<StoreStatusRow, 'lastScan'>>;
}
