import type { DayTotals, HourRange, ReportQueries, UnscoredTotals, SampleQuery, SampleRow, TermCounts, TermGroupStats, TermPair, VoiceRow } from '../store.js';
import type { Sql } from './connect.js';
import { dayTotalsOf } from '../day-totals.js';
import { readBrandDays } from './brand-days.js';
import { MENTION_COLUMNS } from './mention-queries.js';
import { COMPLAINT_EVIDENCE, evidenceOf, SAFETY_EVIDENCE } from '../sqlite/mention-queries.js';
import { ensureRollup, exactEdges, planRangeRollup, rollupTermsQuery, type RollupPlan } from './term-rollup.js';
import { brandKey } from '../../domain/brand-key.js';

/** One voice per author per day, and one per near-duplicate cluster per day (as on SQLite). */
const VOICES = `LEAST(COUNT(DISTINCT t.voice * 100000 + t.hour / 24), COUNT(DISTINCT t.cluster * 100000 + t.hour / 24))`;
const NEGATIVE = 'COUNT(*) FILTER (WHERE t.sentiment < 0)';
const POSITIVE = 'COUNT(*) FILTER (WHERE t.sentiment > 0)';
const COMPLAINTS = 'COUNT(*) FILTER (WHERE t.complaint <> 0)';
/** Sentiment and complaint counts of a set of term (or analysis) rows `t`. */
const SHARES = `${NEGATIVE} AS negative, ${POSITIVE} AS positive, ${COMPLAINTS} AS complaints`;

/**
 * The report aggregates of src/store/sqlite/report-queries.ts in PostgreSQL's dialect:
 * the same covering indexes on (brand_id, hour) and (brand_id, term_id, hour); id lists
 * are bigint arrays instead of json_each, and ties are broken by id so that the two
 * backends agree on order.
 */
interface Scope {
  brand: number;
  from: number;
  to: number;
  source: string | null;
  range: HourRange;
}

export class PgReportQueries implements ReportQueries {
  constructor(private readonly sql: Sql) {}

  private async scope(range: HourRange): Promise<Scope> {
    const [row] = await this.sql`SELECT id FROM brands WHERE name_key = ${brandKey(range.brand)}`;
    return { brand: (row?.id as number | undefined) ?? -1, from: range.fromHour, to: range.toHour, source: range.source ?? null, range };
  }

  /** The rows of a range: its hours, less what its partial edge hours hold outside its exact bounds. */
  private inRange(p: Scope) {
    return this.sql`t.hour >= ${p.from} AND t.hour < ${p.to} ${exactEdges(this.sql, p.range, 't')}`;
  }

  /** The day of a row in a group query: days start `dayPhase` hours past UTC midnight (a fragment). */
  private phasedDay(range: HourRange) {
    return this.sql.unsafe(`((t.hour - ${Math.trunc(range.dayPhase ?? 0)}) / 24)`);
  }

  private phasedVoices(range: HourRange) {
    const day = `((t.hour - ${Math.trunc(range.dayPhase ?? 0)}) / 24)`;
    return this.sql.unsafe(`LEAST(COUNT(DISTINCT t.voice * 100000 + ${day}), COUNT(DISTINCT t.cluster * 100000 + ${day}))`);
  }

  private sourceJoin(range: HourRange, source: string | null) {
    const bySource = range.source
      ? this.sql`JOIN mentions sm ON sm.id = t.mention_id AND sm.source = ${source}`
      : this.sql``;
    const byLang = range.langs
      ? this.sql`JOIN analyses la ON la.mention_id = t.mention_id AND COALESCE(la.lang, 'und') = ANY(${range.langs}::text[])`
      : this.sql``;
    return this.sql`${bySource} ${byLang}`;
  }

  /**
   * As on SQLite: whole days from brand_days, the edge hours from the links (without the
   * rollup's distinct authors); a source filter reads every day's links.
   */
  async dailyTotals(range: HourRange): Promise<DayTotals[]> {
    const p = await this.scope(range);
    const sql = this.sql;
    const plan = planRangeRollup(range);
    const raw = (from: number, to: number) => sql<DayTotals[]>`
      SELECT t.hour / 24 AS day, COUNT(*) AS mentions, ${sql.unsafe(SHARES)}
      FROM mention_brands t ${this.sourceJoin(range, p.source)}
      WHERE t.brand_id = ${p.brand} AND t.sentiment IS NOT NULL AND t.hour >= ${from} AND t.hour < ${to} ${exactEdges(sql, range, 't')}
      GROUP BY t.hour / 24 ORDER BY day`;
    if (range.source || range.langs || plan.fromDay >= plan.toDay) return [...await raw(range.fromHour, range.toHour)];
    const whole = dayTotalsOf(await readBrandDays(sql, { brand: range.brand, fromHour: plan.fromDay * 24, toHour: plan.toDay * 24 }));
    const edges = (await Promise.all(plan.raw.map(([from, to]) => raw(from, to)))).flat();
    return [...whole, ...edges].sort((a, b) => a.day - b.day);
  }

