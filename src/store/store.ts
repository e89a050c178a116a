import type { MentionInput, SentimentLabel, StoredMention } from '../domain/mention.js';
import type { CopyBatch, CopyProgress, CopyRow, CopyTable } from './copy-tables.js';
import type { AlertLog } from './alert-log/alert-log.js';
import type { RunLock } from './run-lock/run-lock.js';
import type { Adaptations } from './adaptations/adaptations.js';

export type { CopyBatch, CopyProgress, CopyRow, CopyTable } from './copy-tables.js';
export type { AlertLog } from './alert-log/alert-log.js';
export type { AdaptationRecord, Adaptations, LabelledMention, ReviewRow } from './adaptations/adaptations.js';
export type { RunLock, RunLockOwner, RunLockResult } from './run-lock/run-lock.js';
export type { AlertKey, AlertSentRecord, DigestKey, DigestRecord, IssueStateRecord, MentionAlertRecord, MentionRef } from './alert-log/records.js';

/**
 * The one store interface. Everything outside src/store/ talks to this, never to SQL,
 * so a PostgreSQL backend is an addition. Methods are async although better-sqlite3
 * is synchronous, because a network backend will not be; batches keep the cost low.
 */
export interface Store extends ReportQueries, AlertLog, RunLock, Adaptations {
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
  setHumanLabel(rowId: number, label: SentimentLabel): Promise<void>;
  /**
   * A human complaint label (true: a complaint, false: not one). Like the sentiment label it
   * wins everywhere (reports, exports, filters, status) and survives re-analysis.
   */
  setComplaintLabel(rowId: number, isComplaint: boolean): Promise<void>;
  /**
   * A human safety label (true: reports harm or a risk of harm, false: does not). Like the
   * complaint label it wins everywhere (reports, exports, filters, status) and survives re-analysis.
   */
  setSafetyLabel(rowId: number, isSafety: boolean): Promise<void>;
  /**
   * A human intent label: `question` or `suggestion` (true: it is one, false: it is not),
   * or `handled` (true: answered, out of the inbox; false: back in). Wins everywhere and
   * survives re-analysis, as the other labels do.
   */
  setIntentLabel(rowId: number, kind: IntentLabelKind, value: boolean): Promise<void>;
  /** Human labels, newest first (`earshot labels`). */
  humanLabels(query: LabelQuery): Promise<HumanLabel[]>;
  /**
   * Removes a mention's human label of one kind; true if it had one. The mention's analysis
   * turns stale, so the next analysis step restores the model's value.
   */
  clearHumanLabel(rowId: number, kind: LabelKind): Promise<boolean>;
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

