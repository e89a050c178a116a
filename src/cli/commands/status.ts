import { Command } from 'commander';
import { readBaseVersion } from '../../analysis/model-versions.js';
import { brandModels, type BrandModel } from '../../core/model-status.js';
import type { StoreStatus, StoreStatusRow } from '../../store/store.js';
import { printable } from '../../errors.js';
import { renderFitted } from '../../report/fit-table.js';
import { clipText, formatBytes, shortTime } from '../../report/table.js';
import { isOverdue, OVERDUE_INTERVALS } from '../../core/data-warnings.js';
import { withContext } from '../context.js';
import { scanEveryMs } from '../time.js';
import { checkBrand } from '../brands.js';
import { brandOption, chooseFormat, formatOption, wideOption } from '../options.js';

export const statusCommand = new Command('status')
  .description('show what is stored: mentions, analysed, complaints, safety reports, questions and suggestions per brand and source, last scans, database size')
  .addOption(formatOption(['table', 'json'], 'tty'))
  .addOption(brandOption('only this brand\'s rows'))
  .addOption(wideOption())
  .addHelpText('after', '\nExamples:\n  $ earshot status\n  $ earshot status --brand "Clipper Teas"\n  $ earshot status --format json | jq .totalMentions')
  .action(withContext(async (ctx, flags: { format?: string; brand?: string; wide?: boolean }) => {
    const store = await ctx.readStore();
    const brand = flags.brand === undefined ? undefined : await checkBrand(ctx, store, flags.brand);
    const all = await store.status();
    const every = scanEveryMs(ctx);
    const rows = (brand === undefined ? all.rows : all.rows.filter((r) => r.brand === brand))
      .map((r) => (every === undefined ? r : { ...r, overdue: isOverdueRow(r, ctx.now.getTime(), every) }));
    const status = { ...all, rows, ...(every === undefined ? {} : { scanEvery: ctx.settings().config.scan.every }) };
    const models = await brandModels(store, [...new Set(status.rows.map((r) => r.brand))], readBaseVersion());
    const format = chooseFormat(flags.format, { isTTY: process.stdout.isTTY });
    ctx.out.data(format === 'json' ? JSON.stringify({ database: store.location, ...status, models }, null, 2)
      : [renderStatus(status, store.location, ctx.out.color, ctx.tableWidth(flags.wide)), renderModels(models, ctx.out.color, ctx.tableWidth(flags.wide))].filter(Boolean).join('\n'));
  }));

/** In a narrow terminal the first mention, last success, suggestions, questions, last scan and safety columns go, in that order. */
const STATUS_COLUMNS = [
  { head: 'brand', shrink: true, min: 12 }, { head: 'source' }, { head: 'mentions' }, { head: 'analysed', drop: 7 }, { head: 'complaints' },
  { head: 'safety', drop: 6 }, { head: 'questions', drop: 4 }, { head: 'suggestions', drop: 3 }, { head: 'first mention', drop: 1 },
  { head: 'last mention' }, { head: 'last scan', drop: 5 }, { head: 'outcome' }, { head: 'last success', drop: 2 },
];

function renderStatus(status: StoreStatus & { rows: Array<StoreStatusRow & { overdue?: boolean }> }, location: string, color: boolean, width: number | null): string {
  const footer = `${location}: ${status.totalMentions.toLocaleString('en-US')} mentions, ${formatBytes(status.sizeBytes)}, schema v${status.schemaVersion}`;
  if (status.rows.length === 0) return `No mentions stored yet.\n${footer}`;
  const n = (x: number) => x.toLocaleString('en-US');
  const table = renderFitted(
    STATUS_COLUMNS,
    status.rows.map((r) => [r.brand, r.source, n(r.mentions), n(r.analyzed), n(r.complaints), n(r.safety), n(r.questions), n(r.suggestions), shortTime(r.firstMention), shortTime(r.lastMention),
      shortTime(r.lastScan), outcome(r), r.lastScan ? shortTime(r.lastSuccess) : '—']),
    width,
    color,
  );
  return `${table}${renderScanProblems(status.rows)}${renderOverdue(status.rows)}${renderFailures(status.failedAnalyses)}${renderLanguages(status.languages)}\n${footer}`;
}

/** The latest scan's outcome in a word or two; a source never scanned (imported data) shows a dash. */
function outcome(r: StoreStatusRow): string {
  if (r.lastOutcome === null) return '—';
  if (r.lastOutcome !== 'ok') {
    // "FAILED (blocked, 403)": the kind says what to fix; runs recorded before kinds were kept show the word alone
    const detail = [r.lastKind !== null && r.lastKind !== 'other' ? r.lastKind : '', r.lastHttpStatus !== null ? String(r.lastHttpStatus) : ''].filter(Boolean);
    return `${r.lastOutcome.toUpperCase()}${detail.length ? ` (${detail.join(', ')})` : ''}`;
  }
  if (r.budgetHit) return 'ok (budget cut)';
  return r.lastKind === 'empty' ? 'ok (empty)' : 'ok';
}

