import type { SentimentLabel } from '../../domain/mention.js';
import { complaintScoreOf, effectiveIntent, safetyScoreOf, SENTIMENT_VALUE, termsForBrand } from '../sqlite/analysis-queries.js';
import type { AnalysisFailure, AnalysisInput, AnalysisRecord, BrandScope, FailedAnalysis, StoreStatus } from '../store.js';
import { brandScopeFragment } from './brand-scope.js';
import type { Sql, Tx } from './connect.js';
import { clean } from './mention-writes.js';
import { wallClock, type StoreClock } from '../clock.js';
import { MOST_WRITTEN_ORDER_POSTGRES } from '../term-display.js';

/**
 * NOT EXISTS, not a LEFT JOIN with `a.mention_id IS NULL OR a.model_version <> …`: the
 * planner estimates that OR at ~1 row, hashes every mention and sorts them, 2.5 s a
 * batch at 1M mentions; as an anti-join it walks the id index from the cursor (~30 ms).
 * The cursor is repeated inside each NOT EXISTS (implied by m.id, but the planner does
 * not carry it over): a merge anti-join otherwise walks analyses from its first row, every
 * analysed mention on each read of a following analysis (50 ms a read at 200k, O(n²)).
 */
export async function readPendingAnalysis(sql: Sql, modelVersion: string, afterRowId: number, limit: number, scope?: BrandScope): Promise<AnalysisInput[]> {
  return sql<AnalysisInput[]>`
    SELECT m.id AS "rowId", m.external_id AS id, m.source, m.author, m.text, m.lang, md5(m.text) AS "textHash",
      ARRAY(SELECT b.name FROM mention_brands l JOIN brands b ON b.id = l.brand_id WHERE l.mention_id = m.id
        ORDER BY b.id = m.brand_id DESC, b.name_key COLLATE "C") AS brands
    FROM mentions m
    WHERE m.id > ${afterRowId}
      AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.mention_id = m.id AND a.mention_id > ${afterRowId} AND a.model_version = ${modelVersion})
      AND NOT EXISTS (SELECT 1 FROM analysis_failures f WHERE f.mention_id = m.id AND f.mention_id > ${afterRowId} AND f.model_version = ${modelVersion})
      ${brandScopeFragment(sql, scope)}
    ORDER BY m.id LIMIT ${limit}`;
}

export async function countPendingAnalysis(sql: Sql, modelVersion: string, scope?: BrandScope): Promise<number> {
  const [row] = await sql`
    SELECT COUNT(*) AS n FROM mentions m
    WHERE NOT EXISTS (SELECT 1 FROM analyses a WHERE a.mention_id = m.id AND a.model_version = ${modelVersion})
      AND NOT EXISTS (SELECT 1 FROM analysis_failures f WHERE f.mention_id = m.id AND f.model_version = ${modelVersion})
      ${brandScopeFragment(sql, scope)}`;
  return row!.n as number;
}

/** Records failed analyses (one per mention, the latest wins); a mention deleted since it was read is skipped. */
export async function writeAnalysisFailures(sql: Sql, failures: AnalysisFailure[]): Promise<void> {
  if (failures.length === 0) return;
  await sql`
    INSERT INTO analysis_failures (mention_id, model_version, reason, failed_at)
    SELECT r.mention_id, r.model_version, r.reason, now()
    FROM unnest(${failures.map((f) => f.rowId)}::bigint[], ${failures.map((f) => f.modelVersion)}::text[],
      ${failures.map((f) => clean(f.reason) ?? '')}::text[]) AS r(mention_id, model_version, reason)
    WHERE EXISTS (SELECT 1 FROM mention_keys k WHERE k.id = r.mention_id)
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version, reason = excluded.reason, failed_at = excluded.failed_at`;
}

export async function readFailedAnalyses(sql: Sql, limit: number): Promise<StoreStatus['failedAnalyses']> {
  const [row] = await sql`SELECT COUNT(*) AS n FROM analysis_failures`;
  const count = row!.n as number;
  const latest = count === 0 ? [] : [...await sql<FailedAnalysis[]>`
    SELECT m.external_id AS id, m.source, b.name AS brand, f.model_version AS "modelVersion", f.reason, f.failed_at AS "failedAt"
    FROM analysis_failures f JOIN mentions m ON m.id = f.mention_id JOIN brands b ON b.id = m.brand_id
    ORDER BY f.failed_at DESC, f.mention_id DESC LIMIT ${limit}`];
  return { count, latest };
}