  /** Bulk copy (earshot migrate-store): rows of one table in key order after `afterKey`. */
  readCopyBatch(table: CopyTable, afterKey: number, limit: number): Promise<CopyBatch>;
  /** Writes copied rows keeping their ids, in one transaction; rows already there are left alone. */
  writeCopyBatch(table: CopyTable, rows: CopyRow[]): Promise<void>;
  /** How many rows a table holds (only keys up to `upToKey`, when given) and its largest key. */
  copyProgress(table: CopyTable, upToKey?: number): Promise<CopyProgress>;
  /**
   * Ids of mentions whose date PostgreSQL cannot hold (year 0000 or before, past 9999,
   * or not a date), which older versions let into SQLite: a copy into PostgreSQL skips
   * them and says so. Always empty on PostgreSQL.
   */
  mentionsPostgresCannotHold(): Promise<number[]>;
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


export interface AnalysisInput {
  rowId: number;
  id: string;
  source: string;
  author: string | null;
  text: string;
  lang: string | null;
  /** Every brand the mention is linked to; the first is the one that stored it. */
  brands: string[];
  /**
   * A digest of the text as stored, where the store gives one (PostgreSQL: md5). It comes
   * back on the result, and the result is saved only if the stored text still has it: a
   * mention edited while its analysis was in flight (by this process or another) stays
   * pending instead of keeping the old text's scores.
   */
  textHash?: string;
}

export interface AnalysisRecord {
  rowId: number;
  modelVersion: string;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
  /** P(complaint) from the complaint model, 0–1 (3 decimals). */
  complaintScore: number;
  /** The model's yes/no at its threshold (a human complaint label, where set, wins in the store). */
  complaint: boolean;
  /** P(safety) from the safety model, 0–1 (3 decimals): harm or a risk of harm to people, animals or property. */
  safetyScore: number;
  /** The safety model's yes/no (a human safety label, where set, wins in the store). */
  safety: boolean;
  /** P(question) and P(suggestion) from the intent model (3 decimals), and its yes/no; absent: not scored (NULL stored). */
  questionScore?: number;
  question?: boolean;
  suggestionScore?: number;
  suggestion?: boolean;
  /** Near-duplicate key (hex) and its 32-bit form, used to count one voice once. */
  clusterKey: string;
  cluster: number;
  /** 32-bit key of the author (or of the mention when anonymous). */
  voice: number;
  /** Topic terms, without the (first) brand's own names. */
  terms: Array<{ key: string; display: string }>;
  /**
   * Per linked brand, its terms without that brand's own names (a post naming two brands
   * keeps the rival's name as a term of each). A brand not listed gets `terms`.
   */
  termsByBrand?: Array<{ brand: string; terms: Array<{ key: string; display: string }> }>;
  /** The input's textHash, when it had one. */
  textHash?: string;
  /** ISO 639-1 code of the post's language (the source's tag, else detected), `und` when not known. */
  lang?: string;
  /**
   * What the models could score: `all` (sentiment, complaint and safety: English, or unknown
   * and read as English, by the English models; fr, de, es, pt and it by their sentiment model
   * and cue lists, with no question or suggestion score), `sentiment` (a language with a
   * sentiment model only, ar: complaint and safety are not scored), `none`
   * (no model for the language: sentiment, complaint and safety are stored as 0 and mean nothing).
   */
  scored?: Scored;
}

export type Scored = 'all' | 'sentiment' | 'none';

export interface AnalysisFailure {
  rowId: number;
  modelVersion: string;
  /** One line: the analyser's error. */
  reason: string;
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

/**
 * A brand's time range in hours since the epoch, [fromHour, toHour). When the range's
 * exact bounds fall inside an hour, `fromIso`/`toIso` hold them: the rows of the first
 * (last) hour are then kept only from (before) that instant, read against the
 * mention's own time. Build exact ranges with `exactRange`.
 */
export interface HourRange {
  brand: string;
  fromHour: number;
  toHour: number;
  /** Exact start (ISO, inclusive) inside hour `fromHour`, when it is not on the hour. */
  fromIso?: string;
  /** Exact end (ISO, exclusive) inside hour `toHour - 1`, when it is not on the hour. */
  toIso?: string;
  /**
   * Where the days of the group queries (termGroupStats, termGroupVoices) start, in hours
   * past UTC midnight (0–23; default 0). A report sets it so that its days end where its
   * window ends, and a voice's "one per day" does not depend on the time of day it runs.
   */
  dayPhase?: number;
  /** Only mentions from this source (slower: joins the mentions table). */
  source?: string;
  /** Only mentions analysed as one of these languages (ISO 639-1, `und`; slower: joins analyses, no rollups). */
  langs?: string[];
}

const HOUR_MS = 3_600_000;

/** The range [fromMs, toMs) of a brand: whole hours plus exact partial edge hours. */
export function exactRange(brand: string, fromMs: number, toMs: number, extra: Pick<HourRange, 'source' | 'dayPhase' | 'langs'> = {}): HourRange {
  const range: HourRange = { brand, fromHour: Math.floor(fromMs / HOUR_MS), toHour: Math.ceil(toMs / HOUR_MS), ...extra };
  if (fromMs % HOUR_MS !== 0) range.fromIso = new Date(fromMs).toISOString();
  if (toMs % HOUR_MS !== 0) range.toIso = new Date(toMs).toISOString();
  return range;
}

/** The exact bounds of a range in ms since the epoch. */
export function rangeBounds(range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>): { fromMs: number; toMs: number } {
  return {
    fromMs: range.fromIso ? Date.parse(range.fromIso) : range.fromHour * HOUR_MS,
    toMs: range.toIso ? Date.parse(range.toIso) : range.toHour * HOUR_MS,
  };
}

/** Hour range [fromHour, toHour) shrunk to the hours that lie wholly inside the exact range. */
export function wholeHours(range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>): { fromHour: number; toHour: number } {
  return { fromHour: range.fromHour + (range.fromIso ? 1 : 0), toHour: range.toHour - (range.toIso ? 1 : 0) };
}

export interface DayTotals {
  /** Days since the epoch. */
  day: number;
  mentions: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag: a human label wins). */
  complaints: number;
}

export interface TermCounts {
  termId: number;
  key: string;
  display: string;
  mentions: number;
  /** min(distinct author-days, distinct near-duplicate-cluster-days): one voice counts once a day. */
  voices: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag). */
  complaints: number;
}

