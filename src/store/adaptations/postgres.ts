import type { Sql } from '../postgres/connect.js';
import type { AdaptationRecord } from './adaptations.js';
import { sameBrand } from './adapted-brands.js';

/** One transaction: the scope's active model is switched off, this one stored (or found) and switched on. */
export function pgSaveAdaptation(sql: Sql) {
  return (r: AdaptationRecord): Promise<void> => writeAdaptation(sql, r);
}

async function writeAdaptation(sql: Sql, r: AdaptationRecord): Promise<void> {
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
