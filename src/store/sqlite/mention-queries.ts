import type { MentionInput, StoredMention } from '../../domain/mention.js';
import { UserError } from '../../errors.js';
import type { SearchQuery, SearchResult } from '../store.js';
import { intentFilter } from './intent-queries.js';
import type { Db } from './open.js';
import { brandKey } from '../../domain/brand-key.js';

/** Columns of a stored mention, in the shape of StoredMention. */
export const MENTION_COLUMNS = `m.id AS rowId, m.external_id AS id, m.source, b.name AS brand,
  m.created_at AS createdAt, m.author, m.text, m.url, m.lang, m.likes, m.replies, m.reposts,
  m.score, m.first_seen AS firstSeen, m.last_seen AS lastSeen`;

/**
 * The effective complaint flag (0/1) of a mention, given `a` (its analysis) and `cl` (its
 * complaint label) joined: the human label, else the model's yes/no once a complaint model
 * scored it, else NULL.
 */
export const EFFECTIVE_COMPLAINT = 'COALESCE(cl.complaint, CASE WHEN a.complaint_score IS NOT NULL THEN a.complaint END)';

/**
 * The effective safety flag (0/1) of a mention, given `a` (its analysis) and `sl` (its
 * safety label) joined: the human label, else the model's yes/no once a safety model
 * scored it, else NULL.
 */
export const MODEL_SAFETY = 'CASE WHEN a.safety_score IS NOT NULL THEN a.safety END';
export const EFFECTIVE_SAFETY = `COALESCE(sl.safety, ${MODEL_SAFETY})`;

/**
 * The effective complaint and safety probabilities of analyses `a`, summed, with their
 * labels `cl` and `sl` joined: a human label counts 1 or 0, else the model's score, else
 * its yes/no (an analysis from before the model had such a score). Report groups weigh
 * their evidence with these.
 */
export const COMPLAINT_EVIDENCE = 'COALESCE(SUM(COALESCE(cl.complaint, a.complaint_score, a.complaint)), 0)';
export const SAFETY_EVIDENCE = 'COALESCE(SUM(COALESCE(sl.safety, a.safety_score, a.safety)), 0)';

/** An evidence sum as reported: 3 decimals, as the scores are, so both backends give the same figure. */
export function evidenceOf(sum: number | string): number {
  return Math.round(Number(sum) * 1000) / 1000;
}

/** Engagement of a mention row `m`: likes, replies and reposts, plus a positive score. */
export const ENGAGEMENT = 'COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + MAX(COALESCE(m.score, 0), 0)';

/**
 * Opens and closes a batch of mention writes for the full-text index (migration 12): rows
 * the batch inserts are indexed at its end in one statement, with their final text.
 * Both run inside the batch's transaction, so a failed batch leaves the index as it was.
 */
export function prepareTextIndexBatch(db: Db) {
  const open = db.prepare('UPDATE mentions_fts_state SET pending_from = (SELECT COALESCE(MAX(id), 0) FROM mentions)');
  const fill = db.prepare(`INSERT INTO mentions_fts (rowid, text)
    SELECT id, text FROM mentions WHERE id > (SELECT pending_from FROM mentions_fts_state)`);
  const close = db.prepare('UPDATE mentions_fts_state SET pending_from = NULL');
  return {
    open: () => { open.run(); },
    close: () => {
      fill.run();
      close.run();
    },
  };
}

export interface MentionWrite {
  newToBrand: boolean;
  rowId: number;
  /** Set when the mention was stored now. */
  stored?: { hour: number };
  textChanged: boolean;
  relinked: boolean;
}

export function prepareMentionWrites(db: Db) {
  const storedText = db.prepare('SELECT text FROM mentions WHERE source = ? AND external_id = ?').pluck();
  const upsert = db.prepare(`
    INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, url, lang,
      likes, replies, reposts, score, raw, first_seen, last_seen)
    VALUES (@source, @id, @brandId, @createdAt, @author, @text, @url, @lang,
      @likes, @replies, @reposts, @score, @raw, @now, @now)
    ON CONFLICT (source, external_id) DO UPDATE SET
      text = excluded.text,
      author = COALESCE(excluded.author, author),
      url = COALESCE(excluded.url, url),
      lang = COALESCE(excluded.lang, lang),
      likes = COALESCE(excluded.likes, likes),
      replies = COALESCE(excluded.replies, replies),
      reposts = COALESCE(excluded.reposts, reposts),
      score = COALESCE(excluded.score, score),
      raw = COALESCE(excluded.raw, raw),
      last_seen = excluded.last_seen
    RETURNING id, CAST(unixepoch(created_at, 'subsec') / 3600 AS INTEGER) AS hour`);
  // a new link to an analysed mention takes its analysis along (voice, sentiment, …)
  const link = db.prepare(`
    INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
    SELECT @brandId, m.id, CAST(unixepoch(m.created_at, 'subsec') / 3600 AS INTEGER), a.voice, a.cluster, a.sentiment, a.complaint, ${ENGAGEMENT}
    FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id
    WHERE m.source = @source AND m.external_id = @id
    ON CONFLICT (brand_id, mention_id) DO NOTHING`);
  // the new brand has no term rows yet: analysing the mention again writes them
  const restale = db.prepare(`UPDATE analyses SET model_version = 'relinked'
    WHERE mention_id = (SELECT id FROM mentions WHERE source = ? AND external_id = ?)`);
  /**
   * Returns whether the mention is new to its (first) brand (newly stored, or newly
   * linked), its row id and, when it was stored now, its hour; and whether a stored one
   * changed its text or links (an analysis read before is stale).
   */
  return (mention: MentionInput, brandIds: number[], now: string): MentionWrite => {
    const before = storedText.get(mention.source, mention.id) as string | undefined;
    const isNew = before === undefined;
    const m = mention.metrics ?? {};
    const row = upsert.get({
      source: mention.source,
      id: mention.id,
      brandId: brandIds[0],
      createdAt: mention.createdAt,
      author: mention.author ?? null,
      text: mention.text,
      url: mention.url ?? null,
      lang: mention.lang ?? null,
      likes: m.likes ?? null,
      replies: m.replies ?? null,
      reposts: m.reposts ?? null,
      score: m.score ?? null,
      raw: mention.raw === undefined ? null : JSON.stringify(mention.raw),
      now,
    }) as { id: number; hour: number };
    let newToBrand = isNew;
    let relinked = false;
    brandIds.forEach((brandId, i) => {
      const added = link.run({ brandId, source: mention.source, id: mention.id }).changes > 0;
      if (i === 0 && added) newToBrand = true;
      if (added && !isNew) relinked = true;
    });
    if (relinked) restale.run(mention.source, mention.id);
    return { newToBrand, rowId: row.id, stored: isNew ? { hour: row.hour } : undefined, textChanged: !isNew && before !== mention.text, relinked };
  };
}

