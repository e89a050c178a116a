import { UserError } from '../../errors.js';
import type { ExportQuery, ExportRow } from '../store.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY, isFtsQueryError, MODEL_SAFETY, quoteWords } from './mention-queries.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION, intentFilter } from './intent-queries.js';
import type { Db } from './open.js';
import { brandKey } from '../../domain/brand-key.js';

/** A model value, or NULL when the analyser could not score it in the post's language (`scored` in `kinds`). */
export const UNLESS_UNSCORED = (value: string, kinds = "'none', 'sentiment'") => `CASE WHEN a.scored IN (${kinds}) THEN NULL ELSE ${value} END`;

/**
 * `sentiment` is the model's score; `sentimentLabel` is the effective label (a human
 * label wins); `complaint` the complaint model's score and `isComplaint` the effective
 * flag (a human complaint label wins, and stands alone before any analysis); `safety`
 * and `isSafety` the same for the safety model and safety labels. A mention
 * linked to several brands is one row per brand, with that brand's topics. Topics are the mention's term display forms, alphabetical, so the same
 * data always exports the same bytes.
 */
const EXPORT_COLUMNS = `m.external_id AS id, m.source, b.name AS brand, m.created_at AS createdAt,
  m.author, m.text, m.url, ${UNLESS_UNSCORED('a.sentiment_score', "'none'")} AS sentiment,
  COALESCE(h.label, ${UNLESS_UNSCORED('a.sentiment_label', "'none'")}) AS sentimentLabel,
  ${UNLESS_UNSCORED('a.complaint_score')} AS complaint, COALESCE(cl.complaint, ${UNLESS_UNSCORED(EFFECTIVE_COMPLAINT)}) AS isComplaint,
  ${UNLESS_UNSCORED('a.safety_score')} AS safety, @@SAFETY@@ AS isSafety,
  ${UNLESS_UNSCORED('a.question_score')} AS question, COALESCE(il.question, ${UNLESS_UNSCORED(EFFECTIVE_QUESTION)}) AS isQuestion,
  ${UNLESS_UNSCORED('a.suggestion_score')} AS suggestion, COALESCE(il.suggestion, ${UNLESS_UNSCORED(EFFECTIVE_SUGGESTION)}) AS isSuggestion,
  COALESCE((SELECT group_concat(display, '; ') FROM (
    SELECT t.display FROM mention_terms mt JOIN terms t ON t.id = mt.term_id
    WHERE mt.mention_id = m.id AND mt.brand_id = l.brand_id ORDER BY t.display)), '') AS topics,
  m.likes, m.replies, m.reposts, m.score, a.lang`;

/** A row as `raw()` reads it: EXPORT_COLUMNS' values in order. */
type RawExportRow = [string, string, string, string, string | null, string, string | null, number | null, ExportRow['sentimentLabel'],
  number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null,
  string, number | null, number | null, number | null, number | null, string | null];

/**
 * Streams matching mentions with `stmt.iterate()`: one row in memory at a time. Rows are
 * read as arrays and made into objects here, which costs less than the driver's
 * per-column property names (~1 µs a row).
 */
export async function* iterateExport(db: Db, query: ExportQuery): AsyncIterable<ExportRow> {
  const { sql, params } = buildExportSql(db, query);
  const rows = db.prepare(sql).raw(true).iterate(params) as IterableIterator<RawExportRow>;
  try {
    for (const r of rows) {
      yield {
        id: r[0], source: r[1], brand: r[2], createdAt: r[3], author: r[4], text: r[5], url: r[6], sentiment: r[7], sentimentLabel: r[8],
        // SQLite has no booleans: the flag comes back 0/1
        complaint: r[9], isComplaint: r[10] === null ? null : r[10] !== 0, safety: r[11], isSafety: r[12] === null ? null : r[12] !== 0,
        question: r[13], isQuestion: r[14] === null ? null : r[14] !== 0, suggestion: r[15], isSuggestion: r[16] === null ? null : r[16] !== 0,
        topics: r[17], likes: r[18], replies: r[19], reposts: r[20], score: r[21], lang: r[22],
      };
    }
  } finally {
    // a consumer that stops early (or fails) must free the statement, or the connection stays busy
    rows.return?.();
  }
}

