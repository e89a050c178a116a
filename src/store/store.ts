import type { MentionInput, SentimentLabel, StoredMention } from '../domain/mention.js';
import type { CopyBatch, CopyProgress, CopyRow, CopyTable } from './copy-tables.js';
import type { AlertLog } from './alert-log/alert-log.js';
import type { HourRange } from '../domain/time-range.js';
import type { AnalysisFailure, AnalysisInput, AnalysisRecord } from '../domain/analysis-record.js';
import type {
  BrandDay, DayTotals, SampleQuery, SampleRow, TermCounts, TermGroupStats, TermPair, UnscoredTotals, VoiceRow,
} from '../domain/report-rows.js';
import type { RunLock } from './run-lock/run-lock.js';
import type { Adaptations } from './adaptations/adaptations.js';
import type { Copier } from './copier/copier.js';
import type { Labels } from './labels/labels.js';

export type { CopyBatch, CopyProgress, CopyRow, CopyTable } from './copy-tables.js';
export type { AlertLog } from './alert-log/alert-log.js';
export type { Copier } from './copier/copier.js';
export type { Labels } from './labels/labels.js';
// domain things the store reads and writes; their home is src/domain (re-exported for older imports)
export { exactRange, rangeBounds, wholeHours, type HourRange } from '../domain/time-range.js';
export type { AnalysisFailure, AnalysisInput, AnalysisRecord, Scored } from '../domain/analysis-record.js';
export type {
  BrandDay, DayTotals, SampleQuery, SampleRow, TermCounts, TermGroupStats, TermPair, UnscoredTotals, VoiceRow,
} from '../domain/report-rows.js';
export type { AdaptationRecord, Adaptations, LabelledMention, ReviewRow } from './adaptations/adaptations.js';
export type { RunLock, RunLockOwner, RunLockResult } from './run-lock/run-lock.js';
export type { AlertKey, AlertSentRecord, DigestKey, DigestRecord, IssueStateRecord, MentionAlertRecord, MentionRef } from './alert-log/records.js';

/**
 * The one store interface. Everything outside src/store/ talks to this, never to SQL,
 * so a PostgreSQL backend is an addition. Methods are async although better-sqlite3
 * is synchronous, because a network backend will not be; batches keep the cost low.
 */
export interface Store extends ReportQueries, AlertLog, RunLock, Adaptations, Copier, Labels {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the data lives, safe to print (no password). */
  readonly location: string;
  close(): Promise<void>;

  /** Upserts one batch in one transaction; the cursor, if any, commits with it. */
  upsertMentions(mentions: MentionInput[], cursor?: CursorWrite): Promise<UpsertOutcome>;
  getCursor(key: CursorKey): Promise<string | null>;
  recordScanRun(run: ScanRunRecord): Promise<void>;
  /** Each brand × source's scan history in short (of one brand, case-insensitive, when given), by brand then source. */
  scanHealth(brand?: string): Promise<SourceHealth[]>;
  /**
   * A brand's mentions in a range by the model version that scored them (null: not analysed
   * yet), with when that version last scored one: how a report tells a re-scoring in progress.
   */
  modelVersionCounts(range: HourRange): Promise<ModelVersionCount[]>;
  /** A source's saved login for one account (opaque text the source encrypted), or null. */
  getSourceSession(key: SessionKey): Promise<string | null>;
  /** Saves a source's login for one account; null forgets it. */
  saveSourceSession(key: SessionKey, value: string | null): Promise<void>;

  status(): Promise<StoreStatus>;
  /** Names of the brands that have stored mentions, as stored (cheap: no counting). */
  storedBrands(): Promise<string[]>;
  /** One row per mention, newest first, with every brand it is linked to. */
  searchMentions(query: SearchQuery): Promise<SearchResult[]>;
  /** Finds a mention by `source:id` or a bare id (unique across sources). */
  findMention(ref: string): Promise<StoredMention[]>;