type TermLinks = Record<'brand' | 'hour' | 'term' | 'mention' | 'voice' | 'cluster' | 'sentiment' | 'complaint', number[]>;

type Facts = {
  id: number; brandId: number; brandIds: number[]; brands: string[]; hour: number; human: SentimentLabel | null; humanComplaint: number | null;
  humanSafety: number | null; humanQuestion: number | null; humanSuggestion: number | null; textHash: string;
};

/** Saves one batch of analyses in one transaction; term ids are cached across batches. */
export class AnalysisWriter {
  private readonly termIds = new Map<string, number>();
  /** The stored display form of each cached term; pending ones are kept once their batch committed. */
  private readonly displays = new Map<string, string>();
  private readonly pendingDisplays = new Map<string, string>();
  constructor(private readonly sql: Sql, private readonly clock: StoreClock = wallClock) {}

  async save(results: AnalysisRecord[]): Promise<void> {
    if (results.length === 0) return;
    // term ids are cached only once their transaction committed
    const fresh = new Map<string, number>();
    this.pendingDisplays.clear();
    await this.sql.begin(async (tx) => {
      const facts = await tx<Facts[]>`
        SELECT m.id, m.brand_id AS "brandId",
          ARRAY(SELECT l.brand_id FROM mention_brands l WHERE l.mention_id = m.id ORDER BY l.brand_id) AS "brandIds",
          ARRAY(SELECT b.name FROM mention_brands l JOIN brands b ON b.id = l.brand_id WHERE l.mention_id = m.id ORDER BY l.brand_id) AS brands,
          floor(extract(epoch FROM m.created_at) / 3600)::integer AS hour, h.label AS human,
          cl.complaint AS "humanComplaint", sl.safety AS "humanSafety",
          il.question AS "humanQuestion", il.suggestion AS "humanSuggestion", md5(m.text) AS "textHash"
        FROM mentions m LEFT JOIN human_labels h ON h.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
        LEFT JOIN safety_labels sl ON sl.mention_id = m.id LEFT JOIN intent_labels il ON il.mention_id = m.id
        WHERE m.id = ANY(${results.map((r) => r.rowId)}::bigint[])`;
      const byId = new Map(facts.map((f) => [f.id, f]));
      // the others were deleted since they were read, or their text was edited (by this process
      // or another: the edit's trigger deleted their analysis, they are pending again). Left
      // open: an edit committing while this transaction runs, whose trigger cannot see the
      // analysis written here yet (locking the mentions would close it, at the risk of
      // deadlocks with concurrent upserts)
      const kept = results.filter((r) => {
        const f = byId.get(r.rowId);
        return f !== undefined && (r.textHash === undefined || r.textHash === f.textHash);
      });
      if (kept.length === 0) return;
      const rows: AnalysisRow[] = kept.map((r) => {
        const f = byId.get(r.rowId)!;
        const intent = effectiveIntent(r, { question: f.humanQuestion, suggestion: f.humanSuggestion });
        return {
          mention_id: r.rowId, model_version: r.modelVersion, sentiment_score: r.sentimentScore, sentiment_label: r.sentimentLabel,
          cluster_key: r.clusterKey, brand_id: f.brandId, hour: f.hour, voice: r.voice, cluster: r.cluster,
          sentiment: SENTIMENT_VALUE[f.human ?? r.sentimentLabel],
          complaint_score: complaintScoreOf(r), complaint: f.humanComplaint ?? (r.complaint ? 1 : 0),
          safety_score: safetyScoreOf(r), safety: f.humanSafety ?? (r.safety ? 1 : 0),
          question_score: intent.questionScore, question: intent.question, suggestion_score: intent.suggestionScore, suggestion: intent.suggestion,
          analyzed_at: this.clock().toISOString(),
          lang: r.lang ?? null, scored: r.scored ?? null,
        };
      });
      await insertAnalyses(tx, rows);
      await tx`UPDATE mention_brands l SET voice = v.voice, cluster = v.cluster, sentiment = v.sentiment, complaint = v.complaint
        FROM unnest(${rows.map((r) => r.mention_id)}::bigint[], ${rows.map((r) => r.voice)}::bigint[], ${rows.map((r) => r.cluster)}::bigint[],
          ${rows.map((r) => r.sentiment)}::integer[], ${rows.map((r) => r.complaint)}::integer[]) AS v(mention_id, voice, cluster, sentiment, complaint)
        WHERE l.mention_id = v.mention_id`;
      await tx`DELETE FROM mention_terms WHERE mention_id = ANY(${kept.map((r) => r.rowId)}::bigint[])`;
      // a mention that failed under an earlier model and reads fine now is no longer a failure
      await tx`DELETE FROM analysis_failures WHERE mention_id = ANY(${kept.map((r) => r.rowId)}::bigint[])`;
      const terms = kept.map((r) => byId.get(r.rowId)!.brands.map((brand) => termsForBrand(r, brand)));
      await this.resolveTermIds(tx, terms.flat(2), fresh);
      const links: TermLinks = { brand: [], hour: [], term: [], mention: [], voice: [], cluster: [], sentiment: [], complaint: [] };
      for (const [i, r] of kept.entries()) {
        const row = rows[i]!;
        const f = byId.get(r.rowId)!;
        for (const [j, brandId] of f.brandIds.entries()) {
          for (const term of terms[i]![j]!) {
            links.brand.push(brandId); links.hour.push(row.hour); links.term.push(this.termIds.get(term.key) ?? fresh.get(term.key)!);
            links.mention.push(r.rowId); links.voice.push(r.voice); links.cluster.push(r.cluster);
            links.sentiment.push(row.sentiment); links.complaint.push(row.complaint);
          }
        }
      }
      await this.countForms(tx, kept.map((_, i) => terms[i]!.flat()), fresh);
      if (links.mention.length > 0) {
        // one statement of arrays for the batch's term rows (tens of thousands): a VALUES list binds 8 parameters a row
        await tx`INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint)
          SELECT * FROM unnest(${links.brand}::bigint[], ${links.hour}::integer[], ${links.term}::bigint[], ${links.mention}::bigint[],
            ${links.voice}::bigint[], ${links.cluster}::bigint[], ${links.sentiment}::integer[], ${links.complaint}::integer[])
          ON CONFLICT DO NOTHING`;
      }
    });
    for (const [key, id] of fresh) this.termIds.set(key, id);
    for (const [key, display] of this.pendingDisplays) this.displays.set(key, display);
    this.pendingDisplays.clear();
  }

