import type { ExportQuery, ExportRow } from '../store.js';
import type { Sql } from './connect.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY, tsQuery } from './mention-queries.js';
import { UNLESS_UNSCORED } from '../sqlite/export-queries.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION, intentFilter } from '../sqlite/intent-queries.js';
import { brandKey } from '../../domain/brand-key.js';

/**
 * As on SQLite: `sentiment` is the model's score, `sentimentLabel` the effective label,
 * `complaint` the complaint model's score, `isComplaint` the effective complaint flag,
 * `safety` and `isSafety` the same for safety, topics the term display forms in byte
 * order (COLLATE "C", like SQLite's BINARY).
 */
const EXPORT_COLUMNS = `m.external_id AS id, m.source, b.name AS brand, m.created_at AS "createdAt",
  m.author, m.text, m.url, ${UNLESS_UNSCORED('a.sentiment_score', "'none'")} AS sentiment,
  COALESCE(h.label, ${UNLESS_UNSCORED('a.sentiment_label', "'none'")}) AS "sentimentLabel",
  ${UNLESS_UNSCORED('a.complaint_score')} AS complaint, (COALESCE(cl.complaint, ${UNLESS_UNSCORED(EFFECTIVE_COMPLAINT)})) <> 0 AS "isComplaint",
  ${UNLESS_UNSCORED('a.safety_score')} AS safety, (COALESCE(sl.safety, ${UNLESS_UNSCORED(EFFECTIVE_SAFETY)})) <> 0 AS "isSafety",
  ${UNLESS_UNSCORED('a.question_score')} AS question, (COALESCE(il.question, ${UNLESS_UNSCORED(EFFECTIVE_QUESTION)})) <> 0 AS "isQuestion",
  ${UNLESS_UNSCORED('a.suggestion_score')} AS suggestion, (COALESCE(il.suggestion, ${UNLESS_UNSCORED(EFFECTIVE_SUGGESTION)})) <> 0 AS "isSuggestion",
  COALESCE((SELECT string_agg(t.display, '; ' ORDER BY t.display COLLATE "C")
    FROM mention_terms mt JOIN terms t ON t.id = mt.term_id WHERE mt.mention_id = m.id AND mt.brand_id = l.brand_id), '') AS topics,
  m.likes, m.replies, m.reposts, m.score, a.lang`;

/** Streams matching mentions through a server-side cursor, a few hundred rows at a time. */
export async function* iterateExport(sql: Sql, query: ExportQuery): AsyncIterable<ExportRow> {
  const where = [];
  if (query.brand !== undefined) where.push(sql`b.name_key = ${brandKey(query.brand)}`);
  if (query.source !== undefined) where.push(sql`m.source = ${query.source}`);
  if (query.since !== undefined) where.push(sql`m.created_at >= ${query.since}::timestamptz`);
  if (query.until !== undefined) where.push(sql`m.created_at < ${query.until}::timestamptz`);
  if (query.sentiments) where.push(sql`COALESCE(h.label, a.sentiment_label) = ANY(${query.sentiments}::text[])`);
  if (query.langs) where.push(sql`COALESCE(a.lang, 'und') = ANY(${query.langs}::text[])`);
  if (query.complaint !== undefined) where.push(sql`${sql.unsafe(EFFECTIVE_COMPLAINT)} = ${query.complaint ? 1 : 0}`);
  if (query.safety !== undefined) where.push(sql`${sql.unsafe(EFFECTIVE_SAFETY)} = ${query.safety ? 1 : 0}`);
  if (query.intent !== undefined) where.push(sql`${sql.unsafe(intentFilter(query.intent))}`);
  if (query.unhandled) where.push(sql`COALESCE(il.handled, 0) = 0`);
  if (query.terms) {
    // reports name an issue's terms by display form; keys work too
    where.push(sql`m.id IN (SELECT mt.mention_id FROM mention_terms mt JOIN terms t ON t.id = mt.term_id
      WHERE mt.brand_id = l.brand_id AND (t.key = ANY(${query.terms}::text[]) OR t.display = ANY(${query.terms}::text[])))`);
  }
  if (query.search !== undefined) where.push(sql`m.tsv @@ ${tsQuery(sql, query.search, '--search query')}`);
  const filter = where.reduce((acc, clause, i) => (i === 0 ? sql`WHERE ${clause}` : sql`${acc} AND ${clause}`), sql``);
  const rows = sql<ExportRow[]>`SELECT ${sql.unsafe(EXPORT_COLUMNS)}
    FROM mentions m JOIN mention_brands l ON l.mention_id = m.id JOIN brands b ON b.id = l.brand_id
    LEFT JOIN analyses a ON a.mention_id = m.id
    LEFT JOIN human_labels h ON h.mention_id = m.id
    LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
    LEFT JOIN safety_labels sl ON sl.mention_id = m.id
    LEFT JOIN intent_labels il ON il.mention_id = m.id
    ${filter}
    ORDER BY m.created_at, m.id, b.name_key COLLATE "C" LIMIT ${query.limit ?? null}`;
  // breaking out of the loop closes the cursor and frees the connection
  for await (const batch of rows.cursor(200)) yield* batch;
}