  /**
   * Mentions with no analysis from `modelVersion`, in row order after `afterRowId`; with a
   * scope, only the mentions of those brands (or of all brands but those).
   */
  pendingAnalysis(modelVersion: string, afterRowId: number, limit: number, scope?: BrandScope): Promise<AnalysisInput[]>;
  countPendingAnalysis(modelVersion: string, scope?: BrandScope): Promise<number>;
  saveAnalyses(results: AnalysisRecord[]): Promise<void>;
  /**
   * Records mentions the analyser could not read, with why: they are no longer pending
   * for that model version (one bad mention must not block the queue), are shown by
   * status, and are tried again by a new model version or when their text changes.
   */
  saveAnalysisFailures(failures: AnalysisFailure[]): Promise<void>;
  /** Mentions that likely need a reply (see InboxQuery), most recent day first. */
  inboxMentions(query: InboxQuery): Promise<InboxRow[]>;
  /** Suggestions (effective flag) of a brand in a time range, with their topic terms, and how common those terms are in all its mentions. */
  suggestionMentions(query: SuggestionQuery): Promise<SuggestionSet>;
  /**
   * Brings report aggregates up to date for whole days before `before`, so the next
   * report does not pay for them; returns how many days were refreshed. A backend
   * without such aggregates returns 0.
   */
  refreshReportRollups(before: Date): Promise<number>;
  /** Per-day counts of a brand's linked mentions over a range, from a per-brand daily rollup plus raw edges (compare). */
  brandDays(range: HourRange): Promise<BrandDay[]>;

  /** Streams mentions for export in (created_at, id) order, one row at a time. */
  exportMentions(query: ExportQuery): AsyncIterable<ExportRow>;

}

export interface CursorKey {
  source: string;
  brand: string;
  stream: string;
}

/** A source account: `account` is an opaque key the source derives (a hash, never a handle). */
export interface SessionKey {
  source: string;
  account: string;
}

export interface CursorWrite extends CursorKey {
  value: string;
}

export interface UpsertOutcome {
  /** Mentions new to their brand: stored now, or stored before and now linked to it too. */
  inserted: number;
  updated: number;
  /**
   * The newly stored mentions as the analyser reads them, in row id order, when the
   * store knows them at no cost (SQLite): an analysis following the import takes them
   * instead of reading them back. A mention that came twice in the batch is left out
   * (it is pending, and read like any other). Absent: the follower reads pending rows.
   */
  fresh?: AnalysisInput[];
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
  /** The run read its whole share of the post budget (scan.maxPosts): older posts were left unread. */
  budgetHit?: boolean;
  /** How it ended in a word (sources/errors.ts OutcomeKind: ok, empty, rate-limited, auth, blocked, network, http, parse…). */
  kind?: string;
  /** The HTTP status the failure came with, when it came with one. */
  httpStatus?: number | null;
}

/** The scan history of one brand × source: what `status` shows and the data warnings of reports read. */
export interface SourceHealth {
  brand: string;
  source: string;
  /** When the latest run finished, and how it ended: ok, stopped (rate limit, time budget) or failed. */
  lastAttempt: string;
  lastOutcome: 'ok' | 'stopped' | 'failed';
  /** Posts the latest run read, and whether the post budget cut it short. */
  lastPostsRead: number;
  lastBudgetHit: boolean;
  /** When the latest run that ended ok finished (null: none ever did). */
  lastSuccess: string | null;
  /** When the latest run that stopped or failed finished, and its message (null: none did). */
  lastFailure: string | null;
  lastFailureReason: string | null;
  /** The latest run's outcome in a word and its HTTP status (null on runs recorded before these were kept). */
  lastKind: string | null;
  lastHttpStatus: number | null;
}

export interface ModelVersionCount {
  /** null: mentions no model scored yet. */
  modelVersion: string | null;
  mentions: number;
  /** When this version last scored a mention of the range (null for unanalysed). */
  lastAnalysedAt: string | null;
}

export interface StoreStatusRow {
  brand: string;
  source: string;
  mentions: number;
  firstMention: string | null;
  lastMention: string | null;
  /** When the latest scan of this brand × source finished (null: never scanned, e.g. imported). */
  lastScan: string | null;
  /** How the latest scan ended: ok, stopped (rate limit, time budget) or failed; null when never scanned. */
  lastOutcome: SourceHealth['lastOutcome'] | null;
  /** The latest scan that ended ok, and the latest that stopped or failed with its message (first line). */
  lastSuccess: string | null;
  lastFailure: string | null;
  lastFailureReason: string | null;
  /** The latest scan read its whole share of scan.maxPosts: older posts were left unread. */
  budgetHit: boolean;
  /** The latest scan's outcome in a word (ok, empty, rate-limited, auth, blocked, network, http, parse…) and its HTTP status. */
  lastKind: string | null;
  lastHttpStatus: number | null;
  analyzed: number;
  /** Mentions that are complaints (a human complaint label wins over the model's yes/no). */
  complaints: number;
  /** Mentions that report harm or a risk of it (a human safety label wins over the model's yes/no). */
  safety: number;
  /** Mentions that ask something (a human question label wins). */
  questions: number;
  /** Mentions that propose a change (a human suggestion label wins). */
  suggestions: number;
}

