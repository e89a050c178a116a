// Intent in PostgreSQL: as src/store/sqlite/intent-queries.ts (the same flags, order and rows).
import type { InboxQuery, InboxRow, IntentLabelKind, SuggestionQuery, SuggestionRow, SuggestionSet } from '../store.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION, hourOf, inboxReasons, intentLabelColumn } from '../sqlite/intent-queries.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY } from '../sqlite/mention-queries.js';
import type { Sql } from './connect.js';
import { AUTHOR_REACH } from './reach-queries.js';
import { brandKey } from '../../domain/brand-key.js';

const ENGAGEMENT = 'COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + GREATEST(COALESCE(m.score, 0), 0)';
const JOINS = `FROM mention_brands l JOIN brands b ON b.id = l.brand_id JOIN mentions m ON m.id = l.mention_id
  LEFT JOIN analyses a ON a.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
  LEFT JOIN safety_labels sl ON sl.mention_id = m.id LEFT JOIN intent_labels il ON il.mention_id = m.id`;

function rangeWhere(sql: Sql, q: { brand?: string; source?: string; since?: string; until?: string }) {
  return sql`${q.brand ? sql`AND b.name_key = ${brandKey(q.brand)}` : sql``}
    ${q.source ? sql`AND m.source = ${q.source}` : sql``}
    ${q.since ? sql`AND m.created_at >= ${q.since}::timestamptz AND l.hour >= ${hourOf(q.since)}` : sql``}
    ${q.until ? sql`AND m.created_at < ${q.until}::timestamptz AND l.hour <= ${hourOf(q.until)}` : sql``}`;
}

export async function readInbox(sql: Sql, q: InboxQuery): Promise<InboxRow[]> {
  const rows = await sql<Array<InboxRow & { rowId: number; day: string; reach: number; brandKey: string }>>`SELECT * FROM (
      SELECT m.external_id AS id, m.source, b.name AS brand, b.name_key AS "brandKey", m.created_at AS "createdAt", m.author, m.text, m.url, m.id AS "rowId",
        to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        COALESCE(${sql.unsafe(EFFECTIVE_SAFETY)}, 0) = 1 AS safety, COALESCE(${sql.unsafe(EFFECTIVE_COMPLAINT)}, 0) = 1 AS complaint,
        COALESCE(${sql.unsafe(EFFECTIVE_QUESTION)}, 0) = 1 AS question, ${sql.unsafe(ENGAGEMENT)} AS engagement,
        COALESCE(${sql.unsafe(AUTHOR_REACH)}, -1) AS reach
      ${sql.unsafe(JOINS)} WHERE COALESCE(il.handled, 0) = 0 ${rangeWhere(sql, q)}) r
    WHERE ${sql.unsafe(inboxReasons(q.reasons).join(' OR '))}
    ORDER BY day DESC, safety DESC, complaint DESC, question DESC, engagement DESC, reach DESC, "createdAt" DESC, "rowId" DESC, "brandKey" COLLATE "C"
    LIMIT ${q.limit}`;
  return rows.map(({ rowId: _, day: __, reach: ___, brandKey: ____, ...r }) => ({ ...r, engagement: Number(r.engagement) }));
}

export async function readSuggestions(sql: Sql, q: SuggestionQuery): Promise<SuggestionSet> {
  const rows = await sql<SuggestionRow[]>`
    SELECT m.external_id AS id, m.source, b.name AS brand, m.created_at AS "createdAt", m.author, m.text, m.url,
      COALESCE(a.voice, m.id) AS voice, ${sql.unsafe(ENGAGEMENT)} AS engagement,
      COALESCE((SELECT json_agg(json_build_object('key', t.key, 'display', t.display) ORDER BY t.key COLLATE "C")
        FROM mention_terms mt JOIN terms t ON t.id = mt.term_id WHERE mt.mention_id = m.id AND mt.brand_id = l.brand_id), '[]'::json) AS terms
    ${sql.unsafe(JOINS)} WHERE ${sql.unsafe(EFFECTIVE_SUGGESTION)} = 1 ${rangeWhere(sql, q)}
    ORDER BY m.created_at, m.id, b.name_key COLLATE "C"`;
  const read = rows.map((r) => ({ ...r, voice: Number(r.voice), engagement: Number(r.engagement) }));
  const keys = [...new Set(read.flatMap((r) => r.terms.map((t) => t.key)))];
  const [total] = await sql<Array<{ n: number }>>`SELECT COUNT(*) AS n FROM mention_brands l JOIN brands b ON b.id = l.brand_id
    JOIN mentions m ON m.id = l.mention_id WHERE true ${rangeWhere(sql, q)}`;
  const counts = keys.length === 0 ? [] : await sql<Array<{ key: string; n: number }>>`
    SELECT t.key, COUNT(DISTINCT m.id) AS n FROM mention_terms l JOIN terms t ON t.id = l.term_id JOIN brands b ON b.id = l.brand_id
      JOIN mentions m ON m.id = l.mention_id WHERE t.key = ANY(${keys}::text[]) ${rangeWhere(sql, q)} GROUP BY t.key`;
  return { rows: read, mentions: Number(total!.n), termMentions: Object.fromEntries(counts.map((c) => [c.key, Number(c.n)])) };
}
