// Intent in the store (migration 16): the effective question and suggestion flags, the
// --intent filter, intent labels (question, suggestion, handled), the inbox and the
// suggestions of a brand. PostgreSQL's intent-queries.ts reads the same columns.
import type { InboxQuery, InboxReasonKind, InboxRow, IntentKind, IntentLabelKind, SuggestionQuery, SuggestionRow, SuggestionSet } from '../store.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY, ENGAGEMENT } from './mention-queries.js';
import type { Db } from './open.js';
import { AUTHOR_REACH } from './reach-queries.js';
import { brandKey } from '../../domain/brand-key.js';

/**
 * The effective question / suggestion flag (0/1) of a mention, with `a` (its analysis) and
 * `il` (its intent labels) joined: the human label, else the model's yes/no once an intent
 * model scored it, else NULL.
 */
export const EFFECTIVE_QUESTION = 'COALESCE(il.question, CASE WHEN a.question_score IS NOT NULL THEN a.question END)';
export const EFFECTIVE_SUGGESTION = 'COALESCE(il.suggestion, CASE WHEN a.suggestion_score IS NOT NULL THEN a.suggestion END)';

/** Keeps mentions `m` whose effective flag for `kind` is 1; needs no join (both backends). */
export function intentFilter(kind: IntentKind): string {
  const column = kind === 'question' ? 'question' : 'suggestion';
  return `COALESCE((SELECT il.${column} FROM intent_labels il WHERE il.mention_id = m.id),
    (SELECT CASE WHEN ia.${column}_score IS NOT NULL THEN ia.${column} END FROM analyses ia WHERE ia.mention_id = m.id)) = 1`;
}

/** The label's column: from a fixed list, never from input. */
export function intentLabelColumn(kind: IntentLabelKind): 'question' | 'suggestion' | 'handled' {
  return kind === 'question' ? 'question' : kind === 'suggestion' ? 'suggestion' : 'handled';
}

/** The joins the inbox and suggestions read: a brand link `l`, its mention, analysis and labels. */
const JOINS = `FROM mention_brands l JOIN brands b ON b.id = l.brand_id JOIN mentions m ON m.id = l.mention_id
  LEFT JOIN analyses a ON a.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
  LEFT JOIN safety_labels sl ON sl.mention_id = m.id LEFT JOIN intent_labels il ON il.mention_id = m.id`;

function rangeWhere(q: { brand?: string; source?: string; since?: string; until?: string }): string[] {
  const where: string[] = [];
  if (q.brand) where.push('b.name_key = @brandKey');
  if (q.source) where.push('m.source = @source');
  // the link's hour bounds too, so the (brand, hour) index narrows the rows before the exact times
  if (q.since) where.push(`m.created_at >= @since AND l.hour >= ${hourOf(q.since)}`);
  if (q.until) where.push(`m.created_at < @until AND l.hour <= ${hourOf(q.until)}`);
  return where;
}

/** The @brandKey parameter of rangeWhere. */
function keyed(q: { brand?: string }): { brandKey?: string } {
  return q.brand ? { brandKey: brandKey(q.brand) } : {};
}

/** The hour (since the epoch) of an ISO time; an integer, so safe to write into SQL. */
export function hourOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? Math.floor(ms / 3_600_000) : 0;
}

type RawInbox = Omit<InboxRow, 'safety' | 'complaint' | 'question'> & { safety: number; complaint: number; question: number };

/** The reasons asked for, from the fixed list only (they are written into the SQL). */
export function inboxReasons(reasons: readonly InboxReasonKind[] | undefined): InboxReasonKind[] {
  const all: InboxReasonKind[] = ['safety', 'complaint', 'question'];
  const picked = all.filter((r) => !reasons || reasons.length === 0 || reasons.includes(r));
  return picked.length > 0 ? picked : all;
}