export interface StoreStatus {
  rows: StoreStatusRow[];
  totalMentions: number;
  /** Mentions the analyser could not read: how many, and the latest few. */
  failedAnalyses: { count: number; latest: FailedAnalysis[] };
  sizeBytes: number;
  schemaVersion: number;
  /** Analysed mentions per language (most first), and how many the models could not score. */
  languages?: LanguageCount[];
}

/** Analysed mentions in one language: `scored` all heads, sentiment only, or `unscored` (no model). */
export interface LanguageCount {
  lang: string;
  analyzed: number;
  sentimentOnly: number;
  unscored: number;
}

/** A search hit: the mention (`brand` is the one that stored it), all its brands and its effective labels. */
export interface SearchResult extends StoredMention {
  brands: string[];
  /** The effective sentiment (a human label wins), null until analysed. */
  sentiment: SentimentLabel | null;
  /** The effective complaint flag (a human label wins), null until a complaint model scored it. */
  complaint: boolean | null;
}

export interface SearchQuery {
  /** FTS5 query syntax on SQLite; plain words work everywhere. */
  text: string;
  brand?: string;
  since?: string;
  until?: string;
  /** Only complaints (true) or only mentions that are not (false); effective flags, unanalysed mentions left out. */
  complaint?: boolean;
  /** Only safety reports (true) or only mentions that are not (false); effective flags, mentions no safety model scored nor a person labelled left out. */
  safety?: boolean;
  /** Only mentions analysed as one of these languages (ISO 639-1 codes, `und`). */
  langs?: string[];
  /** Only questions or only suggestions (effective flags). */
  intent?: IntentKind;
  limit: number;
}

/**
 * Which mentions a model applies to, by the brands each is linked to (case-insensitive):
 * those linked to one of `brands`, or those linked to none of `exceptBrands`.
 */
export interface BrandScope {
  brands?: string[];
  exceptBrands?: string[];
  /**
   * Other brands with models of their own: a mention linked to one of `brands` and to a
   * rival as well goes to whichever comes first in its link order (the brand that stored
   * it, then by name), so one mention is never claimed by two models.
   */
  rivals?: string[];
}

