import type { AdaptationRecord, BrandScope, LabelledMention, ReviewRow } from '../store.js';
import type { Db } from './open.js';
import { brandKey } from '../../domain/brand-key.js';
import { byBrandKey, sameBrand } from '../adapted-brands.js';

/** Mentions of `m` linked to one of the brands whose keys are bound after it. */
function linkedTo(names: string[], alias: string): string {
  return `EXISTS (SELECT 1 FROM mention_brands ${alias} JOIN brands ${alias}b ON ${alias}b.id = ${alias}.brand_id
    WHERE ${alias}.mention_id = m.id AND ${alias}b.name_key IN (${names.map(() => '?').join(', ')})`;
}

const keys = (names: readonly string[]) => names.map(brandKey);

/**
 * SQL condition on mention `m` for a brand scope, by the brands it is linked to, with its
 * parameters. With `rivals`, a mention linked to a rival too goes to whichever comes first
 * in its link order (the brand that stored it, then by name), so exactly one model owns it.
 */
export function brandScopeSql(scope: BrandScope | undefined): { where: string; params: string[] } {
  if (scope?.brands) {
    if (!scope.brands.length) return { where: 'AND 0', params: [] };
    if (!scope.rivals?.length) return { where: `AND ${linkedTo(scope.brands, 'sl')})`, params: keys(scope.brands) };
    return {
      where: `AND ${linkedTo(scope.brands, 'sl')} AND NOT ${linkedTo(scope.rivals, 'rl')}
        AND (rlb.id = m.brand_id OR (slb.id <> m.brand_id AND rlb.name_key < slb.name_key))))`,
      params: keys([...scope.brands, ...scope.rivals]),
    };
  }
  if (scope?.exceptBrands?.length) return { where: `AND NOT ${linkedTo(scope.exceptBrands, 'sl')})`, params: keys(scope.exceptBrands) };
  return { where: '', params: [] };
}

/** SQL condition: `m` is linked to brand ? (or always, with no brand). */
function brandFilter(brand: string | undefined): string {
  return brand === undefined ? '' : `AND ${linkedTo([brand], 'fl')})`;
}

export function readLabelledMentions(db: Db, brand?: string): LabelledMention[] {
  const rows = db.prepare(`
    SELECT m.id AS rowId, m.external_id AS id, m.source, b.name AS brand, m.text, m.lang, h.label AS sentiment, cl.complaint
    FROM mentions m JOIN brands b ON b.id = m.brand_id
    LEFT JOIN human_labels h ON h.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
    WHERE (h.mention_id IS NOT NULL OR cl.mention_id IS NOT NULL) ${brandFilter(brand)}
    ORDER BY m.id`).all(...(brand === undefined ? [] : keys([brand]))) as Array<Omit<LabelledMention, 'complaint'> & { complaint: number | null }>;
  return rows.map((r) => ({ ...r, complaint: r.complaint === null ? null : r.complaint === 1 }));
}

export function readUnlabelledMentions(db: Db, query: { brand?: string; limit: number }): ReviewRow[] {
  return db.prepare(`
    SELECT m.id AS rowId, m.external_id AS id, m.source, b.name AS brand, m.created_at AS createdAt, m.author, m.text, m.url, m.lang,
      a.model_version AS modelVersion, a.cluster_key AS clusterKey
    FROM mentions m JOIN brands b ON b.id = m.brand_id JOIN analyses a ON a.mention_id = m.id
    WHERE NOT EXISTS (SELECT 1 FROM human_labels h WHERE h.mention_id = m.id)
      AND NOT EXISTS (SELECT 1 FROM complaint_labels cl WHERE cl.mention_id = m.id)
      ${brandFilter(query.brand)}
    ORDER BY m.created_at DESC, m.id DESC LIMIT ?`).all(...(query.brand === undefined ? [] : keys([query.brand])), query.limit) as ReviewRow[];
}

const ADAPTATION_COLUMNS = `version, brand, base_version AS baseVersion, method, sentiment_labels AS sentimentLabels,
  complaint_labels AS complaintLabels, evaluation, payload, created_at AS createdAt`;

export function readActiveAdaptations(db: Db): AdaptationRecord[] {
  return byBrandKey(db.prepare(`SELECT ${ADAPTATION_COLUMNS} FROM adapted_models WHERE active = 1`).all() as AdaptationRecord[]);
}

/** One transaction: the scope's active model is switched off, this one stored (or found) and switched on. */
export function writeAdaptation(db: Db, r: AdaptationRecord): void {
  db.transaction(() => {
    if (r.brand === null) db.prepare('UPDATE adapted_models SET active = 0 WHERE brand IS NULL').run();
    else {
      const active = db.prepare('SELECT version, brand FROM adapted_models WHERE active = 1 AND brand IS NOT NULL').all() as Array<{ version: string; brand: string }>;
      const off = db.prepare('UPDATE adapted_models SET active = 0 WHERE version = ?');
      for (const version of sameBrand(active, r.brand)) off.run(version);
    }
    db.prepare(`INSERT INTO adapted_models (version, brand, base_version, method, sentiment_labels, complaint_labels, evaluation, payload, created_at, active)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
      ON CONFLICT (version) DO UPDATE SET active = 1, evaluation = excluded.evaluation`)
      .run(r.version, r.brand, r.baseVersion, r.method, r.sentimentLabels, r.complaintLabels, r.evaluation, r.payload, r.createdAt);
  }).immediate();
}
