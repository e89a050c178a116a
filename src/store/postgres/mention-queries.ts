import type { StoredMention } from '../../domain/mention.js';
import { UserError } from '../../errors.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY, quoteWords, SEARCH_LABELS } from '../sqlite/mention-queries.js';
import type { SearchQuery, SearchResult } from '../store.js';
import { intentFilter } from '../sqlite/intent-queries.js';
import type { Sql, Tx } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';

/** Columns of a stored mention, in the shape of StoredMention (m = mentions, b = brands). */
export const MENTION_COLUMNS = `m.id AS "rowId", m.external_id AS id, m.source, b.name AS brand,
  m.created_at AS "createdAt", m.author, m.text, m.url, m.lang, m.likes, m.replies, m.reposts,
  m.score, m.first_seen AS "firstSeen", m.last_seen AS "lastSeen"`;

/** The effective complaint flag (0/1 or NULL) of a mention, with `a` (analyses) and `cl` (complaint_labels) joined, as on SQLite. */
export { EFFECTIVE_COMPLAINT } from '../sqlite/mention-queries.js';
/** The effective safety flag (0/1 or NULL), with `a` (analyses) and `sl` (safety_labels) joined, as on SQLite. */
export { EFFECTIVE_SAFETY } from '../sqlite/mention-queries.js';

/**
 * The search text as a tsquery. SQLite takes FTS5 syntax and falls back to literal
 * words; here `websearch_to_tsquery` reads the same everyday forms ("a phrase", or,
 * -word) and never fails on punctuation. FTS5-only syntax (NEAR, prefix*, column:)
 * is read as plain words. A query without words is refused on both backends.
 */
export function tsQuery(sql: Tx, text: string, what = 'search query') {
  if (!quoteWords(text)) {
    throw new UserError(`the ${what} has no words`, what === 'search query' ? 'try: earshot search "tea bags"' : 'try: --search "tea bags"');
  }
  return sql`websearch_to_tsquery('simple', ${text})`;
}

export async function searchMentions(sql: Sql, query: SearchQuery): Promise<SearchResult[]> {
  const match = tsQuery(sql, query.text);
  // one row per mention; its brands are gathered for the page of hits only
  const rows = await sql<Array<SearchResult & { complaint: number | null }>>`
    SELECT s.*, ARRAY(SELECT lb.name FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id
      WHERE l.mention_id = s."rowId" ORDER BY lb.name_key COLLATE "C") AS brands
    FROM (SELECT ${sql.unsafe(MENTION_COLUMNS)}, ${sql.unsafe(SEARCH_LABELS)}
      FROM mentions m JOIN brands b ON b.id = m.brand_id LEFT JOIN analyses a ON a.mention_id = m.id
      LEFT JOIN complaint_labels cl ON cl.mention_id = m.id LEFT JOIN safety_labels sl ON sl.mention_id = m.id
    WHERE m.tsv @@ ${match}
      ${query.brand ? sql`AND EXISTS (SELECT 1 FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id WHERE l.mention_id = m.id AND lb.name_key = ${brandKey(query.brand)})` : sql``}
      ${query.since ? sql`AND m.created_at >= ${query.since}::timestamptz` : sql``}
      ${query.until ? sql`AND m.created_at < ${query.until}::timestamptz` : sql``}
      ${query.complaint === undefined ? sql`` : sql`AND ${sql.unsafe(EFFECTIVE_COMPLAINT)} = ${query.complaint ? 1 : 0}`}
      ${query.safety === undefined ? sql`` : sql`AND ${sql.unsafe(EFFECTIVE_SAFETY)} = ${query.safety ? 1 : 0}`}
      ${query.langs ? sql`AND COALESCE(a.lang, 'und') = ANY(${query.langs}::text[])` : sql``}
      ${query.intent === undefined ? sql`` : sql`AND ${sql.unsafe(intentFilter(query.intent))}`}
    ORDER BY m.created_at DESC, m.id DESC LIMIT ${query.limit}) s ORDER BY s."createdAt" DESC, s."rowId" DESC`;
  return rows.map((r) => ({ ...r, complaint: r.complaint === null ? null : Number(r.complaint) === 1 }));
}

export async function findMentions(sql: Sql, ref: string): Promise<StoredMention[]> {
  // mention_keys is unpartitioned: a lookup by key is one index probe, then one partition
  const find = (source: string | null, id: string) => sql<StoredMention[]>`
    SELECT ${sql.unsafe(MENTION_COLUMNS)} FROM mention_keys k
    JOIN mentions m ON m.id = k.id AND m.created_at = k.created_at
    JOIN brands b ON b.id = m.brand_id
    WHERE k.external_id = ${id} ${source === null ? sql`` : sql`AND k.source = ${source}`}
    ORDER BY m.id`;
  const colon = ref.indexOf(':');
  if (colon > 0) {
    const rows = await find(ref.slice(0, colon), ref.slice(colon + 1));
    if (rows.length > 0) return rows;
  }
  return find(null, ref);
}

/** Bytes of earshot's tables and indexes in this schema (all partitions included). */
export async function readSizeBytes(sql: Sql): Promise<number> {
  const [row] = await sql`
    SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`;
  return (row?.bytes as number | undefined) ?? 0;
}
