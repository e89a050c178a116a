import type { DayTotals, HourRange, ReportQueries, UnscoredTotals, SampleQuery, SampleRow, TermCounts, TermGroupStats, TermPair, VoiceRow } from '../store.js';
import { dayTotalsOf } from '../day-totals.js';
import { readBrandDays } from './brand-days.js';
import { COMPLAINT_EVIDENCE, evidenceOf, MENTION_COLUMNS, SAFETY_EVIDENCE } from './mention-queries.js';
import { mergeEdgesAhead, PARALLEL_EDGE_MENTIONS, readEdgesAhead, type ReportQueryOptions } from './baseline-ahead.js';
import { ensureRollup, exactEdges, planRangeRollup, rollupTermsSql } from './term-rollup.js';
import type { Db } from './open.js';
import { brandKey } from '../../domain/brand-key.js';

/** One voice per author per UTC day, and one per near-duplicate cluster per day (as the daily rollup counts). */
const VOICES = `MIN(COUNT(DISTINCT t.voice * 100000 + t.hour / 24), COUNT(DISTINCT t.cluster * 100000 + t.hour / 24))`;
/** The day of a row in a group query: days start `@phase` hours past UTC midnight. */
const PHASED_DAY = '((t.hour - CAST(@phase AS INTEGER)) / 24)';
/** Sentiment and complaint counts of a set of term (or analysis) rows `t`. */
const SHARES = 'SUM(t.sentiment < 0) AS negative, SUM(t.sentiment > 0) AS positive, SUM(t.complaint <> 0) AS complaints';
/** The rows of a range: its hours, less what its partial edge hours hold outside its exact bounds. */
const IN_RANGE = `t.hour >= @from AND t.hour < @to ${exactEdges('t')}`;
/**
 * IN_RANGE for queries of chosen terms: the range's hours as a list (@hours), so SQLite
 * seeks the primary key (brand, hour, term, mention) at each hour × term instead of
 * reading every term row of the range (there is no (brand, term, hour) index: migration 12).
 */
const IN_HOURS = `t.hour IN (SELECT value FROM json_each(@hours)) ${exactEdges('t')}`;
/** Terms chosen by id (@ids). */
const IN_TERMS = 't.term_id IN (SELECT value FROM json_each(@ids))';

/**
 * Report aggregates over mention_brands and mention_terms, whose primary keys lead with
 * (brand_id, hour), so each query reads only the rows of one brand's time range (chosen
 * terms: each hour × term of it). A source filter joins mentions (slower path).
 */
export class SqliteReportQueries implements ReportQueries {
  private readonly parallelEdgeMentions: number;

  constructor(private readonly db: Db, options: ReportQueryOptions = {}) {
    this.parallelEdgeMentions = options.parallelEdgeMentions ?? PARALLEL_EDGE_MENTIONS;
  }

  private brandId(brand: string): number {
    return (this.db.prepare('SELECT id FROM brands WHERE name_key = ?').pluck().get(brandKey(brand)) as number | undefined) ?? -1;
  }

  private params(range: HourRange) {
    return {
      brand: this.brandId(range.brand), from: range.fromHour, to: range.toHour, source: range.source ?? null,
      langs: range.langs ? JSON.stringify(range.langs) : null,
      fromIso: range.fromIso ?? null, toIso: range.toIso ?? null, phase: range.dayPhase ?? 0,
    };
  }

  /** params() with the chosen terms and the range's hours as lists, for IN_TERMS and IN_HOURS. */
  private termParams(range: HourRange, termIds: number[]) {
    const hours = Array.from({ length: Math.max(range.toHour - range.fromHour, 0) }, (_, i) => range.fromHour + i);
    return { ...this.params(range), ids: JSON.stringify(termIds), hours: JSON.stringify(hours) };
  }

  private sourceJoin(range: HourRange, alias: string): string {
    const source = range.source ? `JOIN mentions sm ON sm.id = ${alias}.mention_id AND sm.source = @source` : '';
    const langs = range.langs
      ? `JOIN analyses la ON la.mention_id = ${alias}.mention_id AND COALESCE(la.lang, 'und') IN (SELECT value FROM json_each(@langs))` : '';
    return `${source} ${langs}`;
  }

