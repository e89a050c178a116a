import type { HourRange, TermCounts } from '../store.js';
import { brandKey } from '../../domain/brand-key.js';
import { exactEdges } from './term-rollup.js';
import type { Db } from './open.js';

/** The day of a term row: days start `@phase` hours past UTC midnight. */
const DAY = '((t.hour - CAST(@phase AS INTEGER)) / 24)';
/** One voice per author per (phased) day, and one per near-duplicate cluster per day. */
const VOICES = `MIN(COUNT(DISTINCT t.voice * 100000 + ${DAY}), COUNT(DISTINCT t.cluster * 100000 + ${DAY}))`;
const SHARES = 'SUM(t.sentiment < 0) AS negative, SUM(t.sentiment > 0) AS positive, SUM(t.complaint <> 0) AS complaints';

/**
 * Per-term counts over a range's raw term rows, with voices counted in days that start
 * at the range's `dayPhase` (the report's own days) instead of the daily rollup's UTC
 * days: what a report screens and tests then does not change with the hour it runs at.
 * With `termIds`, only those terms (a seek per hour × term); without, every term of the
 * range with at least `minVoices` voices, most voices first.
 */
export function readPhasedTerms(db: Db, range: HourRange, query: { termIds?: number[]; minVoices: number; limit: number }): TermCounts[] {
  // the brand as the report queries look it up (src/store/sqlite/report-queries.ts)
  const brandId = (db.prepare('SELECT id FROM brands WHERE name_key = ?').pluck().get(brandKey(range.brand)) as number | undefined) ?? -1;
  const params = {
    brand: brandId, from: range.fromHour, to: range.toHour, phase: range.dayPhase ?? 0, fromIso: range.fromIso ?? null, toIso: range.toIso ?? null,
    source: range.source ?? null, langs: range.langs ? JSON.stringify(range.langs) : null, min: query.minVoices, limit: query.limit,
    ids: JSON.stringify(query.termIds ?? []),
    hours: JSON.stringify(Array.from({ length: Math.max(range.toHour - range.fromHour, 0) }, (_, i) => range.fromHour + i)),
  };
  const where = query.termIds
    ? 't.term_id IN (SELECT value FROM json_each(@ids)) AND t.hour IN (SELECT value FROM json_each(@hours))'
    : 't.hour >= @from AND t.hour < @to';
  const source = range.source ? 'JOIN mentions sm ON sm.id = t.mention_id AND sm.source = @source' : '';
  const langs = range.langs ? "JOIN analyses la ON la.mention_id = t.mention_id AND COALESCE(la.lang, 'und') IN (SELECT value FROM json_each(@langs))" : '';
  return db.prepare(`
    SELECT t.term_id AS termId, k.key, k.display, COUNT(*) AS mentions, ${VOICES} AS voices, ${SHARES}
    FROM mention_terms t JOIN terms k ON k.id = t.term_id ${source} ${langs}
    WHERE t.brand_id = @brand AND ${where} ${exactEdges('t')}
    GROUP BY t.term_id HAVING voices >= @min ORDER BY voices DESC, t.term_id LIMIT @limit`).all(params) as TermCounts[];
}