  /**
   * Gives every term of a batch an id: the ones not cached are inserted in one statement
   * (in order of first appearance, so ids are handed out as one row at a time did) and
   * read back in one, instead of two round trips per new term. A new term is shown in its
   * first form until countForms counts them.
   */
  private async resolveTermIds(tx: Tx, terms: Array<{ key: string; display: string }>, fresh: Map<string, number>): Promise<void> {
    const first = new Map<string, string>();
    for (const t of terms) if (!this.termIds.has(t.key) && !fresh.has(t.key) && !first.has(t.key)) first.set(t.key, clean(t.display));
    if (first.size === 0) return;
    const missing = [...first];
    const stored = missing.map(([key]) => clean(key));
    await tx`INSERT INTO terms (key, display)
      SELECT key, display FROM unnest(${stored}::text[], ${missing.map(([, display]) => display)}::text[]) WITH ORDINALITY AS v(key, display, n)
      ORDER BY n ON CONFLICT (key) DO NOTHING`;
    const rows = new Map((await tx`SELECT id, key, display FROM terms WHERE key = ANY(${stored}::text[])`)
      .map((r) => [r.key as string, { id: Number(r.id), display: r.display as string }]));
    for (const [i, [key]] of missing.entries()) {
      const row = rows.get(stored[i]!)!;
      fresh.set(key, row.id);
      this.pendingDisplays.set(key, row.display);
    }
  }

