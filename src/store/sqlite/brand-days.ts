import type { BrandDay, HourRange } from '../store.js';
import { EARLIEST_MENTION_DAY } from '../../domain/mention.js';
import type { Db } from './open.js';
import { fillSourceDays } from './status-counts.js';
import { exactEdges, planRangeRollup } from './term-rollup.js';
import { brandKey } from '../../domain/brand-key.js';

/** A brand's per-day counts of a set of link rows `t` (one day or an edge range within one day). */
const DAY_SUMS = `COUNT(*) AS mentions, COUNT(t.sentiment) AS analysed, COUNT(DISTINCT t.voice) AS authors,
  COUNT(DISTINCT t.cluster) AS clusters, COALESCE(SUM(t.sentiment < 0), 0) AS negative, COALESCE(SUM(t.sentiment > 0), 0) AS positive,
  COALESCE(SUM(t.complaint <> 0 AND t.sentiment IS NOT NULL), 0) AS complaints, COALESCE(SUM(t.engagement), 0) AS engagement`;

/**
 * Per-day counts of one brand's links over a range: whole days from brand_days (filled
 * here when missing or stale, and after each analysis run), the partial days at the edges
 * from mention_brands itself, read against each mention's own time. On a read-only
 * connection (read commands) or while another writer holds the database, days without a
 * current row are counted from mention_brands instead. Days with no links are left out.
 */
export function readBrandDays(db: Db, range: HourRange): BrandDay[] {
  const brandId = (db.prepare('SELECT id FROM brands WHERE name_key = ?').pluck().get(brandKey(range.brand)) as number | undefined) ?? -1;
  const params = { brand: brandId, from: range.fromHour, to: range.toHour, fromIso: range.fromIso ?? null, toIso: range.toIso ?? null };
  if (range.langs) {
    // the rollup does not keep languages: the range's links, those analysed as one of them
    return db.prepare(`SELECT t.hour / 24 AS day, ${DAY_SUMS} FROM mention_brands t
      JOIN analyses la ON la.mention_id = t.mention_id AND COALESCE(la.lang, 'und') IN (SELECT value FROM json_each(@langs))
      WHERE t.brand_id = @brand AND t.hour >= @from AND t.hour < @to ${exactEdges('t')} GROUP BY t.hour / 24 ORDER BY day`)
      .all({ ...params, langs: JSON.stringify(range.langs) }) as BrandDay[];
  }
  const plan = planRangeRollup(range);
  const parts: string[] = [];
  if (plan.fromDay < plan.toDay) {
    const whole = `t.brand_id = @brand AND t.hour >= ${plan.fromDay * 24} AND t.hour < ${plan.toDay * 24}`;
    if (fillBrandDays(db, brandId, plan.fromDay, plan.toDay)) {
      parts.push(`SELECT day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement FROM brand_days
        WHERE brand_id = @brand AND day >= ${plan.fromDay} AND day < ${plan.toDay} AND mentions > 0`);
    } else {
      // current days from the rollup, the others (deleted by a write, or never filled) raw
      parts.push(`SELECT day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement FROM brand_days
        WHERE brand_id = @brand AND day >= ${plan.fromDay} AND day < ${plan.toDay} AND mentions > 0`);
      parts.push(`SELECT t.hour / 24 AS day, ${DAY_SUMS} FROM mention_brands t WHERE ${whole}
        AND NOT EXISTS (SELECT 1 FROM brand_days d WHERE d.brand_id = t.brand_id AND d.day = t.hour / 24) GROUP BY t.hour / 24`);
    }
  }
  for (const [from, to] of plan.raw) {
    parts.push(`SELECT t.hour / 24 AS day, ${DAY_SUMS} FROM mention_brands t
      WHERE t.brand_id = @brand AND t.hour >= ${from} AND t.hour < ${to} ${exactEdges('t')} GROUP BY t.hour / 24`);
  }
  return db.prepare(`SELECT * FROM (${parts.join(' UNION ALL ')}) ORDER BY day`).all(params) as BrandDay[];
}

/**
 * Fills brand_days for every brand's days before `beforeDay` that have links and no
 * current row; analysis runs call it. Days before 2000 (which older versions let in) are
 * left to be read raw: a brand's span from year 1 would write 739,000 quiet days.
 */
export function refreshStaleBrandDays(db: Db, beforeDay: number): number {
  if (db.readonly) return 0;
  const stale = db.prepare(`
    SELECT brand_id AS brand, MIN(day) AS fromDay, MAX(day) + 1 AS toDay, COUNT(*) AS days FROM (
      SELECT brand_id, hour / 24 AS day FROM mention_brands WHERE hour >= ? AND hour < ? GROUP BY brand_id, hour / 24
      EXCEPT SELECT brand_id, day FROM brand_days) GROUP BY brand_id`).all(EARLIEST_MENTION_DAY * 24, beforeDay * 24) as Array<{ brand: number; fromDay: number; toDay: number; days: number }>;
  let refreshed = 0;
  for (const s of stale) {
    if (!fillBrandDays(db, s.brand, s.fromDay, s.toDay)) break;
    refreshed += s.days;
  }
  return refreshed;
}

/**
 * Computes the missing days of [fromDay, toDay): one indexed GROUP BY for all of them,
 * one row per day (zeros included, so a quiet day is current too). Returns false, writing
 * nothing, on a read-only connection or when another writer holds the database.
 */
function fillBrandDays(db: Db, brandId: number, fromDay: number, toDay: number): boolean {
  if (brandId < 0) return true;
  const done = db.prepare('SELECT COUNT(*) FROM brand_days WHERE brand_id = ? AND day >= ? AND day < ?').pluck().get(brandId, fromDay, toDay) as number;
  if (done === toDay - fromDay) return true;
  if (db.readonly) return false;
  try {
    db.transaction(() => {
      // status's per-source counts of the same days first: they are current exactly while brand_days holds the day
      fillSourceDays(db, { brand: brandId, from: fromDay * 24, to: toDay * 24, fromDay, toDay });
      db.prepare(`INSERT OR IGNORE INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        SELECT @brand, t.hour / 24, ${DAY_SUMS} FROM mention_brands t
        WHERE t.brand_id = @brand AND t.hour >= @from AND t.hour < @to
          AND t.hour / 24 NOT IN (SELECT day FROM brand_days WHERE brand_id = @brand AND day >= @fromDay AND day < @toDay)
        GROUP BY t.hour / 24`).run({ brand: brandId, from: fromDay * 24, to: toDay * 24, fromDay, toDay });
      const quiet = db.prepare(`INSERT OR IGNORE INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        VALUES (?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`);
      for (let day = fromDay; day < toDay; day++) quiet.run(brandId, day);
    }).immediate();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_READONLY')) return false;
    throw error;
  }
}