  async unscoredTotals(range: HourRange): Promise<UnscoredTotals> {
    const p = await this.scope(range);
    const [row] = await this.sql`
      SELECT COUNT(*) FILTER (WHERE a.scored = 'none')::int AS unscored, COUNT(*) FILTER (WHERE a.scored = 'sentiment')::int AS "sentimentOnly"
      FROM analyses a JOIN mention_brands t ON t.mention_id = a.mention_id ${this.sourceJoin(range, p.source)}
      WHERE a.scored <> 'all' AND t.brand_id = ${p.brand} AND t.sentiment IS NOT NULL AND ${this.inRange(p)}`;
    return { unscored: Number(row?.unscored ?? 0), sentimentOnly: Number(row?.sentimentOnly ?? 0) };
  }

  async windowTerms(range: HourRange, minVoices: number, limit: number): Promise<TermCounts[]> {
    const p = await this.scope(range);
    const sql = this.sql;
    const plan = await this.rollupPlan(range, p.brand);
    if (plan) {
      return sql<TermCounts[]>`
        SELECT * FROM (${this.rolledTerms(plan, p.brand, null, range)}) r WHERE r.voices >= ${minVoices} ORDER BY r.voices DESC, r."termId" LIMIT ${limit}`;
    }
    return sql<TermCounts[]>`
      SELECT t.term_id AS "termId", k.key, k.display, COUNT(*) AS mentions, ${sql.unsafe(VOICES)} AS voices, ${sql.unsafe(SHARES)}
      FROM mention_terms t JOIN terms k ON k.id = t.term_id ${this.sourceJoin(range, p.source)}
      WHERE t.brand_id = ${p.brand} AND ${this.inRange(p)}
      GROUP BY t.term_id, k.key, k.display HAVING ${sql.unsafe(VOICES)} >= ${minVoices}
      ORDER BY voices DESC, t.term_id LIMIT ${limit}`;
  }

  async baselineTerms(range: HourRange, ids: number[] | Promise<number[]>): Promise<TermCounts[]> {
    const termIds = await ids;
    if (termIds.length === 0) return [];
    const p = await this.scope(range);
    const sql = this.sql;
    const plan = await this.rollupPlan(range, p.brand);
    if (plan) return sql<TermCounts[]>`SELECT * FROM (${this.rolledTerms(plan, p.brand, termIds, range)}) r ORDER BY r."termId"`;
    return sql<TermCounts[]>`
      SELECT t.term_id AS "termId", k.key, k.display, COUNT(*) AS mentions, ${sql.unsafe(VOICES)} AS voices, ${sql.unsafe(SHARES)}
      FROM mention_terms t JOIN terms k ON k.id = t.term_id ${this.sourceJoin(range, p.source)}
      WHERE t.brand_id = ${p.brand} AND t.term_id = ANY(${termIds}::bigint[])
        AND ${this.inRange(p)}
      GROUP BY t.term_id, k.key, k.display ORDER BY t.term_id`;
  }

  /**
   * The plan to read a range from the daily rollup plus raw edge hours (as on SQLite),
   * its days made current; or null when the rollup cannot serve: a source filter, which
   * it does not keep, a range without a whole day, or a writer it would wait for.
   */
  private async rollupPlan(range: HourRange, brandId: number): Promise<RollupPlan | null> {
    if (range.source || range.langs || brandId < 0) return null;
    const plan = planRangeRollup(range);
    if (plan.fromDay >= plan.toDay || !await ensureRollup(this.sql, brandId, plan)) return null;
    return plan;
  }

  /** Per-term counts over a plan (a fragment, built synchronously: see picked()). */
  private rolledTerms(plan: RollupPlan, brandId: number, termIds: number[] | null, range: HourRange) {
    return this.sql`
      SELECT p.term_id AS "termId", k.key, k.display, SUM(p.mentions) AS mentions,
        LEAST(SUM(p.authors), SUM(p.clusters)) AS voices, SUM(p.negative) AS negative, SUM(p.positive) AS positive,
        SUM(p.complaints) AS complaints
      FROM (${rollupTermsQuery(this.sql, brandId, plan, termIds, range)}) p JOIN terms k ON k.id = p.term_id
      GROUP BY p.term_id, k.key, k.display`;
  }

  /** Voices over the whole range and a = b rows, as on SQLite. */
  async termPairs(range: HourRange, termIds: number[]): Promise<TermPair[]> {
    if (termIds.length === 0) return [];
    const p = await this.scope(range);
    return this.sql<TermPair[]>`
      WITH picked AS (
        SELECT t.mention_id, t.term_id, t.voice, t.cluster FROM mention_terms t ${this.sourceJoin(range, p.source)}
        WHERE t.brand_id = ${p.brand} AND ${this.inRange(p)}
          AND t.term_id = ANY(${termIds}::bigint[]))
      SELECT a.term_id AS a, b.term_id AS b, COUNT(*) AS mentions, LEAST(COUNT(DISTINCT a.voice), COUNT(DISTINCT a.cluster)) AS voices
      FROM picked a JOIN picked b ON b.mention_id = a.mention_id AND b.term_id >= a.term_id
      GROUP BY a.term_id, b.term_id ORDER BY a.term_id, b.term_id`;
  }

