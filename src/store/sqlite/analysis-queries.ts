import type { SentimentLabel } from '../../domain/mention.js';
import type { AnalysisFailure, AnalysisInput, AnalysisRecord, BrandScope, FailedAnalysis, StoreStatus } from '../store.js';
import { brandScopeSql } from './brand-scope.js';
import type { Db } from './open.js';
import { wallClock, type StoreClock } from '../clock.js';
import { MOST_WRITTEN_FORM_SQLITE } from '../term-display.js';
import { brandKey } from '../../domain/brand-key.js';

export const SENTIMENT_VALUE: Record<SentimentLabel, number> = { negative: -1, neutral: 0, positive: 1 };

/** What the writer copies from a mention into its analysis rows, learnt when the mention is read. */
interface MentionFacts {
  /** The brands the mention is linked to, ids and names in the same order. */
  brandIds: number[];
  brands: string[];
  hour: number;
  /** Had an analysis (so may have term rows to clear) when read. */
  analysed: boolean;
  /** The text changed after it was read: its result is not saved (the mention is pending again). */
  stale?: boolean;
  /**
   * The text as read or stored (not bounded for the analyser): the result is saved only if
   * the mention still has it, so an edit by another connection or process counts too.
   */
  text?: string;
}

/**
 * Facts of mentions handed out by readPendingAnalysis and not yet saved, per connection.
 * Saving then needs no SELECT per mention; a result whose facts are not here (read
 * elsewhere, or evicted) falls back to one. Bounded: a reader that never saves cannot grow it.
 */
const pendingFacts = new WeakMap<Db, Map<number, MentionFacts>>();
const MAX_PENDING_FACTS = 200_000;

function factsOf(db: Db): Map<number, MentionFacts> {
  let facts = pendingFacts.get(db);
  if (!facts) pendingFacts.set(db, (facts = new Map()));
  return facts;
}

/**
 * Remembers the facts of mentions the writer has just stored, handed to an analysis
 * straight from the import (UpsertOutcome.fresh): not analysed yet, so no term rows to clear.
 */
export function rememberStoredFacts(db: Db, stored: Array<{ rowId: number; brandIds: number[]; brands: string[]; hour: number; text: string }>): void {
  const facts = factsOf(db);
  if (facts.size + stored.length > MAX_PENDING_FACTS) facts.clear();
  for (const { rowId, brandIds, brands, hour, text } of stored) facts.set(rowId, { brandIds, brands, hour, analysed: false, text });
}

/**
 * A stored mention changed after it was read or handed over (while its analysis may be in
 * flight): a new text makes that result stale, so it is dropped at saving and the mention,
 * pending again, is read anew; new links are read back at saving.
 */
export function forgetStaleFacts(db: Db, rowId: number, textChanged: boolean): void {
  const facts = factsOf(db);
  const f = facts.get(rowId);
  if (!f) return;
  if (textChanged) f.stale = true;
  else facts.delete(rowId);
}

export function readPendingAnalysis(db: Db, modelVersion: string, afterRowId: number, limit: number, scope?: BrandScope): AnalysisInput[] {
  const brands = brandScopeSql(scope);
  const rows = db.prepare(`
    SELECT m.id AS rowId, m.external_id AS id, m.source, m.author, m.text, m.lang, ${LINKS} AS links,
      CAST(unixepoch(m.created_at, 'subsec') / 3600 AS INTEGER) AS hour, a.mention_id IS NOT NULL AS analysed
    FROM mentions m
    LEFT JOIN analyses a ON a.mention_id = m.id
    WHERE m.id > ? AND (a.mention_id IS NULL OR a.model_version <> ?) ${brands.where}
      AND NOT EXISTS (SELECT 1 FROM analysis_failures f WHERE f.mention_id = m.id AND f.model_version = ?)
    ORDER BY m.id LIMIT ?`).all(afterRowId, modelVersion, ...brands.params, modelVersion, limit) as Array<Omit<AnalysisInput, 'brands'> & { links: string; hour: number; analysed: number }>;
  const facts = factsOf(db);
  if (facts.size + rows.length > MAX_PENDING_FACTS) facts.clear();
  return rows.map(({ links, hour, analysed, ...input }) => {
    const { brandIds, brands } = parseLinks(links);
    facts.set(input.rowId, { brandIds, brands, hour, analysed: analysed === 1, text: input.text });
    return { ...input, brands };
  });
}