/**
 * Each source's last failure with its one-line reason: those failing now first (a failing
 * source must never look healthy), then those that have recovered since.
 */
function renderScanProblems(rows: StoreStatusRow[]): string {
  const reason = (r: StoreStatusRow) => clipText(printable(r.lastFailureReason ?? 'no reason recorded'), 160);
  const failing = rows.filter((r) => r.lastOutcome !== null && r.lastOutcome !== 'ok');
  const recovered = rows.filter((r) => r.lastOutcome === 'ok' && r.lastFailure !== null);
  const out: string[] = [];
  if (failing.length) {
    out.push(`${failing.length} source(s) failing — their mentions since the last success are missing:`,
      ...failing.map((r) => `  ${r.brand} · ${r.source}: ${r.lastOutcome} at ${shortTime(r.lastScan)}: ${reason(r)} (last success: ${r.lastSuccess ? shortTime(r.lastSuccess) : 'never'})`));
  }
  if (recovered.length) {
    out.push('Earlier scan failures, since recovered:',
      ...recovered.map((r) => `  ${r.brand} · ${r.source}: last problem at ${shortTime(r.lastFailure)}: ${reason(r)} (ok again at ${shortTime(r.lastSuccess)})`));
  }
  return out.length ? `\n${out.join('\n')}` : '';
}

/** A scanned source whose scans succeed but not lately: twice the configured schedule has passed. */
function isOverdueRow(r: StoreStatusRow, nowMs: number, everyMs: number): boolean {
  return r.lastOutcome === 'ok' && isOverdue(r.lastSuccess ? Date.parse(r.lastSuccess) : null, nowMs, everyMs);
}

function renderOverdue(rows: Array<StoreStatusRow & { overdue?: boolean }>): string {
  const overdue = rows.filter((r) => r.overdue);
  if (overdue.length === 0) return '';
  return `\n${overdue.length} source(s) overdue — no successful scan for over ${OVERDUE_INTERVALS} × scan.every (is the cron job running?):\n`
    + overdue.map((r) => `  ${r.brand} · ${r.source}: last success ${shortTime(r.lastSuccess)}`).join('\n');
}

/** Analysed mentions per language; those no model could score count as mentions and voices only. */
function renderLanguages(languages: StoreStatus['languages']): string {
  if (!languages || languages.length === 0) return '';
  const parts = languages.map((l) => {
    const notes = [l.sentimentOnly > 0 ? `${l.sentimentOnly.toLocaleString('en-US')} sentiment only` : '',
      l.unscored > 0 ? `${l.unscored.toLocaleString('en-US')} unscored` : ''].filter(Boolean);
    return `${l.lang} ${l.analyzed.toLocaleString('en-US')}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  });
  const unscored = languages.reduce((n, l) => n + l.unscored, 0);
  const note = unscored > 0 ? `\n${unscored.toLocaleString('en-US')} analysed mention(s) are in a language earshot has no model for: unscored (no sentiment, complaint or safety)` : '';
  return `\nLanguages (analysed): ${parts.join(', ')}${note}`;
}

/** Mentions the analyser could not read: skipped, kept, and tried again by the next model version. */
function renderFailures(failed: StoreStatus['failedAnalyses']): string {
  if (failed.count === 0) return '';
  const lines = failed.latest.map((f) => `  ${f.source}:${clipText(printable(f.id), 30)} (${f.brand}, ${shortTime(f.failedAt)}): ${clipText(printable(f.reason), 120)}`);
  const more = failed.count > failed.latest.length ? `\n  … and ${failed.count - failed.latest.length} more` : '';
  return `\n${failed.count.toLocaleString('en-US')} mention(s) could not be analysed (stored, skipped until the model or their text changes):\n${lines.join('\n')}${more}`;
}

/** Which model scores each brand's mentions, and how many labels an adapted one was fitted on. */
function renderModels(models: BrandModel[], color: boolean, width: number | null): string {
  if (models.length === 0) return '';
  // the model version is long and the same on most rows: it is cut first
  return renderFitted([{ head: 'brand', shrink: true, min: 12 }, { head: 'model', shrink: true, min: 16 }, { head: 'kind', shrink: true, min: 12 }, { head: 'trained on labels', shrink: true, min: 12 }],
    models.map((m) => [
      m.brand, m.model, m.kind === 'base' ? (m.stale ? 'base (adapted model stale: run earshot train)' : 'base') : m.kind === 'brand' ? 'adapted for the brand' : 'adapted for the store',
      m.kind === 'base' ? '–' : `${m.sentimentLabels} sentiment, ${m.complaintLabels} complaint`,
    ]), width, color);
}
