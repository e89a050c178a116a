import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportRow } from '../store/store.js';
import { BOOLEAN_COLUMNS, cellOf, NUMERIC_COLUMNS, type ExportColumn } from './export-columns.js';

/**
 * Excel's limit for one cell; longer text is cut there, marked with an ellipsis (the
 * store keeps every character; CSV and JSONL carry them all).
 */
export const XLSX_MAX_CELL_CHARS = 32_767;
/** Excel's limit of hyperlinks in one worksheet. */
export const MAX_LINKS = 65_530;
/** Excel refuses a hyperlink target longer than this; such a URL stays plain text. */
const MAX_LINK_CHARS = 2_000;

const WIDTHS: Partial<Record<ExportColumn, number>> = { id: 22, source: 11, brand: 16, created_at: 20, author: 18, text: 80, url: 40, topics: 30 };
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * Streams rows into an .xlsx workbook (exceljs's streaming writer: each row is written
 * and forgotten, and strings are inline, so memory stays flat however many rows).
 * Types a spreadsheet keeps: ids, handles and every other text column are text cells
 * (a 19-digit id or `0012345` stays exact, `@bob` and `=1+1` stay text: no value is
 * ever written as a formula); `created_at` is a date (UTC); http(s) URLs are links;
 * sentiment, the complaint and safety scores and the metrics are numbers; is_complaint and is_safety are booleans
 * (TRUE/FALSE). The header row is frozen and has a filter.
 */
export async function writeXlsx(rows: AsyncIterable<ExportRow>, columns: readonly ExportColumn[], output: Writable): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('mentions', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column,
    key: column,
    width: WIDTHS[column] ?? 12,
    style: column === 'created_at' ? { numFmt: DATE_FORMAT } : column === 'text' ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  let count = 0;
  let links = 0;
  for await (const row of rows) {
    const cells = columns.map((column) => xlsxCell(row, column));
    // exceljs keeps every hyperlink until the sheet is committed, and Excel reads at most
    // MAX_LINKS per sheet: past that, a URL is plain text, and memory stays bounded
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell && typeof cell === 'object' && 'hyperlink' in cell && ++links > MAX_LINKS) cells[i] = { richText: [{ text: cell.text }] };
    }
    sheet.addRow(cells).commit();
    if (++count % 256 === 0) await drained(sheet);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/**
 * exceljs hands each committed row's XML to the zip entry without waiting (its StreamBuf
 * ignores write()'s return value), so a sheet written faster than it is deflated piles up
 * in the entry's buffer: 1M rows held ~180 MB. Waiting for that buffer to drain keeps the
 * writer flat (1M rows: 117 MB RSS in all). The entry stream is exceljs's internal
 * (`stream.pipes[0]`, a readable-stream PassThrough, in the pinned 4.4.0); without one, no wait.
 */
async function drained(sheet: unknown): Promise<void> {
  const entry = (sheet as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as
    | (NodeJS.EventEmitter & { writableHighWaterMark?: number; _writableState?: { length: number } })
    | undefined;
  const buffered = entry?._writableState?.length ?? 0;
  if (entry && buffered > (entry.writableHighWaterMark ?? 16_384)) await once(entry, 'drain');
}

type XlsxValue = number | boolean | Date | { text: string; hyperlink: string } | { richText: Array<{ text: string }> } | null;

export function xlsxCell(row: ExportRow, column: ExportColumn): XlsxValue {
  const value = cellOf(row, column);
  if (value === null) return null;
  if (NUMERIC_COLUMNS.has(column)) return Number(value);
  if (BOOLEAN_COLUMNS.has(column)) return value === true;
  if (column === 'created_at') return new Date(String(value));
  const text = xlsxText(String(value));
  if (column === 'url' && /^https?:\/\//i.test(text) && text.length <= MAX_LINK_CHARS) return { text, hyperlink: text };
  // an inline string (<is><t xml:space="preserve">): a plain string would be written as
  // a formula-result string (t="str"), whose leading and trailing spaces readers drop
  return { richText: [{ text }] };
}

/**
 * Text as a cell can hold it: well-formed, without the characters XML 1.0 forbids
 * (exceljs drops the C0 controls itself), and no longer than Excel's cell limit.
 */
export function xlsxText(text: string): string {
  let clean = text.toWellFormed().replace(/[\uFFFE\uFFFF]/g, '\uFFFD');
  if (clean.length > XLSX_MAX_CELL_CHARS) {
    clean = clean.slice(0, XLSX_MAX_CELL_CHARS - 1);
    if (/[\uD800-\uDBFF]$/.test(clean)) clean = clean.slice(0, -1);
    clean += '…';
  }
  return clean;
}