function buildExportSql(db: Db, query: ExportQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit ?? -1 };
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('b.name_key = @brand', 'brand', query.brand === undefined ? undefined : brandKey(query.brand));
  add('m.source = @source', 'source', query.source);
  add('m.created_at >= @since', 'since', query.since);
  add('m.created_at < @until', 'until', query.until);
  if (query.sentiments) {
    add('COALESCE(h.label, a.sentiment_label) IN (SELECT value FROM json_each(@sentiments))', 'sentiments', JSON.stringify(query.sentiments));
  }
  if (query.langs) add("COALESCE(a.lang, 'und') IN (SELECT value FROM json_each(@langs))", 'langs', JSON.stringify(query.langs));
  if (query.complaint !== undefined) add(`${EFFECTIVE_COMPLAINT} = @complaint`, 'complaint', query.complaint ? 1 : 0);
  // until someone labels safety, the label table is left out: a probe per row of an empty
  // table still cost ~0.4 µs of the ~9 µs a row takes
  const safetyLabels = db.prepare('SELECT EXISTS (SELECT 1 FROM safety_labels)').pluck().get() === 1;
  const effectiveSafety = safetyLabels ? EFFECTIVE_SAFETY : MODEL_SAFETY;
  if (query.safety !== undefined) add(`${effectiveSafety} = @safety`, 'safety', query.safety ? 1 : 0);
  if (query.intent !== undefined) where.push(intentFilter(query.intent));
  if (query.unhandled) where.push('COALESCE(il.handled, 0) = 0');
  if (query.terms) {
    // reports name an issue's terms by display form; keys work too
    // per candidate mention, its own term rows (the mention index): the rows of the range
    // are few, and there is no (brand, term) index to start from (migration 12)
    add(`EXISTS (SELECT 1 FROM mention_terms mt WHERE mt.mention_id = m.id AND mt.brand_id = l.brand_id
      AND mt.term_id IN (SELECT t.id FROM terms t
        WHERE t.key IN (SELECT value FROM json_each(@terms)) OR t.display IN (SELECT value FROM json_each(@terms))))`,
    'terms', JSON.stringify(query.terms));
  }
  if (query.search !== undefined) {
    add('m.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH @match)', 'match', ftsQuery(db, query.search));
  }
  // CROSS JOIN keeps mentions (in created_at order, from its index) as the outer loop, so
  // rows stream; led by the links, SQLite would sort the whole result in a temp b-tree first
  // a safety label wins even on a post its language left unscored
  const safetyColumn = safetyLabels ? `COALESCE(sl.safety, ${UNLESS_UNSCORED(MODEL_SAFETY)})` : UNLESS_UNSCORED(MODEL_SAFETY);
  const sql = `SELECT ${EXPORT_COLUMNS.replace('@@SAFETY@@', safetyColumn)}
    FROM mentions m CROSS JOIN mention_brands l ON l.mention_id = m.id JOIN brands b ON b.id = l.brand_id
    LEFT JOIN analyses a ON a.mention_id = m.id
    LEFT JOIN human_labels h ON h.mention_id = m.id
    LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
    ${safetyLabels ? 'LEFT JOIN safety_labels sl ON sl.mention_id = m.id' : ''}
    LEFT JOIN intent_labels il ON il.mention_id = m.id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY m.created_at, m.id, b.name_key LIMIT @limit`;
  return { sql, params };
}

/** The query as FTS5 syntax when valid, else its words searched literally (like `search`). */
function ftsQuery(db: Db, text: string): string {
  try {
    db.prepare('SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT 1').get(text);
    return text;
  } catch (error) {
    if (!isFtsQueryError(error)) throw error;
    const literal = quoteWords(text);
    if (!literal) throw new UserError('the --search query has no words', 'try: --search "tea bags"');
    return literal;
  }
}
