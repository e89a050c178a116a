import { wholeHours, type HourRange } from '../store.js';
import type { Db } from './open.js';

/** A brand's hour range split into whole days (read from the rollup) and raw edge hours. */
export interface RollupPlan {
  fromDay: number;
  toDay: number;
  /** Hour ranges at the edges, read from mention_terms directly. */
  raw: Array<[from: number, to: number]>;
}

export function planRollup(fromHour: number, toHour: number): RollupPlan {
  const fromDay = Math.ceil(fromHour / 24);
  const toDay = Math.floor(toHour / 24);
  if (fromDay >= toDay) return { fromDay: 0, toDay: 0, raw: [[fromHour, toHour]] };
  const raw: Array<[number, number]> = [];
  if (fromHour < fromDay * 24) raw.push([fromHour, fromDay * 24]);
  if (toDay * 24 < toHour) raw.push([toDay * 24, toHour]);
  return { fromDay, toDay, raw };
}

/**
 * The plan of a range whose edges may be partial hours (see HourRange): whole days of
 * whole hours from the rollup; a partial first or last hour joins the raw edge beside it,
 * where the exact bounds apply.
 */
export function planRangeRollup(range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>): RollupPlan {
  const whole = wholeHours(range);
  if (whole.fromHour >= whole.toHour) return { fromDay: 0, toDay: 0, raw: [[range.fromHour, range.toHour]] };
  const plan = planRollup(whole.fromHour, whole.toHour);
  const raw = plan.raw.map(([from, to]) => [from, to] as [number, number]);
  if (range.fromIso) {
    if (raw[0] && raw[0][0] === whole.fromHour) raw[0][0] = range.fromHour;
    else raw.unshift([range.fromHour, whole.fromHour]);
  }
  if (range.toIso) {
    const last = raw.at(-1);
    if (last && last[1] === whole.toHour) last[1] = range.toHour;
    else raw.push([whole.toHour, range.toHour]);
  }
  return { ...plan, raw };
}

/**
 * Rows of a range's partial first and last hour that lie outside its exact bounds
 * (@fromIso, @toIso) are left out, read against the mention's own time. Only rows of
 * those two hours pay for the lookup.
 */
export function exactEdges(alias: string): string {
  const time = `(SELECT e.created_at FROM mentions e WHERE e.id = ${alias}.mention_id)`;
  return `AND (@fromIso IS NULL OR ${alias}.hour > @from OR ${time} >= @fromIso)
    AND (@toIso IS NULL OR ${alias}.hour < @to - 1 OR ${time} < @toIso)`;
}

/**
 * Makes sure every whole day of the plan has its rollup, computing the missing ones
 * (one GROUP BY over that day's term rows each). Returns false when the database is
 * busy with another writer, so the caller can read the raw rows instead.
 */
export function ensureRollup(db: Db, brandId: number, plan: RollupPlan): boolean {
  if (plan.fromDay >= plan.toDay) return true;
  const done = new Set(db.prepare('SELECT day FROM term_days_done WHERE brand_id = ? AND day >= ? AND day < ?')
    .pluck().all(brandId, plan.fromDay, plan.toDay) as number[]);
  const clear = db.prepare('DELETE FROM term_days WHERE brand_id = ? AND day = ?');
  const fill = db.prepare(`
    INSERT INTO term_days (brand_id, term_id, day, mentions, authors, clusters, negative, positive, complaints)
    SELECT brand_id, term_id, @day, COUNT(*), COUNT(DISTINCT voice), COUNT(DISTINCT cluster), SUM(sentiment < 0), SUM(sentiment > 0),
      SUM(complaint <> 0)
    FROM mention_terms WHERE brand_id = @brand AND hour >= @day * 24 AND hour < @day * 24 + 24 GROUP BY term_id`);
  const mark = db.prepare('INSERT OR IGNORE INTO term_days_done (brand_id, day) VALUES (?, ?)');
  const rollDay = db.transaction((day: number) => {
    clear.run(brandId, day);
    fill.run({ brand: brandId, day });
    mark.run(brandId, day);
  });
  try {
    for (let day = plan.fromDay; day < plan.toDay; day++) if (!done.has(day)) rollDay.immediate(day);
    return true;
  } catch (error) {
    // busy: another writer; read-only: a read command's connection (both read the raw rows)
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_READONLY')) return false;
    throw error;
  }
}

/**
 * Per-term sums over a plan: whole days from term_days, edge hours from mention_terms
 * grouped the same way, so voices = min(Σ daily authors, Σ daily clusters) either way.
 */
export function rollupTermsSql(plan: RollupPlan, termFilter: string): string {
  const parts: string[] = [];
  if (plan.fromDay < plan.toDay && termFilter.includes('@ids')) {
    // a term list walks the primary key id by id, in list order: ~2x faster than the
    // planner's IN (…), which first builds an index of the ids
    parts.push(`SELECT d.term_id, d.mentions, d.authors, d.clusters, d.negative, d.positive, d.complaints
      FROM json_each(@ids) j CROSS JOIN term_days d
      WHERE d.brand_id = @brand AND d.term_id = j.value AND d.day >= ${plan.fromDay} AND d.day < ${plan.toDay}`);
  } else if (plan.fromDay < plan.toDay) {
    parts.push(`SELECT term_id, mentions, authors, clusters, negative, positive, complaints FROM term_days
      WHERE brand_id = @brand AND day >= ${plan.fromDay} AND day < ${plan.toDay} ${termFilter}`);
  }
  for (const [from, to] of plan.raw) parts.push(edgeTermsSql(from, to, termFilter));
  return parts.join('\n UNION ALL \n');
}

/**
 * Per-term counts of one raw edge range [from, to) of a plan, in term_days' columns
 * (term_id, mentions, authors, clusters, negative, positive, complaints). An edge lies
 * within one day, so its distinct counts are daily counts.
 */
export function edgeTermsSql(from: number, to: number, termFilter: string): string {
  return `SELECT t.term_id, COUNT(*) AS mentions, COUNT(DISTINCT t.voice) AS authors, COUNT(DISTINCT t.cluster) AS clusters,
      SUM(t.sentiment < 0) AS negative, SUM(t.sentiment > 0) AS positive, SUM(t.complaint <> 0) AS complaints
    FROM mention_terms t WHERE t.brand_id = @brand AND t.hour >= ${from} AND t.hour < ${to} ${termFilter} ${exactEdges('t')}
    GROUP BY t.term_id`;
}

/** Fills the rollup of every analysed whole day before `beforeDay` that has none or a stale one. */
export function refreshStaleDays(db: Db, beforeDay: number): number {
  const stale = db.prepare(`
    SELECT brand_id AS brand, hour / 24 AS day FROM mention_brands WHERE sentiment IS NOT NULL GROUP BY brand_id, hour / 24
    EXCEPT SELECT brand_id, day FROM term_days_done`).all() as Array<{ brand: number; day: number }>;
  let refreshed = 0;
  for (const { brand, day } of stale) {
    if (day >= beforeDay) continue;
    if (!ensureRollup(db, brand, { fromDay: day, toDay: day + 1, raw: [] })) break;
    refreshed++;
  }
  return refreshed;
}
