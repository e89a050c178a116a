import type { SentimentLabel } from '../../domain/mention.js';
import type { AnalysisInput, AnalysisRecord } from '../store.js';
import type { Db } from './open.js';

export const SENTIMENT_VALUE: Record<SentimentLabel, number> = { negative: -1, neutral: 0, positive: 1 };

export function readPendingAnalysis(db: Db, modelVersion: string, afterRowId: number, limit: number): AnalysisInput[] {
  return db.prepare(`
    SELECT m.id AS rowId, m.external_id AS id, m.source, m.author, m.text, m.lang, b.name AS brand
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
  const mentionFacts = db.prepare(`
    SELECT m.brand_id AS brandId, CAST(unixepoch(m.created_at, 'subsec') / 3600 AS INTEGER) AS hour, h.label AS human
    FROM mentions m LEFT JOIN human_labels h ON h.mention_id = m.id WHERE m.id = ?`);
  const upsertAnalysis = db.prepare(`
    INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key,
      brand_id, hour, voice, cluster, sentiment, analyzed_at)
    VALUES (@rowId, @modelVersion, @sentimentScore, @sentimentLabel, @clusterKey,
      @brandId, @hour, @voice, @cluster, @sentiment, @now)
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version,
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      cluster_key = excluded.cluster_key, brand_id = excluded.brand_id, hour = excluded.hour,
      voice = excluded.voice, cluster = excluded.cluster, sentiment = excluded.sentiment,
      analyzed_at = excluded.analyzed_at`);
  const clearTerms = db.prepare('DELETE FROM mention_terms WHERE mention_id = ?');
  const insertTerm = db.prepare('INSERT INTO terms (key, display) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const selectTerm = db.prepare('SELECT id FROM terms WHERE key = ?').pluck();
  const linkTerm = db.prepare(`INSERT OR IGNORE INTO mention_terms
    (brand_id, hour, term_id, mention_id, voice, cluster, sentiment) VALUES (?, ?, ?, ?, ?, ?, ?)`);

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
      const facts = mentionFacts.get(r.rowId) as { brandId: number; hour: number; human: SentimentLabel | null } | undefined;
      if (!facts) continue; // deleted since it was read
      const sentiment = SENTIMENT_VALUE[facts.human ?? r.sentimentLabel];
      upsertAnalysis.run({ ...r, terms: undefined, brandId: facts.brandId, hour: facts.hour, sentiment, now });
      clearTerms.run(r.rowId);
      for (const term of r.terms) {
        linkTerm.run(facts.brandId, facts.hour, termId(term.key, term.display), r.rowId, r.voice, r.cluster, sentiment);
      }
    }
  });
}

/** A human label wins everywhere, and survives re-analysis (it lives in its own table). */
export function writeHumanLabel(db: Db, rowId: number, label: SentimentLabel): void {
  const value = SENTIMENT_VALUE[label];
  db.transaction(() => {
    db.prepare(`INSERT INTO human_labels (mention_id, label, labeled_at) VALUES (?, ?, ?)
      ON CONFLICT (mention_id) DO UPDATE SET label = excluded.label, labeled_at = excluded.labeled_at`)
      .run(rowId, label, new Date().toISOString());
    db.prepare('UPDATE analyses SET sentiment = ? WHERE mention_id = ?').run(value, rowId);
    db.prepare('UPDATE mention_terms SET sentiment = ? WHERE mention_id = ?').run(value, rowId);
  })();
}