  /**
   * Adds the batch's written forms to term_forms, once per mention and term, and re-chooses
   * the display (term-display.ts) of the terms written in a form other than the one shown:
   * more of the shown form cannot dethrone it (issue 27 #6).
   */
  private async countForms(tx: Tx, perMention: Array<Array<{ key: string; display: string }>>, fresh: Map<string, number>): Promise<void> {
    const counts = new Map<string, { id: number; key: string; form: string; n: number }>();
    const touched = new Map<number, string>();
    for (const terms of perMention) {
      const seen = new Set<string>();
      for (const t of terms) {
        if (seen.has(t.key)) continue;
        seen.add(t.key);
        const id = this.termIds.get(t.key) ?? fresh.get(t.key)!;
        const form = clean(t.display);
        const slot = `${id}\u0000${form}`;
        const row = counts.get(slot);
        if (row) row.n++;
        else counts.set(slot, { id, key: t.key, form, n: 1 });
        const shown = this.pendingDisplays.get(t.key) ?? this.displays.get(t.key);
        if (shown !== form) touched.set(id, t.key);
      }
    }
    if (counts.size === 0) return;
    const rows = [...counts.values()];
    await tx`INSERT INTO term_forms AS f (term_id, form, n)
      SELECT * FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.form)}::text[], ${rows.map((r) => r.n)}::integer[])
      ON CONFLICT (term_id, form) DO UPDATE SET n = f.n + excluded.n`;
    if (touched.size === 0) return;
    const ids = [...touched.keys()];
    const chosen = await tx`UPDATE terms t SET display = best.form
      FROM (SELECT DISTINCT ON (term_id) term_id, form FROM term_forms WHERE term_id = ANY(${ids}::bigint[])
        ORDER BY ${tx.unsafe(MOST_WRITTEN_ORDER_POSTGRES)}) AS best
      WHERE t.id = best.term_id RETURNING t.id, t.display`;
    for (const row of chosen) this.pendingDisplays.set(touched.get(Number(row.id))!, row.display as string);
  }

  /** Forgets cached term ids (after a bulk copy wrote terms with their own ids). */
  clear(): void {
    this.termIds.clear();
    this.displays.clear();
  }
}

type AnalysisRow = {
  mention_id: number; model_version: string; sentiment_score: number; sentiment_label: string; cluster_key: string; brand_id: number;
  hour: number; voice: number; cluster: number; sentiment: number; complaint_score: number | null; complaint: number;
  safety_score: number | null; safety: number; question_score: number | null; question: number; suggestion_score: number | null; suggestion: number;
  analyzed_at: string; lang: string | null; scored: string | null;
};

/** Upserts a batch's analyses as one statement of column arrays (a VALUES list would bind 15 parameters a row). */
async function insertAnalyses(tx: Tx, rows: AnalysisRow[]): Promise<void> {
  const col = <K extends keyof AnalysisRow>(key: K) => rows.map((r) => r[key]);
  await tx`INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster,
      sentiment, complaint_score, complaint, safety_score, safety, question_score, question, suggestion_score, suggestion, analyzed_at, lang, scored)
    SELECT * FROM unnest(${col('mention_id')}::bigint[], ${col('model_version')}::text[], ${col('sentiment_score')}::double precision[],
      ${col('sentiment_label')}::text[], ${col('cluster_key')}::text[], ${col('brand_id')}::bigint[], ${col('hour')}::integer[],
      ${col('voice')}::bigint[], ${col('cluster')}::bigint[], ${col('sentiment')}::integer[], ${col('complaint_score')}::double precision[],
      ${col('complaint')}::integer[], ${col('safety_score')}::double precision[], ${col('safety')}::integer[],
      ${col('question_score')}::double precision[], ${col('question')}::integer[], ${col('suggestion_score')}::double precision[],
      ${col('suggestion')}::integer[], ${col('analyzed_at')}::timestamptz[], ${col('lang')}::text[], ${col('scored')}::text[])
    ON CONFLICT (mention_id) DO UPDATE SET model_version = excluded.model_version,
      sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
      cluster_key = excluded.cluster_key, brand_id = excluded.brand_id, hour = excluded.hour,
      voice = excluded.voice, cluster = excluded.cluster, sentiment = excluded.sentiment,
      complaint_score = excluded.complaint_score, complaint = excluded.complaint,
      safety_score = excluded.safety_score, safety = excluded.safety,
      question_score = excluded.question_score, question = excluded.question,
      suggestion_score = excluded.suggestion_score, suggestion = excluded.suggestion, analyzed_at = excluded.analyzed_at,
      lang = excluded.lang, scored = excluded.scored`;
}

