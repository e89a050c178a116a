import type { HourRange, ModelVersionCount, SourceHealth } from '../store.js';
import type { Db } from './open.js';
import { brandKey, compareKeys } from '../../domain/brand-key.js';

/**
 * Each brand × source's latest run, with its latest success and latest failure: the
 * window functions read scan_runs once (its index leads with brand and source).
 */
export const SCAN_HEALTH_SQL = `
  WITH r AS (
    SELECT s.brand_id, s.source, s.finished_at, s.status, s.posts_read, s.budget_hit, s.message, s.kind, s.http_status,
      ROW_NUMBER() OVER (PARTITION BY s.brand_id, s.source ORDER BY s.finished_at DESC, s.id DESC) AS latest,
      ROW_NUMBER() OVER (PARTITION BY s.brand_id, s.source
        ORDER BY CASE WHEN s.status = 'ok' THEN 0 ELSE 1 END DESC, s.finished_at DESC, s.id DESC) AS latest_failure,
      MAX(CASE WHEN s.status = 'ok' THEN s.finished_at END) OVER (PARTITION BY s.brand_id, s.source) AS last_success
    FROM scan_runs s
  )
  SELECT b.name AS brand, b.name_key AS "brandKey", r.source AS source, r.finished_at AS "lastAttempt", r.status AS "lastOutcome",
    r.posts_read AS "lastPostsRead", r.budget_hit AS "lastBudgetHit", r.last_success AS "lastSuccess",
    f.finished_at AS "lastFailure", f.message AS "lastFailureReason", r.kind AS "lastKind", r.http_status AS "lastHttpStatus"
  FROM r JOIN brands b ON b.id = r.brand_id
  LEFT JOIN r f ON f.brand_id = r.brand_id AND f.source = r.source AND f.latest_failure = 1 AND f.status <> 'ok'
  WHERE r.latest = 1`;

type HealthRow = Omit<SourceHealth, 'lastBudgetHit' | 'lastPostsRead' | 'lastHttpStatus'> & { brandKey: string; lastBudgetHit: number; lastPostsRead: number | string; lastHttpStatus: number | string | null };

/** Turns raw rows (numbers as the driver gives them) into SourceHealth, sorted by brand key then source. */
export function toHealth(rows: HealthRow[]): SourceHealth[] {
  const sorted = [...rows].sort((a, b) => compareKeys(a.brandKey, b.brandKey) || a.source.localeCompare(b.source));
  return sorted.map(({ brandKey: _, ...r }) => ({ ...r, lastPostsRead: Number(r.lastPostsRead), lastBudgetHit: Number(r.lastBudgetHit) === 1, lastFailureReason: r.lastFailureReason ?? null,
    lastKind: r.lastKind ?? null, lastHttpStatus: r.lastHttpStatus === null || r.lastHttpStatus === undefined ? null : Number(r.lastHttpStatus) }));
}

export function readScanHealth(db: Db, brand?: string): SourceHealth[] {
  const rows = brand === undefined
    ? db.prepare(SCAN_HEALTH_SQL).all()
    : db.prepare(`SELECT * FROM (${SCAN_HEALTH_SQL}) h WHERE h."brandKey" = ?`).all(brandKey(brand));
  return toHealth(rows as HealthRow[]);
}

/**
 * The model versions analyses hold, by a loose index scan of analyses_model (one seek per
 * version, not a read of every row): almost always one, and then no join is needed.
 */
export const MODEL_VERSIONS_SQL = `
  WITH RECURSIVE v(m) AS (
    SELECT MIN(model_version) FROM analyses
    UNION ALL SELECT (SELECT MIN(model_version) FROM analyses WHERE model_version > v.m) FROM v WHERE v.m IS NOT NULL
  ) SELECT m FROM v WHERE m IS NOT NULL`;

/** Links and analysed links of a brand in an hour range, from the covering (brand_id, hour, sentiment, …) index. */
export const LINK_COUNTS_SQL = `SELECT COUNT(*) AS total, COUNT(l.sentiment) AS analysed
  FROM mention_brands l JOIN brands b ON b.id = l.brand_id WHERE b.name_key = $1 AND l.hour >= $2 AND l.hour < $3`;

/** One version stored: the counts come from the links alone (sentiment is NULL until analysed). */
export function countsOfOneVersion(version: string | undefined, total: number, analysed: number): ModelVersionCount[] {
  const out: ModelVersionCount[] = [];
  if (analysed > 0) out.push({ modelVersion: version ?? null, mentions: analysed, lastAnalysedAt: null });
  if (total > analysed) out.push({ modelVersion: null, mentions: total - analysed, lastAnalysedAt: null });
  return out;
}

/** A brand's links in the range's hours by the model version of their analysis (whole hours: a warning's share, not a count to report). */
export function readModelVersionCounts(db: Db, range: HourRange): ModelVersionCount[] {
  const versions = db.prepare(MODEL_VERSIONS_SQL).pluck().all() as string[];
  if (versions.length <= 1) {
    const c = db.prepare(LINK_COUNTS_SQL.replace(/\$\d/g, '?')).get(brandKey(range.brand), range.fromHour, range.toHour) as { total: number; analysed: number };
    return countsOfOneVersion(versions[0], Number(c.total), Number(c.analysed));
  }
  const rows = db.prepare(`
    SELECT a.model_version AS modelVersion, COUNT(*) AS mentions, MAX(a.analyzed_at) AS lastAnalysedAt
    FROM mention_brands l JOIN brands b ON b.id = l.brand_id LEFT JOIN analyses a ON a.mention_id = l.mention_id
    WHERE b.name_key = ? AND l.hour >= ? AND l.hour < ?
    GROUP BY a.model_version ORDER BY a.model_version`).all(brandKey(range.brand), range.fromHour, range.toHour) as ModelVersionCount[];
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}
