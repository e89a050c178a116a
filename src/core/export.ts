import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { Report } from '../domain/report.js';
import { UsageError, UserError } from '../errors.js';
import { csvRenderer } from '../report/csv.js';
import { EXPORT_COLUMNS, isExportColumn, type ExportColumn, type ExportRenderer } from '../report/export-columns.js';
import { jsonlRenderer } from '../report/jsonl.js';
import { shellCommand } from '../report/shell-quote.js';
import { writeXlsx } from '../report/xlsx.js';
import type { ExportQuery, ExportRow, Store } from '../store/store.js';

const BATCH_ROWS = 256;

export const EXPORT_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  columns?: readonly ExportColumn[];
  /** CSV only: a UTF-8 BOM so Excel does not guess the encoding. */
  excel?: boolean;
  /** False for stdout, which must stay open. */
  endOutput?: boolean;
}

/** `id,text,topics` → checked column names in the order given. */
export function parseColumns(list: string): ExportColumn[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !isExportColumn(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown column ${unknown.map((n) => `"${n}"`).join(', ')}`, `columns are: ${EXPORT_COLUMNS.join(', ')}`);
  }
  if (names.length === 0) throw new UsageError('--columns names no column', `columns are: ${EXPORT_COLUMNS.join(', ')}`);
  return names as ExportColumn[];
}

/**
 * Streams matching mentions to `output` with backpressure: the store yields one row at
 * a time and the pipeline waits for the output to drain, so memory stays flat however
 * many rows match. Returns the number of rows written.
 */
export async function exportMentions(store: Store, query: ExportQuery, output: Writable, options: ExportOptions): Promise<number> {
  const columns = options.columns ?? EXPORT_COLUMNS;
  if (options.format === 'xlsx') {
    const count = await writeXlsx(store.exportMentions(query), columns, output);
    // the writer ends the output; a file is complete only once it is flushed
    if (options.endOutput ?? true) await finished(output);
    return count;
  }
  const renderer: ExportRenderer = options.format === 'csv' ? csvRenderer(columns, { excel: options.excel }) : jsonlRenderer(columns);
  let count = 0;
  // rows are rendered in batches: one stream write (or one CSV call) per row would cost more than the row
  async function* chunks(rows: AsyncIterable<ExportRow>) {
    if (renderer.header) yield renderer.header;
    let batch: ExportRow[] = [];
    for await (const row of rows) {
      count++;
      batch.push(row);
      if (batch.length >= BATCH_ROWS) {
        yield renderer.render(batch);
        batch = [];
      }
    }
    if (batch.length) yield renderer.render(batch);
  }
  await pipeline(Readable.from(chunks(store.exportMentions(query)), { objectMode: false }), output, { end: options.endOutput ?? true });
  return count;
}

/**
 * The mentions behind issue `rank` of a report: those carrying any of its terms within
 * the report's exact window (and source), the same set its `mentions` figure counts.
 */
export function issueQuery(report: Report, rank: number): ExportQuery {
  const issue = report.issues.find((i) => i.rank === rank) ?? report.issues[rank - 1];
  if (!issue) {
    const count = report.issues.length;
    throw new UserError(
      `the report for ${report.brand} as of ${report.at} has ${count === 0 ? 'no issues' : `only ${count} issue(s)`}, not issue ${rank}`,
      `see them with: ${shellCommand(['earshot', 'report', '--brand', report.brand, '--at', report.at])}`,
    );
  }
  return {
    brand: report.brand, source: report.source, terms: issue.termKeys?.length ? [...issue.termKeys] : [...issue.terms],
    since: report.window.from, until: report.window.to,
  };
}