/** A mention's links as JSON [[id, name], …], in link order (first the brand that stored it). */
const LINKS = `(SELECT json_group_array(json_array(lb.id, lb.name)) FROM (
  SELECT b.id, b.name FROM mention_brands l JOIN brands b ON b.id = l.brand_id WHERE l.mention_id = m.id
  ORDER BY b.id = m.brand_id DESC, b.name_key) lb)`;

function parseLinks(links: string): { brandIds: number[]; brands: string[] } {
  const pairs = JSON.parse(links) as Array<[number, string]>;
  return { brandIds: pairs.map((p) => p[0]), brands: pairs.map((p) => p[1]) };
}

export function countPendingAnalysis(db: Db, modelVersion: string, scope?: BrandScope): number {
  const brands = brandScopeSql(scope);
  return db.prepare(`
    SELECT COUNT(*) FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id
    WHERE (a.mention_id IS NULL OR a.model_version <> ?) ${brands.where}
      AND NOT EXISTS (SELECT 1 FROM analysis_failures f WHERE f.mention_id = m.id AND f.model_version = ?)`).pluck().get(modelVersion, ...brands.params, modelVersion) as number;
}

/** Records failed analyses (one per mention, the latest wins); a mention deleted since it was read is skipped. */
export function writeAnalysisFailures(db: Db, failures: AnalysisFailure[]): void {
  const upsert = db.prepare(`
    INSERT INTO analysis_failures (mention_id, model_version, reason, failed_at)
    SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM mentions WHERE id = ?)
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version, reason = excluded.reason, failed_at = excluded.failed_at`);
  const facts = factsOf(db);
  db.transaction(() => {
    const now = new Date().toISOString();
    for (const f of failures) {
      facts.delete(f.rowId);
      upsert.run(f.rowId, f.modelVersion, f.reason, now, f.rowId);
    }
  }).immediate();
}

export function readFailedAnalyses(db: Db, limit: number): StoreStatus['failedAnalyses'] {
  const count = db.prepare('SELECT COUNT(*) FROM analysis_failures').pluck().get() as number;
  const latest = count === 0 ? [] : db.prepare(`
    SELECT m.external_id AS id, m.source, b.name AS brand, f.model_version AS modelVersion, f.reason, f.failed_at AS failedAt
    FROM analysis_failures f JOIN mentions m ON m.id = f.mention_id JOIN brands b ON b.id = m.brand_id
    ORDER BY f.failed_at DESC, f.mention_id DESC LIMIT ?`).all(limit) as FailedAnalysis[];
  return { count, latest };
}

/** Term ids kept between batches (~70 bytes each). */
const MAX_CACHED_TERM_IDS = 100_000;

