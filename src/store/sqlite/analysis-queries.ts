import type { AnalysisInput, AnalysisRecord } from '../store.js';
import type { Db } from './open.js';

export function readPendingAnalysis(db: Db, modelVersion: string, afterRowId: number, limit: number): AnalysisInput[] {
  return db.prepare(`
    SELECT m.id AS rowId, m.text, m.lang, b.name AS brand
    FROM mentions m JOIN brands b ON b.id = m.brand_id
    LEFT JOIN analyses a ON a.mention_id = m.id
    WHERE m.id > ? AND (a.mention_id IS NULL OR a.model_version <> ?)
    ORDER BY m.id LIMIT ?`).all(afterRowId, modelVersion, limit) as AnalysisInput[];
}

export function countPendingAnalysis(db: Db, modelVersion: string): number {
  return db.prepare(`
    SELECT COUNT(*) FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id
    WHERE a.mention_id IS NULL OR a.model_version <> ?`).pluck().get(modelVersion) as number;
}

/** Returns a writer that saves one batch of analyses; term ids are cached across batches. */
export function prepareAnalysisWrites(db: Db) {
  const termIds = new Map<string, number>();
  const upsertAnalysis = db.prepare(`
    INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, analyzed_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version,
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      cluster_key = excluded.cluster_key, analyzed_at = excluded.analyzed_at`);
  const clearTerms = db.prepare('DELETE FROM mention_terms WHERE mention_id = ?');
  const insertTerm = db.prepare('INSERT INTO terms (key, display) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const selectTerm = db.prepare('SELECT id FROM terms WHERE key = ?').pluck();
  const linkTerm = db.prepare(`
    INSERT OR IGNORE INTO mention_terms (mention_id, term_id, brand_id, created_at)
    SELECT id, ?, brand_id, created_at FROM mentions WHERE id = ?`);

  const termId = (key: string, display: string): number => {
    let id = termIds.get(key);
    if (id === undefined) {
      insertTerm.run(key, display);
      id = selectTerm.get(key) as number;
      termIds.set(key, id);
    }
    return id;
  };

  return db.transaction((results: AnalysisRecord[]) => {
    const now = new Date().toISOString();
    for (const r of results) {
      upsertAnalysis.run(r.rowId, r.modelVersion, r.sentimentScore, r.sentimentLabel, r.clusterKey, now);
      clearTerms.run(r.rowId);
      for (const term of r.terms) linkTerm.run(termId(term.key, term.display), r.rowId);
    }
  });
}
