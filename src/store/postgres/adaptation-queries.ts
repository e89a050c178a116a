import type { AdaptationRecord, BrandScope, LabelledMention, ReviewRow } from '../store.js';
import type { Sql } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';
import { byBrandKey, sameBrand } from '../adapted-brands.js';

const keys = (names: readonly string[]) => names.map(brandKey);

/**
 * Condition on mention `m` for a brand scope, by the keys of the brands it is linked to,
 * as on SQLite; `rivals` as there (link order: the brand that stored the mention, then by
 * brand key).
 */
export function brandScopeFragment(sql: Sql, scope: BrandScope | undefined) {
  if (scope?.brands) {
    const rivals = scope.rivals?.length ? sql`AND NOT EXISTS (SELECT 1 FROM mention_brands rl JOIN brands rlb ON rlb.id = rl.brand_id
      WHERE rl.mention_id = m.id AND rlb.name_key = ANY(${keys(scope.rivals)}::text[])
        AND (rlb.id = m.brand_id OR (slb.id <> m.brand_id AND rlb.name_key COLLATE "C" < slb.name_key COLLATE "C")))` : sql``;
    return sql`AND EXISTS (SELECT 1 FROM mention_brands sl JOIN brands slb ON slb.id = sl.brand_id
      WHERE sl.mention_id = m.id AND slb.name_key = ANY(${keys(scope.brands)}::text[]) ${rivals})`;
  }
  if (scope?.exceptBrands?.length) return sql`AND NOT ${linkedTo(sql, scope.exceptBrands)}`;
  return sql``;
}

function linkedTo(sql: Sql, names: readonly string[]) {
  return sql`EXISTS (SELECT 1 FROM mention_brands fl JOIN brands flb ON flb.id = fl.brand_id
    WHERE fl.mention_id = m.id AND flb.name_key = ANY(${keys(names)}::text[]))`;
}

export async function readLabelledMentions(sql: Sql, brand?: string): Promise<LabelledMention[]> {
  const rows = await sql<Array<Omit<LabelledMention, 'complaint'> & { complaint: number | null }>>`
    SELECT m.id AS "rowId", m.external_id AS id, m.source, b.name AS brand, m.text, m.lang, h.label AS sentiment, cl.complaint
    FROM mentions m JOIN brands b ON b.id = m.brand_id
    LEFT JOIN human_labels h ON h.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
    WHERE (h.mention_id IS NOT NULL OR cl.mention_id IS NOT NULL) ${brand === undefined ? sql`` : sql`AND ${linkedTo(sql, [brand])}`}
    ORDER BY m.id`;
  return rows.map((r) => ({ ...r, complaint: r.complaint === null ? null : r.complaint === 1 }));
}

export async function readUnlabelledMentions(sql: Sql, query: { brand?: string; limit: number }): Promise<ReviewRow[]> {
  return [...await sql<ReviewRow[]>`
    SELECT m.id AS "rowId", m.external_id AS id, m.source, b.name AS brand, m.created_at AS "createdAt", m.author, m.text, m.url, m.lang,
      a.model_version AS "modelVersion", a.cluster_key AS "clusterKey"
    FROM mentions m JOIN brands b ON b.id = m.brand_id JOIN analyses a ON a.mention_id = m.id
    WHERE NOT EXISTS (SELECT 1 FROM human_labels h WHERE h.mention_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM complaint_labels cl WHERE cl.mention_id = m.id)
      ${query.brand === undefined ? sql`` : sql`AND ${linkedTo(sql, [query.brand])}`}
    ORDER BY m.created_at DESC, m.id DESC LIMIT ${query.limit}`];
}

export async function readActiveAdaptations(sql: Sql): Promise<AdaptationRecord[]> {
  return byBrandKey(await sql<AdaptationRecord[]>`
    SELECT version, brand, base_version AS "baseVersion", method, sentiment_labels AS "sentimentLabels",
      complaint_labels AS "complaintLabels", evaluation, payload, created_at AS "createdAt"
    FROM adapted_models WHERE active = 1`);
}

/** One transaction: the scope's active model is switched off, this one stored (or found) and switched on. */
export async function writeAdaptation(sql: Sql, r: AdaptationRecord): Promise<void> {
  await sql.begin(async (tx) => {
    if (r.brand === null) await tx`UPDATE adapted_models SET active = 0 WHERE brand IS NULL`;
    else {
      const active = await tx<Array<{ version: string; brand: string }>>`SELECT version, brand FROM adapted_models WHERE active = 1 AND brand IS NOT NULL`;
      const off = sameBrand(active, r.brand);
      if (off.length > 0) await tx`UPDATE adapted_models SET active = 0 WHERE version = ANY(${off}::text[])`;
    }
    await tx`INSERT INTO adapted_models (version, brand, base_version, method, sentiment_labels, complaint_labels, evaluation, payload, created_at, active)
      VALUES (${r.version}, ${r.brand}, ${r.baseVersion}, ${r.method}, ${r.sentimentLabels}, ${r.complaintLabels}, ${r.evaluation},
        ${r.payload}, ${r.createdAt}::timestamptz, 1)
      ON CONFLICT (version) DO UPDATE SET active = 1, evaluation = excluded.evaluation`;
  });
}