/** Returns a writer that saves one batch of analyses; term ids are cached across batches. */
export function prepareAnalysisWrites(db: Db, clock: StoreClock = wallClock) {
  const termIds = new Map<string, { id: number; display: string }>();
  const facts = factsOf(db);
  const readFactsRow = db.prepare(`
    SELECT ${LINKS} AS links, CAST(unixepoch(m.created_at, 'subsec') / 3600 AS INTEGER) AS hour
    FROM mentions m WHERE m.id = ?`);
  const readFacts = (rowId: number): MentionFacts | undefined => {
    const row = readFactsRow.get(rowId) as { links: string; hour: number } | undefined;
    return row && { ...parseLinks(row.links), hour: row.hour, analysed: true };
  };
  const updateLinks = db.prepare('UPDATE mention_brands SET voice = ?, cluster = ?, sentiment = ?, complaint = ? WHERE mention_id = ?');
  const anyHumanLabel = db.prepare('SELECT EXISTS (SELECT 1 FROM human_labels)').pluck();
  const anyFailure = db.prepare('SELECT EXISTS (SELECT 1 FROM analysis_failures)').pluck();
  const clearFailure = db.prepare('DELETE FROM analysis_failures WHERE mention_id = ?');
  const humanLabel = db.prepare('SELECT label FROM human_labels WHERE mention_id = ?').pluck();
  const anyComplaintLabel = db.prepare('SELECT EXISTS (SELECT 1 FROM complaint_labels)').pluck();
  const complaintLabel = db.prepare('SELECT complaint FROM complaint_labels WHERE mention_id = ?').pluck();
  const anySafetyLabel = db.prepare('SELECT EXISTS (SELECT 1 FROM safety_labels)').pluck();
  const safetyLabel = db.prepare('SELECT safety FROM safety_labels WHERE mention_id = ?').pluck();
  const anyIntentLabel = db.prepare('SELECT EXISTS (SELECT 1 FROM intent_labels)').pluck();
  const intentLabel = db.prepare('SELECT question, suggestion FROM intent_labels WHERE mention_id = ?');
  // INSERT … SELECT … WHERE EXISTS: a mention deleted since it was read is skipped, not a
  // foreign-key error; so is one whose text is no longer the one analysed (NULL: not known,
  // facts read back at saving), edited by another connection: its edit left it pending
  const upsertAnalysis = db.prepare(`
    INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key,
      brand_id, hour, voice, cluster, sentiment, complaint_score, complaint, safety_score, safety,
      question_score, question, suggestion_score, suggestion, analyzed_at, lang, scored)
    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM mentions WHERE id = ? AND (? IS NULL OR text = ?))
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version,
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      cluster_key = excluded.cluster_key, brand_id = excluded.brand_id, hour = excluded.hour,
      voice = excluded.voice, cluster = excluded.cluster, sentiment = excluded.sentiment,
      complaint_score = excluded.complaint_score, complaint = excluded.complaint,
      safety_score = excluded.safety_score, safety = excluded.safety,
      question_score = excluded.question_score, question = excluded.question,
      suggestion_score = excluded.suggestion_score, suggestion = excluded.suggestion, analyzed_at = excluded.analyzed_at,
      lang = excluded.lang, scored = excluded.scored`);
  const clearTerms = db.prepare('DELETE FROM mention_terms WHERE mention_id = ?');
  const insertTerm = db.prepare('INSERT INTO terms (key, display) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const selectTerm = db.prepare('SELECT id, display FROM terms WHERE key = ?');
  const countForm = db.prepare(`INSERT INTO term_forms (term_id, form, n) VALUES (?, ?, ?)
    ON CONFLICT (term_id, form) DO UPDATE SET n = n + excluded.n`);
  const pickDisplay = db.prepare(`UPDATE terms SET display = (${MOST_WRITTEN_FORM_SQLITE}) WHERE id = @id RETURNING display`).pluck();
  // one row per statement: a multi-row VALUES list measured slower here (SQLite runs it as a co-routine)
  const linkTerm = db.prepare(`INSERT OR IGNORE INTO mention_terms
    (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);

  const termOf = (key: string, display: string): { id: number; display: string } => {
    let term = termIds.get(key);
    if (term === undefined) {
      // the long tail of terms grows with the corpus (~400k at 1M mentions): start over rather than grow
      if (termIds.size >= MAX_CACHED_TERM_IDS) termIds.clear();
      // a new term's id is the insert's rowid: the SELECT is needed only for a stored one
      // (one `INSERT … DO UPDATE … RETURNING` measured slower: SQLite buffers RETURNING rows)
      const inserted = insertTerm.run(key, display);
      term = inserted.changes === 1 ? { id: Number(inserted.lastInsertRowid), display } : selectTerm.get(key) as { id: number; display: string };
      termIds.set(key, term);
    }
    return term;
  };
  // each term shows the form its authors wrote most often (issue 27 #6): the batch's forms
  // are counted once per mention and added to term_forms; a term's display is re-chosen only
  // when the batch wrote it in a form other than the one shown (more of the shown form cannot
  // dethrone it)
  const saveForms = (forms: Map<{ id: number; display: string }, Map<string, number>>) => {
    for (const [term, counts] of forms) {
      let other = false;
      for (const [form, n] of counts) {
        countForm.run(term.id, form, n);
        if (form !== term.display) other = true;
      }
      if (other) term.display = pickDisplay.get({ id: term.id }) as string;
    }
  };
  const saveBatch = (results: AnalysisRecord[]) => {
    const now = clock().toISOString();
    const forms = new Map<{ id: number; display: string }, Map<string, number>>();
    const labelled = anyHumanLabel.get() === 1;
    const failures = anyFailure.get() === 1;
    const complaintLabelled = anyComplaintLabel.get() === 1;
    const safetyLabelled = anySafetyLabel.get() === 1;
    const intentLabelled = anyIntentLabel.get() === 1;
    for (const r of results) {
      const f = facts.get(r.rowId) ?? readFacts(r.rowId);
      facts.delete(r.rowId);
      if (!f || f.stale) continue; // deleted, or its text edited, since it was read
      const human = labelled ? (humanLabel.get(r.rowId) as SentimentLabel | undefined) : undefined;
      const sentiment = SENTIMENT_VALUE[human ?? r.sentimentLabel];
      const humanComplaint = complaintLabelled ? (complaintLabel.get(r.rowId) as number | undefined) : undefined;
      const complaint = humanComplaint ?? (r.complaint ? 1 : 0);
      const humanSafety = safetyLabelled ? (safetyLabel.get(r.rowId) as number | undefined) : undefined;
      const safety = humanSafety ?? (r.safety ? 1 : 0);
      const intent = effectiveIntent(r, intentLabelled ? (intentLabel.get(r.rowId) as IntentLabels | undefined) : undefined);
      const saved = upsertAnalysis.run(r.rowId, r.modelVersion, r.sentimentScore, r.sentimentLabel, r.clusterKey,
        f.brandIds[0] ?? 0, f.hour, r.voice, r.cluster, sentiment, complaintScoreOf(r), complaint, safetyScoreOf(r), safety,
        intent.questionScore, intent.question, intent.suggestionScore, intent.suggestion, now,
        r.lang ?? null, r.scored ?? null,
        r.rowId, f.text ?? null, f.text ?? null);
      if (saved.changes === 0) continue;
      if (failures) clearFailure.run(r.rowId);
      updateLinks.run(r.voice, r.cluster, sentiment, complaint, r.rowId);
      if (f.analysed) clearTerms.run(r.rowId);
      const counted = new Set<string>();
      f.brandIds.forEach((brandId, i) => {
        for (const t of termsForBrand(r, f.brands[i]!)) {
          const term = termOf(t.key, t.display);
          linkTerm.run(brandId, f.hour, term.id, r.rowId, r.voice, r.cluster, sentiment, complaint);
          if (counted.has(t.key)) continue;
          counted.add(t.key);
          const counts = forms.get(term) ?? new Map<string, number>();
          forms.set(term, counts.set(t.display, (counts.get(t.display) ?? 0) + 1));
        }
      });
    }
    saveForms(forms);
  };
  return db.transaction((results: AnalysisRecord[]) => {
    try {
      saveBatch(results);
    } catch (error) {
      // terms first written in the rolled-back transaction are gone: so must their cached ids and forms be
      termIds.clear();
      throw error;
    }
  });
}

/** A brand's topic terms of a mention: its own list when the analyser gave one per brand. */
export function termsForBrand(record: Pick<AnalysisRecord, 'terms' | 'termsByBrand'>, brand: string): AnalysisRecord['terms'] {
  const key = brandKey(brand);
  return record.termsByBrand?.find((b) => brandKey(b.brand) === key)?.terms ?? record.terms;
}

/** The model's complaint score as stored: 3 decimals. */
export function complaintScoreOf(record: Pick<AnalysisRecord, 'complaintScore'>): number {
  return Math.round(record.complaintScore * 1000) / 1000;
}

/**
 * The safety model's score as stored: 3 decimals; NULL when the record has none (an
 * analyser without a safety model), so the mention reads as not scored for safety.
 */
export function safetyScoreOf(record: Pick<AnalysisRecord, 'safetyScore'>): number | null {
  return Number.isFinite(record.safetyScore) ? Math.round(record.safetyScore * 1000) / 1000 : null;
}

type IntentLabels = { question: number | null; suggestion: number | null };

/** The intent scores as stored (3 decimals, NULL when not scored) and the flags (a human label wins). */
export function effectiveIntent(r: AnalysisRecord, human: Partial<IntentLabels> | undefined) {
  const score = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
  return {
    questionScore: score(r.questionScore), question: human?.question ?? (r.question ? 1 : 0),
    suggestionScore: score(r.suggestionScore), suggestion: human?.suggestion ?? (r.suggestion ? 1 : 0),
  };
}

