import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { MentionInput, SentimentLabel, StoredMention } from '../../domain/mention.js';
import type {
  AnalysisFailure, AnalysisInput, AnalysisRecord, BrandScope, CursorKey, ReportQueries,
  CursorWrite, ScanRunRecord, SearchQuery, SessionKey, Store, StoreStatus, UpsertOutcome,
} from '../store.js';
import type { BrandDay, HourRange, TermCounts, LanguageCount, ModelVersionCount, SourceHealth } from '../store.js';
import { readModelVersionCounts, readScanHealth } from './scan-health.js';
import type { ExportQuery, ExportRow } from '../store.js';
import {
  countPendingAnalysis, prepareAnalysisWrites, readFailedAnalyses, forgetStaleFacts, readPendingAnalysis, rememberStoredFacts, writeAnalysisFailures,
} from './analysis-queries.js';
import { adaptations, type Adaptations } from '../adaptations/adaptations.js';
import { sqliteSaveAdaptation } from '../adaptations/sqlite.js';
import { linkedBrands } from '../linked-brands.js';
import { findMentions, prepareMentionWrites, prepareTextIndexBatch, searchMentions } from './mention-queries.js';
import { prepareReachWrites } from './reach-queries.js';
import { readStatusRows } from './status-counts.js';
import { iterateExport } from './export-queries.js';
import { openDatabase, schemaVersion, type Db } from './open.js';
import { wallClock, type StoreClock } from '../clock.js';
import { sqliteRunLock } from '../run-lock/sqlite.js';
import type { RunLock } from '../run-lock/run-lock.js';
import { alertLog, type AlertLog } from '../alert-log/alert-log.js';
import { sqliteMentionAlertsSent } from '../alert-log/sqlite.js';
import { sqliteDialect } from '../dialect/sqlite.js';
import { SqliteReportQueries } from './report-queries.js';
import { readPhasedTerms } from './phased-terms.js';
import { readBrandDays, refreshStaleBrandDays } from './brand-days.js';
import { refreshStaleDays } from './term-rollup.js';
import { FAILURES_SHOWN } from '../status-rows.js';
import { sqliteCopier } from '../copier/sqlite.js';
import type { Copier } from '../copier/copier.js';
import { FreshMentions } from './fresh-mentions.js';
import { readInbox, readSuggestions } from './intent-queries.js';
import { labels, type Labels } from '../labels/labels.js';
import { sqliteClearHumanLabel } from '../labels/sqlite.js';
import type { HumanLabel, SearchResult, InboxQuery, InboxRow, IntentLabelKind, LabelKind, LabelQuery, SuggestionQuery, SuggestionSet } from '../store.js';
import { brandKey } from '../../domain/brand-key.js';

/** The roles this class takes from their folders (the alert log, the run lock, adaptations, the copier, labels) rather than forwarding to them. */
export interface SqliteStore extends AlertLog, RunLock, Adaptations, Copier, Labels {}

export class SqliteStore implements Store {
  readonly backend = 'sqlite' as const;
  private readonly brandIds = new Map<string, number>();
  /** Stored names by id: the case a brand was first seen with. */
  private readonly brandNames = new Map<number, string>();
  private readonly writeMention: ReturnType<typeof prepareMentionWrites>;
  private readonly writeReach: ReturnType<typeof prepareReachWrites>;
  private readonly writeAnalyses: ReturnType<typeof prepareAnalysisWrites>;
  readonly dailyTotals: ReportQueries['dailyTotals'];
  readonly unscoredTotals: NonNullable<ReportQueries['unscoredTotals']>;
  readonly windowTerms: ReportQueries['windowTerms'];
  readonly baselineTerms: ReportQueries['baselineTerms'];
  readonly termPairs: ReportQueries['termPairs'];
  readonly termGroupStats: ReportQueries['termGroupStats'];
  readonly termGroupVoices: ReportQueries['termGroupVoices'];
  readonly termSamples: ReportQueries['termSamples'];
  private readonly upsertBatch: Database.Transaction<(mentions: MentionInput[], cursor?: CursorWrite) => UpsertOutcome>;

