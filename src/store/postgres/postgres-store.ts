import type { MentionInput, SentimentLabel, StoredMention } from '../../domain/mention.js';
import type { BrandDay, HourRange, TermCounts, ModelVersionCount, SourceHealth } from '../store.js';
import { readModelVersionCounts, readScanHealth } from './scan-health.js';
import { readBrandDays, refreshStaleBrandDays } from './brand-days.js';
import type {
  AnalysisFailure, AnalysisInput, AnalysisRecord, BrandScope, CursorKey, CursorWrite, ExportQuery,
  ExportRow, ReportQueries, ScanRunRecord, SearchQuery, SessionKey, Store, StoreStatus,
  UpsertOutcome,
} from '../store.js';
import { adaptations, type Adaptations } from '../adaptations/adaptations.js';
import { pgSaveAdaptation } from '../adaptations/postgres.js';
import {
  AnalysisWriter, countPendingAnalysis, readFailedAnalyses, readPendingAnalysis, writeAnalysisFailures,
} from './analysis-queries.js';
import { openPg, openPgReadOnly, parsePgUrl, pgSchemaVersion, type Sql } from './connect.js';
import { wallClock, type StoreClock } from '../clock.js';
import { pgCopier } from '../copier/postgres.js';
import type { Copier } from '../copier/copier.js';
import { iterateExport } from './export-queries.js';
import { findMentions, readSizeBytes, searchMentions } from './mention-queries.js';
import { renewStaleStatistics } from './planner-stats.js';
import { readStatusRows } from './status-counts.js';
import { BrandIds, clean, MentionPartitions, upsertMentionBatch } from './mention-writes.js';
import { PgReportQueries } from './report-queries.js';
import { readPhasedTerms } from './phased-terms.js';
import { PgRunLock } from '../run-lock/postgres.js';
import type { RunLock } from '../run-lock/run-lock.js';
import { alertLog, type AlertLog } from '../alert-log/alert-log.js';
import { pgMentionAlertsSent } from '../alert-log/postgres.js';
import { pgDialect } from '../dialect/postgres.js';
import { refreshStaleDays } from './term-rollup.js';
import { FAILURES_SHOWN } from '../status-rows.js';
import { readInbox, readSuggestions } from './intent-queries.js';
import { labels, type Labels } from '../labels/labels.js';
import { pgClearHumanLabel } from '../labels/postgres.js';
import type { HumanLabel, SearchResult, InboxQuery, InboxRow, IntentLabelKind, LabelKind, LabelQuery, SuggestionQuery, SuggestionSet } from '../store.js';
import { brandKey } from '../../domain/brand-key.js';

/** Opens (creating and migrating if needed, unless read-only) the PostgreSQL store a postgres:// URL names. */
export async function openPostgresStore(url: string, options: { readOnly?: boolean; clock?: StoreClock } = {}): Promise<PostgresStore> {
  const target = parsePgUrl(url);
  return new PostgresStore(target.location, await (options.readOnly ? openPgReadOnly(target) : openPg(target)), options.clock);
}

/** The roles this class takes from their folders (the alert log, the run lock, adaptations, the copier, labels) rather than forwarding to them. */
export interface PostgresStore extends AlertLog, RunLock, Adaptations, Copier, Labels {}

export class PostgresStore implements Store {
  readonly backend = 'postgres' as const;
  private readonly brands: BrandIds;
  private readonly partitions: MentionPartitions;
  private readonly analyses: AnalysisWriter;
  private readonly runLock: PgRunLock;
  /** Analyses this store saved since it last renewed the planner statistics (planner-stats.ts). */
  private analysedSinceStatistics = 0;
  readonly dailyTotals: ReportQueries['dailyTotals'];
  readonly unscoredTotals: NonNullable<ReportQueries['unscoredTotals']>;
  readonly windowTerms: ReportQueries['windowTerms'];
  readonly baselineTerms: ReportQueries['baselineTerms'];
  readonly termPairs: ReportQueries['termPairs'];
  readonly termGroupStats: ReportQueries['termGroupStats'];
  readonly termGroupVoices: ReportQueries['termGroupVoices'];
  readonly termSamples: ReportQueries['termSamples'];