  /**
   * Whole days from brand_days (the rollup compare reads), the edge hours from the links
   * (counted without the rollup's distinct authors, which these totals do not need); a
   * source filter, which the rollup does not keep, reads every day's links.
   */
  async dailyTotals(range: HourRange): Promise<DayTotals[]> {
    const plan = planRangeRollup(range);
    // the hours [from, to) lie within the range: they alone bound the index scan; the range's exact edges still apply
    const raw = (from: number, to: number) => this.db.prepare(`
      SELECT t.hour / 24 AS day, COUNT(*) AS mentions, ${SHARES}
      FROM mention_brands t ${this.sourceJoin(range, 't')}
      WHERE t.brand_id = @brand AND t.sentiment IS NOT NULL AND t.hour >= ${from} AND t.hour < ${to} ${exactEdges('t')}
      GROUP BY t.hour / 24 ORDER BY day`).all(this.params(range)) as DayTotals[];
    if (range.source || range.langs || plan.fromDay >= plan.toDay) return raw(range.fromHour, range.toHour);
    const whole = dayTotalsOf(readBrandDays(this.db, { brand: range.brand, fromHour: plan.fromDay * 24, toHour: plan.toDay * 24 }));
    const edges = plan.raw.flatMap(([from, to]) => raw(from, to));
    return [...whole, ...edges].sort((a, b) => a.day - b.day);
  }

  async unscoredTotals(range: HourRange): Promise<UnscoredTotals> {
    // CROSS JOIN: the few unscored analyses (their partial index) lead, not the range's links
    const row = this.db.prepare(`
      SELECT COALESCE(SUM(a.scored = 'none'), 0) AS unscored, COALESCE(SUM(a.scored = 'sentiment'), 0) AS sentimentOnly
      FROM analyses a CROSS JOIN mention_brands t ON t.mention_id = a.mention_id ${this.sourceJoin(range, 't')}
      WHERE a.scored <> 'all' AND t.brand_id = @brand AND t.sentiment IS NOT NULL AND ${IN_RANGE}`).get(this.params(range)) as UnscoredTotals;
    return row;
  }

  async windowTerms(range: HourRange, minVoices: number, limit: number): Promise<TermCounts[]> {
    const params = { ...this.params(range), min: minVoices, limit };
    const rolled = this.rolledTerms(range, '');
    if (rolled) {
      return this.db.prepare(`${rolled} HAVING voices >= @min ORDER BY voices DESC, p.term_id LIMIT @limit`).all(params) as TermCounts[];
    }
    return this.db.prepare(`
      SELECT t.term_id AS termId, k.key, k.display, COUNT(*) AS mentions, ${VOICES} AS voices, ${SHARES}
      FROM mention_terms t JOIN terms k ON k.id = t.term_id ${this.sourceJoin(range, 't')}
      WHERE t.brand_id = @brand AND ${IN_RANGE}
      GROUP BY t.term_id HAVING voices >= @min ORDER BY voices DESC, t.term_id LIMIT @limit`).all(params) as TermCounts[];
  }

  /**
   * Term ids still being read (a promise) let the raw edge hours be read meanwhile, on a
   * thread of their own (see baseline-ahead.ts): same counts, both cores.
   */
  async baselineTerms(range: HourRange, ids: number[] | Promise<number[]>): Promise<TermCounts[]> {
    const ahead = Array.isArray(ids) ? null : readEdgesAhead(this.db, range, this.params(range), this.parallelEdgeMentions);
    const termIds = await ids;
    if (termIds.length === 0) return [];
    const params = this.termParams(range, termIds);
    const merged = ahead && await mergeEdgesAhead(this.db, range, ahead, termIds, params);
    if (merged) return merged;
    const rolled = this.rolledTerms(range, 'AND term_id IN (SELECT value FROM json_each(@ids))');
    if (rolled) return this.db.prepare(rolled).all(params) as TermCounts[];
    return this.db.prepare(`
      SELECT t.term_id AS termId, k.key, k.display, COUNT(*) AS mentions, ${VOICES} AS voices, ${SHARES}
      FROM mention_terms t JOIN terms k ON k.id = t.term_id ${this.sourceJoin(range, 't')}
      WHERE t.brand_id = @brand AND ${IN_TERMS} AND ${IN_HOURS}
      GROUP BY t.term_id`).all(params) as TermCounts[];
  }