/** Newest day first; within a day safety, then complaints, then questions, then engagement, then the author's reach (unknown last). */
export function readInbox(db: Db, q: InboxQuery): InboxRow[] {
  const where = [...rangeWhere(q), 'COALESCE(il.handled, 0) = 0'];
  const rows = db.prepare(`SELECT * FROM (
      SELECT m.external_id AS id, m.source, b.name AS brand, b.name_key AS brandKey, m.created_at AS createdAt, m.author, m.text, m.url, m.id AS rowId,
        COALESCE(${EFFECTIVE_SAFETY}, 0) AS safety, COALESCE(${EFFECTIVE_COMPLAINT}, 0) AS complaint,
        COALESCE(${EFFECTIVE_QUESTION}, 0) AS question, ${ENGAGEMENT} AS engagement, COALESCE(${AUTHOR_REACH}, -1) AS reach
      ${JOINS} WHERE ${where.join(' AND ')})
    WHERE ${inboxReasons(q.reasons).map((r) => `${r} = 1`).join(' OR ')}
    ORDER BY substr(createdAt, 1, 10) DESC, safety DESC, complaint DESC, question DESC, engagement DESC, reach DESC, createdAt DESC, rowId DESC, brandKey
    LIMIT @limit`).all({ ...keyed(q), source: q.source, since: q.since, until: q.until, limit: q.limit }) as Array<RawInbox & { rowId?: number; reach?: number; brandKey?: string }>;
  return rows.map(({ rowId: _, reach: __, brandKey: ___, ...r }) => ({ ...r, safety: r.safety === 1, complaint: r.complaint === 1, question: r.question === 1 }));
}

/** Suggestions of a range, oldest first, each with its topic terms for the brand it is linked to. */
export function readSuggestions(db: Db, q: SuggestionQuery): SuggestionSet {
  const where = [...rangeWhere(q), `${EFFECTIVE_SUGGESTION} = 1`];
  const rows = db.prepare(`SELECT m.external_id AS id, m.source, b.name AS brand, m.created_at AS createdAt, m.author, m.text, m.url,
      COALESCE(a.voice, m.id) AS voice, ${ENGAGEMENT} AS engagement,
      (SELECT json_group_array(json_object('key', t.key, 'display', t.display)) FROM mention_terms mt JOIN terms t ON t.id = mt.term_id
        WHERE mt.mention_id = m.id AND mt.brand_id = l.brand_id) AS terms
    ${JOINS} WHERE ${where.join(' AND ')}
    ORDER BY m.created_at, m.id, b.name_key`).all({ ...keyed(q), since: q.since, until: q.until }) as Array<Omit<SuggestionRow, 'terms'> & { terms: string }>;
  const read = rows.map((r) => ({ ...r, terms: (JSON.parse(r.terms) as SuggestionRow['terms']).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)) }));
  const keys = [...new Set(read.flatMap((r) => r.terms.map((t) => t.key)))];
  const params = { ...keyed(q), since: q.since, until: q.until, keys: JSON.stringify(keys) };
  const range = rangeWhere(q);
  const mentions = db.prepare(`SELECT COUNT(*) FROM mention_brands l JOIN brands b ON b.id = l.brand_id JOIN mentions m ON m.id = l.mention_id
    ${range.length ? `WHERE ${range.join(' AND ')}` : ''}`).pluck().get(params) as number;
  const counts = keys.length === 0 ? [] : db.prepare(`SELECT t.key, COUNT(DISTINCT m.id) AS n FROM mention_terms l JOIN terms t ON t.id = l.term_id
    JOIN brands b ON b.id = l.brand_id JOIN mentions m ON m.id = l.mention_id
    WHERE t.key IN (SELECT value FROM json_each(@keys)) ${range.map((w) => `AND ${w}`).join(' ')} GROUP BY t.key`).all(params) as Array<{ key: string; n: number }>;
  return { rows: read, mentions, termMentions: Object.fromEntries(counts.map((c) => [c.key, c.n])) };
}
