import type { BrandDay, HourRange } from '../store.js';
import { EARLIEST_MENTION_DAY } from '../../domain/mention.js';
import { LOCK_CLASS, type Sql } from './connect.js';
import { fillSourceDays } from './status-counts.js';
import { exactEdges, planRangeRollup } from './term-rollup.js';
import { brandKey } from '../../domain/brand-key.js';

/** As on SQLite (src/store/sqlite/brand-days.ts): a brand's per-day counts of link rows `t`. */
const DAY_SUMS = `COUNT(*) AS mentions, COUNT(t.sentiment) AS analysed, COUNT(DISTINCT t.voice) AS authors,
  COUNT(DISTINCT t.cluster) AS clusters, COUNT(*) FILTER (WHERE t.sentiment < 0) AS negative, COUNT(*) FILTER (WHERE t.sentiment > 0) AS positive,
  COUNT(*) FILTER (WHERE t.complaint <> 0 AND t.sentiment IS NOT NULL) AS complaints, COALESCE(SUM(t.engagement), 0) AS engagement`;

export async function readBrandDays(sql: Sql, range: HourRange): Promise<BrandDay[]> {
  const [row] = await sql`SELECT id FROM brands WHERE name_key = ${brandKey(range.brand)}`;
  const brandId = row ? Number(row.id) : -1;
  const plan = planRangeRollup(range);
  const whole = !range.langs && plan.fromDay < plan.toDay && brandId >= 0 && await fillBrandDays(sql, brandId, plan.fromDay, plan.toDay);
  let query = range.langs
    // the rollup does not keep languages: the range's links, those analysed as one of them
    ? sql`SELECT t.hour / 24 AS day, ${sql.unsafe(DAY_SUMS)} FROM mention_brands t
        JOIN analyses la ON la.mention_id = t.mention_id AND COALESCE(la.lang, 'und') = ANY(${range.langs}::text[])
        WHERE t.brand_id = ${brandId} AND t.hour >= ${range.fromHour} AND t.hour < ${range.toHour} ${exactEdges(sql, range, 't')} GROUP BY t.hour / 24`
    : whole
    ? sql`SELECT day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement FROM brand_days
        WHERE brand_id = ${brandId} AND day >= ${plan.fromDay} AND day < ${plan.toDay} AND mentions > 0`
    : sql`SELECT t.hour / 24 AS day, ${sql.unsafe(DAY_SUMS)} FROM mention_brands t
        WHERE t.brand_id = ${brandId} AND t.hour >= ${plan.fromDay * 24} AND t.hour < ${plan.toDay * 24} GROUP BY t.hour / 24`;
  for (const [from, to] of range.langs ? [] : plan.raw) {
    query = sql`${query} UNION ALL SELECT t.hour / 24 AS day, ${sql.unsafe(DAY_SUMS)} FROM mention_brands t
      WHERE t.brand_id = ${brandId} AND t.hour >= ${from} AND t.hour < ${to} ${exactEdges(sql, range, 't')} GROUP BY t.hour / 24`;
  }
  const rows = await sql`SELECT * FROM (${query}) d ORDER BY day`;
  return rows.map((r) => ({
    day: Number(r.day), mentions: Number(r.mentions), analysed: Number(r.analysed), authors: Number(r.authors), clusters: Number(r.clusters),
    negative: Number(r.negative), positive: Number(r.positive), complaints: Number(r.complaints), engagement: Number(r.engagement),
  }));
}

/** Fills brand_days for every brand's days from 2000 to `beforeDay` that have links and no current row (see the SQLite twin). */
export async function refreshStaleBrandDays(sql: Sql, beforeDay: number): Promise<number> {
  const stale = await sql<Array<{ brand: number; fromDay: number; toDay: number; days: number }>>`
    SELECT brand AS brand, MIN(day) AS "fromDay", MAX(day) + 1 AS "toDay", COUNT(*)::int AS days FROM (
      (SELECT DISTINCT brand_id AS brand, hour / 24 AS day FROM mention_brands WHERE hour >= ${EARLIEST_MENTION_DAY * 24} AND hour < ${beforeDay * 24}
       UNION SELECT brand_id, day FROM brand_days_dirty WHERE day >= ${EARLIEST_MENTION_DAY} AND day < ${beforeDay})
      EXCEPT SELECT d.brand_id, d.day FROM brand_days d
        WHERE NOT EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = d.brand_id AND x.day = d.day)) s
    GROUP BY brand ORDER BY brand`;
  let refreshed = 0;
  for (const s of stale) {
    if (!await fillBrandDays(sql, Number(s.brand), s.fromDay, s.toDay)) break;
    refreshed += s.days;
  }
  return refreshed;
}

/**
 * Recomputes the days of [fromDay, toDay) that have no current rollup (missing, or
 * written to since) in one transaction; SHARE on mention_brands holds writers off while
 * it counts. Returns false when that would wait on a writer for long, or the server is
 * read-only: the caller then reads the raw rows.
 */
async function fillBrandDays(sql: Sql, brandId: number, fromDay: number, toDay: number): Promise<boolean> {
  const current = await sql`
    SELECT COUNT(*)::int AS n FROM brand_days d WHERE d.brand_id = ${brandId} AND d.day >= ${fromDay} AND d.day < ${toDay}
      AND NOT EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = d.brand_id AND x.day = d.day)`;
  if (current[0]!.n === toDay - fromDay) return true;
  try {
    await sql.begin(async (tx) => {
      await tx`SET LOCAL lock_timeout = '2s'`;
      await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.rollup}, ${-brandId}::integer)`;
      await tx`LOCK TABLE mention_brands IN SHARE MODE`;
      const stale = tx`SELECT g.day FROM generate_series(${fromDay}::integer, ${toDay - 1}::integer) AS g(day)
        WHERE NOT EXISTS (SELECT 1 FROM brand_days d WHERE d.brand_id = ${brandId} AND d.day = g.day)
           OR EXISTS (SELECT 1 FROM brand_days_dirty x WHERE x.brand_id = ${brandId} AND x.day = g.day)`;
      const days = (await stale).map((r) => Number(r.day));
      // status's per-source counts of the same days: current exactly while brand_days is
      await fillSourceDays(tx, brandId, fromDay, toDay, days);
      await tx`DELETE FROM brand_days WHERE brand_id = ${brandId} AND day = ANY(${days}::integer[])`;
      await tx`
        INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        SELECT ${brandId}, g.day, COALESCE(c.mentions, 0), COALESCE(c.analysed, 0), COALESCE(c.authors, 0), COALESCE(c.clusters, 0),
          COALESCE(c.negative, 0), COALESCE(c.positive, 0), COALESCE(c.complaints, 0), COALESCE(c.engagement, 0)
        FROM unnest(${days}::integer[]) AS g(day)
        LEFT JOIN (SELECT t.hour / 24 AS day, ${tx.unsafe(DAY_SUMS)} FROM mention_brands t
          WHERE t.brand_id = ${brandId} AND t.hour >= ${fromDay * 24} AND t.hour < ${toDay * 24}
            AND t.hour / 24 = ANY(${days}::integer[]) GROUP BY t.hour / 24) c ON c.day = g.day`;
      await tx`DELETE FROM brand_days_dirty WHERE brand_id = ${brandId} AND day = ANY(${days}::integer[])`;
    });
    return true;
  } catch (error) {
    if (['55P03', '25006'].includes((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
}
