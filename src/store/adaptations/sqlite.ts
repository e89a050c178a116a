import type { Db } from '../sqlite/open.js';
import type { AdaptationRecord } from './adaptations.js';
import { sameBrand } from './adapted-brands.js';

/** One transaction: the scope's active model is switched off, this one stored (or found) and switched on. */
export function sqliteSaveAdaptation(db: Db) {
  return async (r: AdaptationRecord): Promise<void> => writeAdaptation(db, r);
}

function writeAdaptation(db: Db, r: AdaptationRecord): void {
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
