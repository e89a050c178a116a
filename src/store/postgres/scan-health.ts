import { countsOfOneVersion, LINK_COUNTS_SQL, MODEL_VERSIONS_SQL, SCAN_HEALTH_SQL, toHealth } from '../sqlite/scan-health.js';
import type { HourRange, ModelVersionCount, SourceHealth } from '../store.js';
import type { Sql } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';

/** As on SQLite (src/store/sqlite/scan-health.ts): the same query reads on both. */
export async function readScanHealth(sql: Sql, brand?: string): Promise<SourceHealth[]> {
  const rows = brand === undefined
    ? await sql.unsafe(SCAN_HEALTH_SQL)
    : await sql.unsafe(`SELECT * FROM (${SCAN_HEALTH_SQL}) h WHERE h."brandKey" = $1`, [brandKey(brand)]);
  return toHealth(rows as unknown as Parameters<typeof toHealth>[0]);
}

export async function readModelVersionCounts(sql: Sql, range: HourRange): Promise<ModelVersionCount[]> {
  const versions = (await sql.unsafe(MODEL_VERSIONS_SQL)).map((r) => String(r.m));
  if (versions.length <= 1) {
    const [c] = await sql.unsafe(LINK_COUNTS_SQL, [brandKey(range.brand), range.fromHour, range.toHour]);
    return countsOfOneVersion(versions[0], Number(c!.total), Number(c!.analysed));
  }
  const rows = await sql<ModelVersionCount[]>`
    SELECT a.model_version AS "modelVersion", COUNT(*) AS mentions, MAX(a.analyzed_at) AS "lastAnalysedAt"
    FROM mention_brands l JOIN brands b ON b.id = l.brand_id LEFT JOIN analyses a ON a.mention_id = l.mention_id
    WHERE b.name_key = ${brandKey(range.brand)} AND l.hour >= ${range.fromHour} AND l.hour < ${range.toHour}
    GROUP BY a.model_version ORDER BY a.model_version`;
  return rows.map((r) => ({ ...r, mentions: Number(r.mentions) }));
}