  /** `location` is the URL with its password masked; use openPostgresStore to open one. */
  constructor(readonly location: string, readonly sql: Sql, private readonly clock: StoreClock = wallClock) {
    this.brands = new BrandIds(sql);
    this.partitions = new MentionPartitions(sql);
    this.analyses = new AnalysisWriter(sql, clock);
    this.runLock = new PgRunLock(sql);
    const lock = this.runLock;
    this.acquireRunLock = lock.acquireRunLock.bind(lock);
    this.heartbeatRunLock = lock.heartbeatRunLock.bind(lock);
    this.releaseRunLock = lock.releaseRunLock.bind(lock);
    const dialect = pgDialect(sql);
    Object.assign(this, alertLog(dialect, pgMentionAlertsSent(sql)), adaptations(dialect, pgSaveAdaptation(sql)),
      pgCopier(sql, this.partitions, () => {
        this.brands.clear();
        this.analyses.clear();
      }), labels(dialect, pgClearHumanLabel(sql)));
    const reports = new PgReportQueries(sql);
    this.dailyTotals = reports.dailyTotals.bind(reports);
    this.unscoredTotals = reports.unscoredTotals.bind(reports);
    this.windowTerms = reports.windowTerms.bind(reports);
    this.baselineTerms = reports.baselineTerms.bind(reports);
    this.termPairs = reports.termPairs.bind(reports);
    this.termGroupStats = reports.termGroupStats.bind(reports);
    this.termGroupVoices = reports.termGroupVoices.bind(reports);
    this.termSamples = reports.termSamples.bind(reports);
  }

  async close(): Promise<void> {
    this.runLock.close();
    await this.sql.end({ timeout: 5 });
  }

  async upsertMentions(mentions: MentionInput[], cursor?: CursorWrite): Promise<UpsertOutcome> {
    return upsertMentionBatch(this.sql, this.brands, this.partitions, mentions, cursor, this.clock());
  }

  async getCursor(key: CursorKey): Promise<string | null> {
    const [row] = await this.sql`
      SELECT c.value FROM scan_cursors c JOIN brands b ON b.id = c.brand_id
      WHERE c.source = ${key.source} AND b.name_key = ${brandKey(key.brand)} AND c.stream = ${key.stream}`;
    return (row?.value as string | undefined) ?? null;
  }

  async recordScanRun(run: ScanRunRecord): Promise<void> {
    await this.sql`
      INSERT INTO scan_runs (source, brand_id, started_at, finished_at, posts_read, inserted, updated, status, message, budget_hit, kind, http_status)
      VALUES (${run.source}, ${await this.brands.get(run.brand)}, ${run.startedAt}::timestamptz, ${run.finishedAt}::timestamptz,
        ${run.postsRead}, ${run.inserted}, ${run.updated}, ${run.status}, ${clean(run.message ?? null)}, ${run.budgetHit ? 1 : 0},
        ${run.kind ?? null}, ${run.httpStatus ?? null})`;
  }

  async scanHealth(brand?: string): Promise<SourceHealth[]> {
    return readScanHealth(this.sql, brand);
  }

  async phasedTerms(range: HourRange, query: { termIds?: number[]; minVoices: number; limit: number }): Promise<TermCounts[]> {
    return readPhasedTerms(this.sql, range, query);
  }

  async modelVersionCounts(range: HourRange): Promise<ModelVersionCount[]> {
    return readModelVersionCounts(this.sql, range);
  }

  async getSourceSession(key: SessionKey): Promise<string | null> {
    const [row] = await this.sql`SELECT value FROM source_sessions WHERE source = ${key.source} AND account = ${key.account}`;
    return (row?.value as string | undefined) ?? null;
  }

