import type { MentionInput, SentimentLabel, StoredMention } from '../domain/mention.js';

/**
 * The one store interface. Everything outside src/store/ talks to this, never to SQL,
 * so a PostgreSQL backend is an addition. Methods are async although better-sqlite3
 * is synchronous, because a network backend will not be; batches keep the cost low.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  close(): Promise<void>;

  /** Upserts one batch in one transaction; the cursor, if any, commits with it. */
  upsertMentions(mentions: MentionInput[], cursor?: CursorWrite): Promise<UpsertOutcome>;
  getCursor(key: CursorKey): Promise<string | null>;
  recordScanRun(run: ScanRunRecord): Promise<void>;

  status(): Promise<StoreStatus>;
  searchMentions(query: SearchQuery): Promise<StoredMention[]>;
  /** Finds a mention by `source:id` or a bare id (unique across sources). */
  findMention(ref: string): Promise<StoredMention[]>;

  /** Mentions with no analysis from `modelVersion`, in row order after `afterRowId`. */
  pendingAnalysis(modelVersion: string, afterRowId: number, limit: number): Promise<AnalysisInput[]>;
  countPendingAnalysis(modelVersion: string): Promise<number>;
  saveAnalyses(results: AnalysisRecord[]): Promise<void>;
  setHumanLabel(rowId: number, label: SentimentLabel): Promise<void>;
}

export interface CursorKey {
  source: string;
  brand: string;
  stream: string;
}

export interface CursorWrite extends CursorKey {
  value: string;
}

export interface UpsertOutcome {
  inserted: number;
  updated: number;
}

export interface ScanRunRecord {
  source: string;
  brand: string;
  startedAt: string;
  finishedAt: string;
  postsRead: number;
  inserted: number;
  updated: number;
  status: 'ok' | 'stopped' | 'failed';
  message?: string;
}

export interface StoreStatusRow {
  brand: string;
  source: string;
  mentions: number;
  firstMention: string | null;
  lastMention: string | null;
  lastScan: string | null;
  analyzed: number;
}

export interface StoreStatus {
  rows: StoreStatusRow[];
  totalMentions: number;
  sizeBytes: number;
  schemaVersion: number;
}

export interface SearchQuery {
  /** FTS5 query syntax on SQLite; plain words work everywhere. */
  text: string;
  brand?: string;
  since?: string;
  until?: string;
  limit: number;
}

export interface AnalysisInput {
  rowId: number;
  id: string;
  source: string;
  author: string | null;
  text: string;
  lang: string | null;
  brand: string;
}

export interface AnalysisRecord {
  rowId: number;
  modelVersion: string;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
  /** Near-duplicate key (hex) and its 32-bit form, used to count one voice once. */
  clusterKey: string;
  cluster: number;
  /** 32-bit key of the author (or of the mention when anonymous). */
  voice: number;
  terms: Array<{ key: string; display: string }>;
}
