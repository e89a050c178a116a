/**
 * The tables `earshot migrate-store` copies, in an order that satisfies foreign keys,
 * with the columns both backends share and the key a copy is batched and resumed by.
 * Rows keep their ids, so references between tables stay valid without remapping.
 * Tables of several rows per key (`mention_brands`, `mention_terms` per mention, `term_forms` per term) are batched by
 * whole keys (PER_KEY); `scan_cursors` is small and copied whole.
 * `match` names the columns that tell whether a target row is a copy of the source row with its key.
 */
export const COPY_TABLES = {
  brands: { key: 'id', match: ['name'], columns: ['id', 'name', 'name_key', 'created_at'] },
  terms: { key: 'id', match: ['key'], columns: ['id', 'key', 'display'] },
  mentions: {
    key: 'id',
    match: ['source', 'external_id'],
    columns: ['id', 'source', 'external_id', 'brand_id', 'created_at', 'author', 'text', 'url', 'lang',
      'likes', 'replies', 'reposts', 'score', 'raw', 'first_seen', 'last_seen'],
  },
  scan_cursors: { key: null, match: [], columns: ['source', 'brand_id', 'stream', 'value', 'updated_at'] },
  scan_runs: {
    key: 'id',
    match: ['source', 'status'],
    columns: ['id', 'source', 'brand_id', 'started_at', 'finished_at', 'posts_read', 'inserted', 'updated', 'status', 'message', 'budget_hit', 'kind', 'http_status'],
  },
  analyses: {
    key: 'mention_id',
    match: ['model_version', 'cluster_key'],
    columns: ['mention_id', 'model_version', 'sentiment_score', 'sentiment_label', 'cluster_key', 'brand_id', 'hour',
      'voice', 'cluster', 'sentiment', 'complaint_score', 'complaint', 'safety_score', 'safety',
      'question_score', 'question', 'suggestion_score', 'suggestion', 'analyzed_at', 'lang', 'scored'],
  },
  human_labels: { key: 'mention_id', match: ['label'], columns: ['mention_id', 'label', 'labeled_at'] },
  complaint_labels: { key: 'mention_id', match: ['complaint'], columns: ['mention_id', 'complaint', 'labeled_at'] },
  safety_labels: { key: 'mention_id', match: ['safety'], columns: ['mention_id', 'safety', 'labeled_at'] },
  intent_labels: { key: 'mention_id', match: ['question', 'suggestion', 'handled'], columns: ['mention_id', 'question', 'suggestion', 'handled', 'labeled_at'] },
  mention_brands: {
    key: 'mention_id', match: ['brand_id'], columns: ['brand_id', 'mention_id', 'hour', 'voice', 'cluster', 'sentiment', 'complaint', 'engagement'],
  },
  mention_terms: {
    key: 'mention_id', match: ['term_id'], columns: ['brand_id', 'hour', 'term_id', 'mention_id', 'voice', 'cluster', 'sentiment', 'complaint'],
  },
  term_forms: { key: 'term_id', match: ['form', 'n'], columns: ['term_id', 'form', 'n'] },
  adapted_models: {
    key: 'id',
    match: ['version'],
    columns: ['id', 'version', 'brand', 'base_version', 'method', 'sentiment_labels', 'complaint_labels', 'evaluation', 'payload', 'created_at', 'active'],
  },
  alerts_sent: { key: 'id', match: ['target', 'issue_key'], columns: ['id', 'target', 'target_name', 'brand', 'issue_key', 'mentions', 'sent_at'] },
  issue_states: {
    key: 'id',
    match: ['brand', 'issue_key'],
    columns: ['id', 'brand', 'issue_key', 'state', 'first_seen', 'last_seen', 'voices', 'mentions', 'peak_voices', 'ref_voices', 'ref_at', 'updated_at'],
  },
  mention_alerts_sent: {
    key: 'id', match: ['target', 'source', 'external_id'], columns: ['id', 'target', 'target_name', 'source', 'external_id', 'posted', 'sent_at'],
  },
  author_reach: { key: null, match: [], columns: ['source', 'author', 'followers', 'seen_at'] },
  digests_sent: {
    key: 'id', match: ['target', 'brand', 'period'], columns: ['id', 'target', 'target_name', 'brand', 'period', 'period_start', 'message_id', 'sent_at'],
  },
} as const satisfies Record<string, { key: string | null; match: readonly string[]; columns: readonly string[] }>;

export type CopyTable = keyof typeof COPY_TABLES;

/** Tables of several rows per key, copied whole keys at a time, and the column that orders one key's rows. */
export const PER_KEY: Partial<Record<CopyTable, string>> = { mention_brands: 'brand_id', mention_terms: 'term_id', term_forms: 'form' };
export const COPY_ORDER = Object.keys(COPY_TABLES) as CopyTable[];

/** One row as stored: timestamps as ISO strings, `raw` as JSON text. */
export type CopyRow = Record<string, string | number | null>;

export interface CopyBatch {
  rows: CopyRow[];
  /** The key of the last row, to read the next batch after; null when the table has no key (read whole). */
  lastKey: number | null;
}

export interface CopyProgress {
  rows: number;
  /** Largest key stored, null when empty or keyless. */
  lastKey: number | null;
}