  /**
   * Per-term counts from the daily rollup plus raw edge hours, or null when the rollup
   * cannot serve (a source filter, which the rollup does not keep, or a busy database).
   */
  private rolledTerms(range: HourRange, termFilter: string): string | null {
    if (range.source || range.langs) return null;
    const plan = planRangeRollup(range);
    if (plan.fromDay >= plan.toDay || !ensureRollup(this.db, this.brandId(range.brand), plan)) return null;
    return `SELECT p.term_id AS termId, k.key, k.display, SUM(p.mentions) AS mentions,
        MIN(SUM(p.authors), SUM(p.clusters)) AS voices, SUM(p.negative) AS negative, SUM(p.positive) AS positive,
        SUM(p.complaints) AS complaints
      FROM (${rollupTermsSql(plan, termFilter)}) p JOIN terms k ON k.id = p.term_id GROUP BY p.term_id`;
  }

  async termPairs(range: HourRange, termIds: number[]): Promise<TermPair[]> {
    if (termIds.length === 0) return [];
    // voices (the fewer of authors and copy clusters over the whole range, not per day, so
    // that the counts are the same at any time of day): a spammer's 100 copies must not
    // glue their words to a real problem. a = b rows give each term's own count.
    // MATERIALIZED: read the picked rows once (an automatic index joins them); inlined,
    // the join re-read the term rows per row (6.8 ms → 167 ms at 1M)
    return this.db.prepare(`
      WITH picked AS MATERIALIZED (
        SELECT t.mention_id, t.term_id, t.voice, t.cluster FROM mention_terms t ${this.sourceJoin(range, 't')}
        WHERE t.brand_id = @brand AND ${IN_TERMS} AND ${IN_HOURS})
      SELECT a.term_id AS a, b.term_id AS b, COUNT(*) AS mentions, MIN(COUNT(DISTINCT a.voice), COUNT(DISTINCT a.cluster)) AS voices
      FROM picked a JOIN picked b ON b.mention_id = a.mention_id AND b.term_id >= a.term_id
      GROUP BY a.term_id, b.term_id`).all(this.termParams(range, termIds)) as TermPair[];
  }