  async saveSourceSession(key: SessionKey, value: string | null): Promise<void> {
    if (value === null) {
      await this.sql`DELETE FROM source_sessions WHERE source = ${key.source} AND account = ${key.account}`;
      return;
    }
    await this.sql`INSERT INTO source_sessions (source, account, value, updated_at) VALUES (${key.source}, ${key.account}, ${value}, now())
      ON CONFLICT (source, account) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`;
  }

  async storedBrands(): Promise<string[]> {
    const rows = await this.sql<Array<{ name: string }>>`SELECT b.name FROM brands b
      WHERE EXISTS (SELECT 1 FROM mention_brands l WHERE l.brand_id = b.id) ORDER BY b.name_key COLLATE "C"`;
    return rows.map((r) => r.name);
  }

  async status(): Promise<StoreStatus> {
    const rows = await readStatusRows(this.sql);
    return {
      rows,
      // each stored once, however many brands it counts for
      totalMentions: Number((await this.sql`SELECT COUNT(*) AS n FROM mention_keys`)[0]!.n),
      failedAnalyses: await readFailedAnalyses(this.sql, FAILURES_SHOWN),
      sizeBytes: await readSizeBytes(this.sql),
      schemaVersion: await pgSchemaVersion(this.sql),
      languages: (await this.sql`SELECT COALESCE(lang, 'und') AS lang, COUNT(*)::int AS analyzed,
          COUNT(*) FILTER (WHERE scored = 'sentiment')::int AS "sentimentOnly", COUNT(*) FILTER (WHERE scored = 'none')::int AS unscored
        FROM analyses GROUP BY 1 ORDER BY analyzed DESC, lang`).map((r) => ({ lang: r.lang as string, analyzed: r.analyzed as number,
        sentimentOnly: r.sentimentOnly as number, unscored: r.unscored as number })),
    };
  }

  async searchMentions(query: SearchQuery): Promise<SearchResult[]> {
    return [...await searchMentions(this.sql, query)];
  }

  async findMention(ref: string): Promise<StoredMention[]> {
    return [...await findMentions(this.sql, ref)];
  }

  async pendingAnalysis(modelVersion: string, afterRowId: number, limit: number, scope?: BrandScope): Promise<AnalysisInput[]> {
    return [...await readPendingAnalysis(this.sql, modelVersion, afterRowId, limit, scope)];
  }

  async brandDays(range: HourRange): Promise<BrandDay[]> {
    return readBrandDays(this.sql, range);
  }

  async refreshReportRollups(before: Date): Promise<number> {
    const beforeDay = Math.floor(before.getTime() / 86_400_000);
    // the rollups' own queries, and the reports after them, need statistics that know the rows just written
    if (await renewStaleStatistics(this.sql, this.analysedSinceStatistics)) this.analysedSinceStatistics = 0;
    const refreshed = await refreshStaleDays(this.sql, beforeDay);
    // compare's per-brand days too, so a read command finds them current
    await refreshStaleBrandDays(this.sql, beforeDay);
    return refreshed;
  }

  async countPendingAnalysis(modelVersion: string, scope?: BrandScope): Promise<number> {
    return countPendingAnalysis(this.sql, modelVersion, scope);
  }

  async saveAnalyses(results: AnalysisRecord[]): Promise<void> {
    await this.analyses.save(results);
    this.analysedSinceStatistics += results.length;
  }

  async saveAnalysisFailures(failures: AnalysisFailure[]): Promise<void> {
    await writeAnalysisFailures(this.sql, failures);
  }

  async inboxMentions(query: InboxQuery): Promise<InboxRow[]> {
    return readInbox(this.sql, query);
  }

  async suggestionMentions(query: SuggestionQuery): Promise<SuggestionSet> {
    return readSuggestions(this.sql, query);
  }

  exportMentions(query: ExportQuery): AsyncIterable<ExportRow> {
    return iterateExport(this.sql, query);
  }

}