  constructor(
    readonly location: string,
    readonly db: Db = openDatabase(location),
    private readonly clock: StoreClock = wallClock,
  ) {
    const dialect = sqliteDialect(this.db);
    Object.assign(this, alertLog(dialect, sqliteMentionAlertsSent(this.db)), sqliteRunLock(this.db), adaptations(dialect, sqliteSaveAdaptation(this.db)),
      sqliteCopier(this.db, () => this.forgetBrandIds()), labels(dialect, sqliteClearHumanLabel(this.db)));
    const reports = new SqliteReportQueries(this.db);
    this.dailyTotals = reports.dailyTotals.bind(reports);
    this.unscoredTotals = reports.unscoredTotals.bind(reports);
    this.windowTerms = reports.windowTerms.bind(reports);
    this.baselineTerms = reports.baselineTerms.bind(reports);
    this.termPairs = reports.termPairs.bind(reports);
    this.termGroupStats = reports.termGroupStats.bind(reports);
    this.termGroupVoices = reports.termGroupVoices.bind(reports);
    this.termSamples = reports.termSamples.bind(reports);
    this.writeMention = prepareMentionWrites(this.db);
    this.writeReach = prepareReachWrites(this.db);
    this.writeAnalyses = prepareAnalysisWrites(this.db, this.clock);
    const saveCursor = this.db.prepare(`
      INSERT INTO scan_cursors (source, brand_id, stream, value, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (source, brand_id, stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
    const textIndex = prepareTextIndexBatch(this.db);
    this.upsertBatch = this.db.transaction((mentions: MentionInput[], cursor?: CursorWrite) => {
      const now = this.clock().toISOString();
      const outcome = { inserted: 0, updated: 0 };
      const fresh = new FreshMentions();
      textIndex.open();
      for (const mention of mentions) {
        const brandIds = [...new Set(linkedBrands(mention).map((name) => this.brandId(name)))];
        const written = this.writeMention(mention, brandIds, now);
        this.writeReach(mention, now);
        if (written.newToBrand) outcome.inserted++;
        else outcome.updated++;
        fresh.add(mention, written.stored && { rowId: written.rowId, hour: written.stored.hour }, brandIds, (id) => this.brandNames.get(id)!);
        if (written.textChanged || written.relinked) forgetStaleFacts(this.db, written.rowId, written.textChanged);
      }
      textIndex.close();
      if (cursor) saveCursor.run(cursor.source, this.brandId(cursor.brand), cursor.stream, cursor.value, now);
      const { inputs, facts } = fresh.list();
      rememberStoredFacts(this.db, facts);
      return { ...outcome, fresh: inputs };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async upsertMentions(mentions: MentionInput[], cursor?: CursorWrite): Promise<UpsertOutcome> {
    // IMMEDIATE: these transactions read before they write; a deferred one would fail at
    // once with SQLITE_BUSY (no busy wait) when another process committed in between.
    try {
      return this.upsertBatch.immediate(mentions, cursor);
    } catch (error) {
      // brands first created in the rolled-back transaction are gone: their cached ids must go too
      this.forgetBrandIds();
      throw error;
    }
  }

  async getCursor(key: CursorKey): Promise<string | null> {
    const value = this.db.prepare(`
      SELECT c.value FROM scan_cursors c JOIN brands b ON b.id = c.brand_id
      WHERE c.source = ? AND b.name_key = ? AND c.stream = ?`).pluck().get(key.source, brandKey(key.brand), key.stream);
    return (value as string | undefined) ?? null;
  }

  async recordScanRun(run: ScanRunRecord): Promise<void> {
    this.db.prepare(`
      INSERT INTO scan_runs (source, brand_id, started_at, finished_at, posts_read, inserted, updated, status, message, budget_hit, kind, http_status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      run.source, this.brandId(run.brand), run.startedAt, run.finishedAt, run.postsRead,
      run.inserted, run.updated, run.status, run.message ?? null, run.budgetHit ? 1 : 0, run.kind ?? null, run.httpStatus ?? null,
    );
  }

  async scanHealth(brand?: string): Promise<SourceHealth[]> {
    return readScanHealth(this.db, brand);
  }

  async phasedTerms(range: HourRange, query: { termIds?: number[]; minVoices: number; limit: number }): Promise<TermCounts[]> {
    return readPhasedTerms(this.db, range, query);
  }

  async modelVersionCounts(range: HourRange): Promise<ModelVersionCount[]> {
    return readModelVersionCounts(this.db, range);
  }

  async getSourceSession(key: SessionKey): Promise<string | null> {
    const value = this.db.prepare('SELECT value FROM source_sessions WHERE source = ? AND account = ?').pluck().get(key.source, key.account);
    return (value as string | undefined) ?? null;
  }

  async saveSourceSession(key: SessionKey, value: string | null): Promise<void> {
    if (value === null) {
      this.db.prepare('DELETE FROM source_sessions WHERE source = ? AND account = ?').run(key.source, key.account);
      return;
    }
    this.db.prepare(`INSERT INTO source_sessions (source, account, value, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (source, account) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(key.source, key.account, value, new Date().toISOString());
  }

  async storedBrands(): Promise<string[]> {
    return this.db.prepare(`SELECT b.name FROM brands b
      WHERE EXISTS (SELECT 1 FROM mention_brands l WHERE l.brand_id = b.id) ORDER BY b.name_key`).pluck().all() as string[];
  }

  async status(): Promise<StoreStatus> {
    const rows = readStatusRows(this.db);
    return {
      rows,
      // each stored once, however many brands it counts for
      totalMentions: this.db.prepare('SELECT COUNT(*) FROM mentions').pluck().get() as number,
      failedAnalyses: readFailedAnalyses(this.db, FAILURES_SHOWN),
      sizeBytes: this.sizeBytes(),
      schemaVersion: schemaVersion(this.db),
      // an index scan of analyses (lang, scored): status's one full count besides COUNT(*)
      languages: this.db.prepare(`SELECT COALESCE(lang, 'und') AS lang, COUNT(*) AS analyzed,
          COALESCE(SUM(scored = 'sentiment'), 0) AS sentimentOnly, COALESCE(SUM(scored = 'none'), 0) AS unscored
        FROM analyses GROUP BY 1 ORDER BY analyzed DESC, lang`).all() as LanguageCount[],
    };
  }

  async searchMentions(query: SearchQuery): Promise<SearchResult[]> {
    return searchMentions(this.db, query);
  }

  async findMention(ref: string): Promise<StoredMention[]> {
    return findMentions(this.db, ref);
  }

  async pendingAnalysis(modelVersion: string, afterRowId: number, limit: number, scope?: BrandScope): Promise<AnalysisInput[]> {
    return readPendingAnalysis(this.db, modelVersion, afterRowId, limit, scope);
  }

  async countPendingAnalysis(modelVersion: string, scope?: BrandScope): Promise<number> {
    return countPendingAnalysis(this.db, modelVersion, scope);
  }

  async saveAnalyses(results: AnalysisRecord[]): Promise<void> {
    this.writeAnalyses.immediate(results);
  }

  async saveAnalysisFailures(failures: AnalysisFailure[]): Promise<void> {
    if (failures.length) writeAnalysisFailures(this.db, failures);
  }

  async brandDays(range: HourRange): Promise<BrandDay[]> {
    return readBrandDays(this.db, range);
  }

  async refreshReportRollups(before: Date): Promise<number> {
    const beforeDay = Math.floor(before.getTime() / 86_400_000);
    const refreshed = refreshStaleDays(this.db, beforeDay);
    // compare's per-brand days too, so a read command finds them current
    refreshStaleBrandDays(this.db, beforeDay);
    return refreshed;
  }

  async inboxMentions(query: InboxQuery): Promise<InboxRow[]> {
    return readInbox(this.db, query);
  }

  async suggestionMentions(query: SuggestionQuery): Promise<SuggestionSet> {
    return readSuggestions(this.db, query);
  }

  exportMentions(query: ExportQuery): AsyncIterable<ExportRow> {
    return iterateExport(this.db, query);
  }

  private forgetBrandIds(): void {
    this.brandIds.clear();
    this.brandNames.clear();
  }

  /** Brand ids are created on first use, one per brand key; the name keeps the spelling it was first seen with. */
  private brandId(name: string): number {
    const key = brandKey(name);
    let id = this.brandIds.get(key);
    if (id === undefined) {
      // called inside the write transaction: no other writer can add the name between the look-up and the insert
      let row = this.db.prepare('SELECT id, name FROM brands WHERE name_key = ?').get(key) as { id: number; name: string } | undefined;
      if (row === undefined) {
        this.db.prepare('INSERT INTO brands (name, name_key, created_at) VALUES (?, ?, ?)').run(name, key, new Date().toISOString());
        row = this.db.prepare('SELECT id, name FROM brands WHERE name_key = ?').get(key) as { id: number; name: string };
      }
      id = row.id;
      this.brandIds.set(key, id);
      this.brandNames.set(id, row.name);
    }
    return id;
  }

  private sizeBytes(): number {
    if (this.location === ':memory:') {
      return (this.db.pragma('page_count', { simple: true }) as number) * (this.db.pragma('page_size', { simple: true }) as number);
    }
    const size = (path: string) => { try { return statSync(path).size; } catch { return 0; } };
    return size(this.location) + size(`${this.location}-wal`);
  }
}