export interface TermPair {
  a: number;
  b: number;
  mentions: number;
}

export interface TermGroupStats {
  mentions: number;
  authors: number;
  voices: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag). */
  complaints: number;
  /** Mentions that report harm or a risk of it (effective flag: a human label wins). */
  safety: number;
  /** Distinct voices among the safety mentions: min(distinct authors, distinct copy clusters) over the whole range (not per day). */
  safetyVoices: number;
  /**
   * Sum over the group's mentions of the effective complaint probability: a human label
   * counts 1 or 0, else the model's complaint_score, else its yes/no (analyses before a
   * complaint model). 3 decimals.
   */
  complaintEvidence: number;
  /** The same sum for safety: a human safety label, else safety_score, else the flag. 3 decimals. */
  safetyEvidence: number;
  engagement: number;
  firstSeen: string | null;
  /** Voices per day, for the days in the range that have any. */
  daily: Array<{ day: number; voices: number; mentions: number }>;
}

export interface VoiceRow {
  day: number;
  voice: number;
  cluster: number;
}

export interface SampleQuery extends HourRange {
  termIds: number[];
  limit: number;
}

/** One brand's counts for one UTC day (of a range's days; edge days count only the range's part). */
export interface BrandDay {
  /** Days since the epoch. */
  day: number;
  /** Mentions linked to the brand. */
  mentions: number;
  analysed: number;
  /** Distinct authors and distinct near-duplicate clusters that day (analysed mentions). */
  authors: number;
  clusters: number;
  negative: number;
  positive: number;
  /** Complaints among the analysed mentions (effective flag). */
  complaints: number;
  /** Likes + replies + reposts + positive score. */
  engagement: number;
}

/** Aggregates behind `earshot report`; each is one indexed query, never a full scan. */
/** Analysed mentions of a range the models could not fully score (see AnalysisRecord.scored). */
export interface UnscoredTotals {
  /** No model for the language: no sentiment, complaint or safety. */
  unscored: number;
  /** Sentiment only: no complaint or safety. */
  sentimentOnly: number;
}

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
  termPairs(range: HourRange, termIds: number[]): Promise<TermPair[]>;
  termGroupStats(range: HourRange, termIds: number[]): Promise<TermGroupStats>;
  /** Distinct (day, author, copy-cluster) triples of a group's mentions, at most `limit`. */
  termGroupVoices(range: HourRange, termIds: number[], limit: number): Promise<VoiceRow[]>;
  /** A group's mentions in the window, safety reports first, then complaints and negative ones, then by engagement. */
  termSamples(query: SampleQuery): Promise<SampleRow[]>;
}

/**
 * A mention a report may quote: effective sentiment, complaint and safety flags, the
 * models' complaint and safety scores (null before such a model scored it).
 */
export type SampleRow = StoredMention & {
  sentiment: SentimentLabel;
  complaint: boolean;
  complaintScore: number | null;
  safety: boolean;
  safetyScore: number | null;
  engagement: number;
  voice: number;
  cluster: number;
};

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