  /**
   * One statement: the group's rows are picked (seek by hour × term) once, for the totals
   * and the days alike; the total voices are the days' sums (voices count once a day).
   * Safety and the evidence sums read each picked mention's analysis and labels (one
   * primary-key seek each, as engagement reads its mention): the term rows carry neither.
   */
  async termGroupStats(range: HourRange, termIds: number[]): Promise<TermGroupStats> {
    const params = this.termParams(range, termIds);
    const rows = this.db.prepare(`
      WITH t AS MATERIALIZED (
        SELECT DISTINCT t.mention_id, t.hour, t.voice, t.cluster, t.sentiment, t.complaint FROM mention_terms t ${this.sourceJoin(range, 't')}
        WHERE t.brand_id = @brand AND ${IN_TERMS} AND ${IN_HOURS}),
      d AS MATERIALIZED (
        SELECT ${PHASED_DAY} AS day, COUNT(DISTINCT t.voice) AS authors, COUNT(DISTINCT t.cluster) AS clusters, COUNT(*) AS mentions
        FROM t GROUP BY 1),
      total AS (
        SELECT COUNT(*) AS mentions, COUNT(DISTINCT t.voice) AS authors,
          COALESCE(SUM(t.sentiment < 0), 0) AS negative, COALESCE(SUM(t.sentiment > 0), 0) AS positive,
          COALESCE(SUM(t.complaint <> 0), 0) AS complaints,
          (SELECT COALESCE(SUM(COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + MAX(COALESCE(m.score, 0), 0)), 0)
             FROM mentions m WHERE m.id IN (SELECT mention_id FROM t)) AS engagement,
          (SELECT MIN(m.created_at) FROM mentions m WHERE m.id IN (SELECT mention_id FROM t)) AS firstSeen
        FROM t),
      ev AS (
        SELECT COALESCE(SUM(a.safety <> 0), 0) AS safety,
          MIN(COUNT(DISTINCT CASE WHEN a.safety <> 0 THEN a.voice END), COUNT(DISTINCT CASE WHEN a.safety <> 0 THEN a.cluster END)) AS safetyVoices,
          ${COMPLAINT_EVIDENCE} AS complaintEvidence, ${SAFETY_EVIDENCE} AS safetyEvidence
        FROM analyses a LEFT JOIN complaint_labels cl ON cl.mention_id = a.mention_id LEFT JOIN safety_labels sl ON sl.mention_id = a.mention_id
        WHERE a.mention_id IN (SELECT mention_id FROM t))
      SELECT total.*, ev.*, d.day, d.authors AS dayAuthors, d.clusters AS dayClusters, d.mentions AS dayMentions
      FROM total CROSS JOIN ev LEFT JOIN d ORDER BY d.day`).all(params) as Array<Omit<TermGroupStats, 'voices' | 'daily'>
        & { day: number | null; dayAuthors: number; dayClusters: number; dayMentions: number }>;
    const { mentions, authors, negative, positive, complaints, safety, safetyVoices, engagement, firstSeen } = rows[0]!;
    const days = rows.filter((r) => r.day !== null);
    const sum = (pick: (r: (typeof days)[number]) => number) => days.reduce((n, r) => n + pick(r), 0);
    return {
      mentions, authors, voices: Math.min(sum((r) => r.dayAuthors), sum((r) => r.dayClusters)), negative, positive, complaints,
      safety, safetyVoices, complaintEvidence: evidenceOf(rows[0]!.complaintEvidence), safetyEvidence: evidenceOf(rows[0]!.safetyEvidence),
      engagement, firstSeen,
      daily: days.map((r) => ({ day: r.day!, voices: Math.min(r.dayAuthors, r.dayClusters), mentions: r.dayMentions })),
    };
  }

  async termGroupVoices(range: HourRange, termIds: number[], limit: number): Promise<VoiceRow[]> {
    return this.db.prepare(`
      SELECT DISTINCT ${PHASED_DAY} AS day, t.voice, t.cluster FROM mention_terms t ${this.sourceJoin(range, 't')}
      WHERE t.brand_id = @brand AND ${IN_TERMS} AND ${IN_HOURS}
      LIMIT @limit`).all({ ...this.termParams(range, termIds), limit }) as VoiceRow[];
  }

  async termSamples(query: SampleQuery): Promise<SampleRow[]> {
    const rows = this.db.prepare(`
      SELECT ${MENTION_COLUMNS}, s.voice, s.cluster,
        CASE s.sentiment WHEN -1 THEN 'negative' WHEN 1 THEN 'positive' ELSE 'neutral' END AS sentiment,
        s.complaint, a.complaint_score AS complaintScore, COALESCE(a.safety, 0) AS safety, a.safety_score AS safetyScore,
        COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + MAX(COALESCE(m.score, 0), 0) AS engagement
      FROM (SELECT DISTINCT t.brand_id, t.mention_id, t.voice, t.cluster, t.sentiment, t.complaint FROM mention_terms t
            WHERE t.brand_id = @brand AND ${IN_TERMS} AND ${IN_HOURS}) s
      JOIN mentions m ON m.id = s.mention_id JOIN brands b ON b.id = s.brand_id
      LEFT JOIN analyses a ON a.mention_id = s.mention_id
      WHERE (@source IS NULL OR m.source = @source)
        AND (@langs IS NULL OR COALESCE(a.lang, 'und') IN (SELECT value FROM json_each(@langs)))
      ORDER BY COALESCE(a.safety, 0) DESC, (s.complaint <> 0 OR s.sentiment < 0) DESC, engagement DESC, m.created_at DESC, m.id DESC LIMIT @limit`)
      .all({ ...this.termParams(query, query.termIds), limit: query.limit }) as Array<Omit<SampleRow, 'complaint' | 'safety'> & { complaint: number; safety: number }>;
    return rows.map((row) => ({ ...row, complaint: row.complaint !== 0, safety: row.safety !== 0 }));
  }
}
