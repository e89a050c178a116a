import type { DataWarning } from '../domain/warnings.js';
import { spanText } from '../report/when.js';
import { type ModelVersionCount, type SourceHealth, type Store } from '../store/store.js';
import { exactRange } from '../domain/time-range.js';

export interface WarningScope {
  brand: string;
  /** The period the answer measures, [fromMs, toMs). */
  fromMs: number;
  toMs: number;
  /** The earlier period it is measured against (a report's baseline), when there is one. */
  baselineFromMs?: number;
  /** Only this source (report --source). */
  source?: string;
  /** Analysed mentions in the period: 0 means there is nothing to judge by. */
  mentions: number;
  /** How often scans are scheduled (config `scan.every`), when known: sources quiet for twice that are overdue. */
  scanEveryMs?: number;
}

/** A scheduled source is overdue when its last success is older than this many schedule intervals. */
export const OVERDUE_INTERVALS = 2;

/** Whether a source last successful at `lastSuccessMs` is overdue at `atMs` on a schedule of `everyMs`. */
export function isOverdue(lastSuccessMs: number | null, atMs: number, everyMs: number | undefined): boolean {
  return everyMs !== undefined && lastSuccessMs !== null && atMs - lastSuccessMs > OVERDUE_INTERVALS * everyMs;
}

/**
 * What makes an answer about one brand over a period incomplete: no data, sources whose
 * scans failed, went stale, came back empty or stopped at the post budget, and mentions
 * scored by different model versions or not at all. Read from the scan history and one
 * grouped count, so it costs a report a few small queries.
 */
export async function dataWarnings(store: Store, scope: WarningScope): Promise<DataWarning[]> {
  const { brand } = scope;
  const warnings: DataWarning[] = [];
  if (scope.mentions === 0) {
    warnings.push({ kind: 'no-data', brand, message: `${brand}: no analysed mentions${scope.source ? ` from ${scope.source}` : ''} from ${when(scope.fromMs)} to ${when(scope.toMs)}: no data, not an all-clear` });
  }
  const health = (await store.scanHealth(brand)).filter((h) => !scope.source || h.source === scope.source);
  for (const h of health) warnings.push(...await sourceWarnings(store, scope, h));
  const start = scope.baselineFromMs ?? scope.fromMs;
  warnings.push(...modelWarnings(brand, await store.modelVersionCounts(exactRange(brand, start, scope.toMs))));
  return warnings;
}

async function sourceWarnings(store: Store, scope: WarningScope, h: SourceHealth): Promise<DataWarning[]> {
  const { brand } = scope;
  const base = { brand, source: h.source };
  const lastSuccessMs = h.lastSuccess ? Date.parse(h.lastSuccess) : null;
  // a success at or after the period's end covered it, whatever happened since
  if (h.lastOutcome !== 'ok' && (lastSuccessMs === null || lastSuccessMs < scope.toMs)) {
    const since = h.lastSuccess ? `no successful scan since ${when(lastSuccessMs!)}` : 'it has never scanned successfully';
    return [{ ...base, kind: 'source-failed', message: `${brand} · ${h.source}: the latest scan ${h.lastOutcome} at ${when(Date.parse(h.lastAttempt))} (${oneLine(h.lastFailureReason)}); ${since}: its mentions are missing` }];
  }
  const out: DataWarning[] = [];
  if (lastSuccessMs !== null && lastSuccessMs < scope.fromMs) {
    out.push({ ...base, kind: 'source-stale', message: `${brand} · ${h.source}: not scanned since ${when(lastSuccessMs)}, before the period began: its mentions are missing` });
  } else if (isOverdue(lastSuccessMs, scope.toMs, scope.scanEveryMs)) {
    out.push({ ...base, kind: 'source-overdue', message: `${brand} · ${h.source}: no successful scan since ${when(lastSuccessMs!)}, though scans are scheduled every ${spanText(scope.scanEveryMs! / 3_600_000)}: its mentions since then are missing` });
  } else if (h.lastBudgetHit) {
    out.push({ ...base, kind: 'budget', message: `${brand} · ${h.source}: backlog not fully read — the latest scan stopped at its post budget (scan.maxPosts) after ${h.lastPostsRead.toLocaleString('en-US')} posts` });
  }
  if (out.length === 0 && scope.baselineFromMs !== undefined && await isEmptyNow(store, scope, h.source)) {
    out.push({ ...base, kind: 'source-empty', message: `${brand} · ${h.source}: no mentions in the window though it had some in the baseline` });
  }
  return out;
}

/** The source has no analysed mentions in the window but had some in the baseline. */
async function isEmptyNow(store: Store, scope: WarningScope, source: string): Promise<boolean> {
  const count = async (fromMs: number, toMs: number) => (await store.dailyTotals(exactRange(scope.brand, fromMs, toMs, { source })))
    .reduce((n, d) => n + d.mentions, 0);
  return await count(scope.fromMs, scope.toMs) === 0 && await count(scope.baselineFromMs!, scope.fromMs) > 0;
}

/**
 * Mentions scored by a version other than the newest (the one that scored most recently:
 * while `analyze` re-scores after `train` or a model upgrade, the rest still wait), and
 * mentions not analysed at all.
 */
export function modelWarnings(brand: string, counts: ModelVersionCount[]): DataWarning[] {
  const total = counts.reduce((n, c) => n + c.mentions, 0);
  const scored = counts.filter((c) => c.modelVersion !== null);
  const out: DataWarning[] = [];
  if (scored.length > 1) {
    const newest = [...scored].sort((a, b) => (b.lastAnalysedAt ?? '').localeCompare(a.lastAnalysedAt ?? '') || b.mentions - a.mentions)[0]!;
    const older = scored.filter((c) => c !== newest).reduce((n, c) => n + c.mentions, 0);
    out.push({ kind: 'mixed-models', brand, message: `${brand}: ${fmt(older)} of ${fmt(total)} mentions (${share(older, total)}) are still scored by a previous model, not ${newest.modelVersion}: figures mix two models; run earshot analyze` });
  }
  const pending = counts.find((c) => c.modelVersion === null)?.mentions ?? 0;
  if (pending > 0) {
    out.push({ kind: 'unanalysed', brand, message: `${brand}: ${fmt(pending)} of ${fmt(total)} mentions (${share(pending, total)}) are not analysed yet and are left out; run earshot analyze` });
  }
  return out;
}

function when(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function oneLine(reason: string | null): string {
  const line = (reason ?? 'no reason recorded').split(/\r?\n/, 1)[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function share(part: number, total: number): string {
  return `${Math.round((part / Math.max(total, 1)) * 100)}%`;
}