export function searchMentions(db: Db, query: SearchQuery): SearchResult[] {
  const where = ['mentions_fts MATCH @match'];
  if (query.brand) where.push('EXISTS (SELECT 1 FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id WHERE l.mention_id = m.id AND lb.name_key = @brand)');
  if (query.since) where.push('m.created_at >= @since');
  if (query.until) where.push('m.created_at < @until');
  if (query.complaint !== undefined) where.push(`${EFFECTIVE_COMPLAINT} = @complaint`);
  if (query.safety !== undefined) where.push(`${EFFECTIVE_SAFETY} = @safety`);
  if (query.langs) where.push("COALESCE(a.lang, 'und') IN (SELECT value FROM json_each(@langs))");
  if (query.intent !== undefined) where.push(intentFilter(query.intent));
  // one row per mention; its brands are gathered for the page of hits only
  const sql = `SELECT s.*, (SELECT json_group_array(name) FROM (SELECT lb.name FROM mention_brands l JOIN brands lb ON lb.id = l.brand_id
      WHERE l.mention_id = s.rowId ORDER BY lb.name_key)) AS brands
    FROM (SELECT ${MENTION_COLUMNS}, ${SEARCH_LABELS} FROM mentions_fts f
      JOIN mentions m ON m.id = f.rowid JOIN brands b ON b.id = m.brand_id LEFT JOIN analyses a ON a.mention_id = m.id
      LEFT JOIN complaint_labels cl ON cl.mention_id = m.id LEFT JOIN safety_labels sl ON sl.mention_id = m.id
      WHERE ${where.join(' AND ')} ORDER BY m.created_at DESC, m.id DESC LIMIT @limit) s ORDER BY s.createdAt DESC, s.rowId DESC`;
  const params = { brand: query.brand ? brandKey(query.brand) : undefined, since: query.since, until: query.until, limit: query.limit,
    complaint: query.complaint === undefined ? undefined : Number(query.complaint),
    safety: query.safety === undefined ? undefined : Number(query.safety), langs: query.langs && JSON.stringify(query.langs) };
  const stmt = db.prepare(sql);
  const read = (match: string) => (stmt.all({ ...params, match }) as Array<SearchResult & { brands: string; complaint: number | null }>)
    .map((r) => ({ ...r, brands: JSON.parse(r.brands) as string[], complaint: r.complaint === null ? null : r.complaint === 1 }));
  try {
    return read(query.text);
  } catch (error) {
    if (!isFtsQueryError(error)) throw error;
    // Not valid FTS5 syntax (e.g. "plastic?"): search the words literally instead.
    const literal = quoteWords(query.text);
    if (!literal) throw new UserError('the search query has no words', 'try: earshot search "tea bags"');
    return read(literal);
  }
}

/** A search hit's effective sentiment and complaint flag, with `a` (analyses) and `cl` (complaint_labels) joined; both backends. */
export const SEARCH_LABELS = `CASE a.sentiment WHEN -1 THEN 'negative' WHEN 0 THEN 'neutral' WHEN 1 THEN 'positive' END AS sentiment,
  ${EFFECTIVE_COMPLAINT} AS complaint`;

/** SQLite's complaints about a MATCH query the user typed (not about the database). */
export function isFtsQueryError(error: unknown): boolean {
  return /fts5|syntax|unterminated string|unknown special query|no such column/i.test((error as Error).message);
}

export function quoteWords(text: string): string {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).map((w) => `"${w}"`).join(' ');
}

/** One row per stored mention; `brand` is the brand that first stored it. */
export function findMentions(db: Db, ref: string): StoredMention[] {
  const colon = ref.indexOf(':');
  const base = `SELECT ${MENTION_COLUMNS} FROM mentions m JOIN brands b ON b.id = m.brand_id`;
  if (colon > 0) {
    const rows = db.prepare(`${base} WHERE m.source = ? AND m.external_id = ?`)
      .all(ref.slice(0, colon), ref.slice(colon + 1)) as StoredMention[];
    if (rows.length > 0) return rows;
  }
  return db.prepare(`${base} WHERE m.external_id = ?`).all(ref) as StoredMention[];
}