/** The kinds of human label, one table (or intent column) each. */
export const LABEL_KINDS = ['sentiment', 'complaint', 'safety', 'question', 'suggestion', 'handled'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface LabelQuery {
  brand?: string;
  kind?: LabelKind;
  limit: number;
}

/** One human label: which mention (its first brand), which kind, the label as `earshot label` takes it, when. */
export interface HumanLabel {
  id: string;
  source: string;
  brand: string;
  kind: LabelKind;
  label: string;
  labeledAt: string;
  text: string;
}






/** A mention whose analysis failed, as status lists it. */
export interface FailedAnalysis {
  id: string;
  source: string;
  brand: string;
  modelVersion: string;
  reason: string;
  failedAt: string;
}












/** Aggregates behind `earshot report`; each is one indexed query, never a full scan. */

export interface ReportQueries {
  /**
   * How many of a range's analysed mentions were not fully scored. Reads only such
   * mentions (a partial index), so a store of English posts pays nothing. Optional: a
   * store without it reports every mention as scored.
   */
  unscoredTotals?(range: HourRange): Promise<UnscoredTotals>;
  dailyTotals(range: HourRange): Promise<DayTotals[]>;
  windowTerms(range: HourRange, minVoices: number, limit: number): Promise<TermCounts[]>;
  /**
   * The chosen terms' counts over a range. The ids may still be coming (the window's
   * candidates being read): a store may start reading the range meanwhile.
   */
  baselineTerms(range: HourRange, termIds: number[] | Promise<number[]>): Promise<TermCounts[]>;
  /** Co-occurrence of the chosen terms, each pair once (a < b), and a = b rows with each term's own counts. */
  termPairs(range: HourRange, termIds: number[]): Promise<TermPair[]>;
  /**
   * Per-term counts over the range's raw rows with voices counted in days that start at
   * its `dayPhase` (windowTerms and baselineTerms count UTC days, from the daily rollup):
   * the chosen terms, or without ids every term with at least `minVoices` voices, most
   * voices first. Optional: a report without it screens in UTC days.
   */
  phasedTerms?(range: HourRange, query: { termIds?: number[]; minVoices: number; limit: number }): Promise<TermCounts[]>;
  termGroupStats(range: HourRange, termIds: number[]): Promise<TermGroupStats>;
  /** Distinct (day, author, copy-cluster) triples of a group's mentions, at most `limit`. */
  termGroupVoices(range: HourRange, termIds: number[], limit: number): Promise<VoiceRow[]>;
  /** A group's mentions in the window, safety reports first, then complaints and negative ones, then by engagement. */
  termSamples(query: SampleQuery): Promise<SampleRow[]>;
}


export interface ExportQuery {
  brand?: string;
  source?: string;
  since?: string;
  until?: string;
  /** Effective labels (a human label wins over the model's). */
  sentiments?: SentimentLabel[];
  /** Only complaints (true) or only mentions that are not (false); effective flags (a human label wins). */
  complaint?: boolean;
  /** Only safety reports (true) or only mentions that are not (false); effective flags (a human label wins). */
  safety?: boolean;
  /** Only questions or only suggestions (effective flags: a human label wins). */
  intent?: IntentKind;
  /** Leave out mentions labelled `handled` (answered): a per-mention alert never posts them. */
  unhandled?: boolean;
  /** FTS5 query syntax on SQLite; falls back to literal words. */
  search?: string;
  /** Only mentions carrying any of these terms, given as keys or display forms (an issue's terms). */
  terms?: string[];
  /** Only mentions analysed as one of these languages (ISO 639-1 codes, `und`). */
  langs?: string[];
  limit?: number;
}

/** One exported mention; `sentiment` is the model score, `sentimentLabel` the effective label. */
export interface ExportRow {
  id: string;
  source: string;
  brand: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  sentiment: number | null;
  sentimentLabel: SentimentLabel | null;
  /** The complaint model's score (0–1, 3 decimals); null when not analysed. */
  complaint: number | null;
  /** The effective complaint flag (a human label wins); null when neither the model nor a human has said. */
  isComplaint: boolean | null;
  /** The safety model's score (0–1, 3 decimals); null until a safety model scored the mention. */
  safety: number | null;
  /** The effective safety flag (a human label wins); null when neither a safety model nor a human has said. */
  isSafety: boolean | null;
  /** The intent model's scores (0–1, 3 decimals) and the effective flags; null until scored or labelled. */
  question: number | null;
  isQuestion: boolean | null;
  suggestion: number | null;
  isSuggestion: boolean | null;
  /** Display forms of the mention's terms, joined with "; ". */
  topics: string;
  likes: number | null;
  replies: number | null;
  reposts: number | null;
  score: number | null;
  /** The language the analyser read the post as (ISO 639-1, `und`); null when not analysed. */
  lang?: string | null;
}

export type IntentKind = 'question' | 'suggestion';
export type IntentLabelKind = IntentKind | 'handled';

/**
 * The inbox: mentions created in [since, until) that are questions, complaints or safety
 * reports (effective flags), leaving out those labelled handled and those whose only reasons
 * were labelled away (not-question, not-complaint, not-safety).
 */
export interface InboxQuery {
  brand?: string;
  source?: string;
  since?: string;
  until?: string;
  /** Only mentions that are any of these (default all three): `['question']` lists the questions, complaints or not. */
  reasons?: InboxReasonKind[];
  limit: number;
}

export type InboxReasonKind = 'safety' | 'complaint' | 'question';

export interface InboxRow {
  id: string;
  source: string;
  brand: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  safety: boolean;
  complaint: boolean;
  question: boolean;
  engagement: number;
}

export interface SuggestionQuery {
  brand?: string;
  since?: string;
  until?: string;
}

export interface SuggestionSet {
  rows: SuggestionRow[];
  /** All the brand's mentions in the range, and per term of the rows, how many of them carry it. */
  mentions: number;
  termMentions: Record<string, number>;
}

export interface SuggestionRow {
  id: string;
  source: string;
  brand: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  /** One author is one voice (analyses.voice). */
  voice: number;
  engagement: number;
  /** The mention's topic terms for this brand: key and display form. */
  terms: Array<{ key: string; display: string }>;
}