  /** A fragment, built synchronously: a postgres.js fragment is a thenable, so an async function must not return one. */
  private picked(p: Scope, range: HourRange, termIds: number[]) {
    return this.sql`SELECT DISTINCT t.mention_id, t.hour, t.voice, t.cluster, t.sentiment, t.complaint FROM mention_terms t ${this.sourceJoin(range, p.source)}
      WHERE t.brand_id = ${p.brand} AND t.term_id = ANY(${termIds}::bigint[]) AND ${this.inRange(p)}`;
  }

  /** As on SQLite: safety and the evidence sums read each picked mention's analysis and labels. */
  async termGroupStats(range: HourRange, termIds: number[]): Promise<TermGroupStats> {
    const sql = this.sql;
    const p = await this.scope(range);
    const [totals] = await sql<Array<Omit<TermGroupStats, 'daily'>>>`
      WITH t AS (${this.picked(p, range, termIds)}),
      total AS (
        SELECT COUNT(*) AS mentions, COUNT(DISTINCT t.voice) AS authors, ${this.phasedVoices(range)} AS voices, ${sql.unsafe(SHARES)},
          (SELECT COALESCE(SUM(COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + GREATEST(COALESCE(m.score, 0), 0)), 0)
             FROM mentions m WHERE m.id IN (SELECT mention_id FROM t)) AS engagement,
          (SELECT MIN(m.created_at) FROM mentions m WHERE m.id IN (SELECT mention_id FROM t)) AS "firstSeen"
        FROM t),
      ev AS (
        SELECT COUNT(*) FILTER (WHERE a.safety <> 0) AS safety,
          LEAST(COUNT(DISTINCT a.voice) FILTER (WHERE a.safety <> 0), COUNT(DISTINCT a.cluster) FILTER (WHERE a.safety <> 0)) AS "safetyVoices",
          ${sql.unsafe(COMPLAINT_EVIDENCE)} AS "complaintEvidence", ${sql.unsafe(SAFETY_EVIDENCE)} AS "safetyEvidence"
        FROM analyses a LEFT JOIN complaint_labels cl ON cl.mention_id = a.mention_id LEFT JOIN safety_labels sl ON sl.mention_id = a.mention_id
        WHERE a.mention_id IN (SELECT mention_id FROM t))
      SELECT total.*, ev.* FROM total CROSS JOIN ev`;
    const daily = await sql<TermGroupStats['daily']>`
      WITH t AS (${this.picked(p, range, termIds)})
      SELECT ${this.phasedDay(range)} AS day, ${this.phasedVoices(range)} AS voices, COUNT(*) AS mentions FROM t GROUP BY 1 ORDER BY day`;
    return {
      ...totals!, complaintEvidence: evidenceOf(totals!.complaintEvidence), safetyEvidence: evidenceOf(totals!.safetyEvidence), daily: [...daily],
    };
  }

  async termGroupVoices(range: HourRange, termIds: number[], limit: number): Promise<VoiceRow[]> {
    const p = await this.scope(range);
    return this.sql<VoiceRow[]>`
      SELECT DISTINCT ${this.phasedDay(range)} AS day, t.voice, t.cluster FROM mention_terms t ${this.sourceJoin(range, p.source)}
      WHERE t.brand_id = ${p.brand} AND t.term_id = ANY(${termIds}::bigint[]) AND ${this.inRange(p)}
      ORDER BY 1, 2, 3 LIMIT ${limit}`;
  }

  async termSamples(query: SampleQuery): Promise<SampleRow[]> {
    const p = await this.scope(query);
    const sql = this.sql;
    return [...await sql<SampleRow[]>`
      SELECT ${sql.unsafe(MENTION_COLUMNS)}, s.voice, s.cluster,
        CASE s.sentiment WHEN -1 THEN 'negative' WHEN 1 THEN 'positive' ELSE 'neutral' END AS sentiment,
        s.complaint <> 0 AS complaint, a.complaint_score AS "complaintScore", COALESCE(a.safety, 0) <> 0 AS safety, a.safety_score AS "safetyScore",
        COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + GREATEST(COALESCE(m.score, 0), 0) AS engagement
      FROM (SELECT DISTINCT t.brand_id, t.mention_id, t.voice, t.cluster, t.sentiment, t.complaint FROM mention_terms t
            WHERE t.brand_id = ${p.brand} AND t.term_id = ANY(${query.termIds}::bigint[])
              AND ${this.inRange(p)}) s
      JOIN mentions m ON m.id = s.mention_id JOIN brands b ON b.id = s.brand_id
      LEFT JOIN analyses a ON a.mention_id = s.mention_id
      WHERE (${p.source}::text IS NULL OR m.source = ${p.source})
        ${query.langs ? sql`AND COALESCE(a.lang, 'und') = ANY(${query.langs}::text[])` : sql``}
      ORDER BY COALESCE(a.safety, 0) DESC, (s.complaint <> 0 OR s.sentiment < 0) DESC, engagement DESC, m.created_at DESC, m.id DESC LIMIT ${query.limit}`];
  }
}
