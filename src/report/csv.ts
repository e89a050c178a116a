import { stringify } from 'csv-stringify/sync';
import type { ExportRow } from '../store/store.js';
import { cellOf, NUMERIC_COLUMNS, type ExportColumn, type ExportRenderer } from './export-columns.js';

/**
 * A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV
 * injection); a leading single quote makes it plain text in Excel and Google Sheets.
 * Every line of a cell is guarded, not only its first: a reader that splits a record
 * at a line break (or a cell pasted line by line) must not find a formula either.
 */
const FORMULA_AT_LINE_START = /(^|\r\n|\n|\r)(?=[=+\-@\t])/g;
/** First characters that start a formula (or a CR some readers drop): `= + - @ TAB CR`. */
const MAY_NEED_GUARD = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

export function neutraliseCell(text: string): string {
  // most cells are one line starting with a letter: nothing to guard, and no regex run (~1 µs a row)
  if (!MAY_NEED_GUARD.has(text.charCodeAt(0)) && !text.includes('\n') && !text.includes('\r')) return text;
  const guarded = text.replace(FORMULA_AT_LINE_START, "$1'");
  // a leading CR is dropped by some readers, which would then see the next character first
  return guarded.startsWith('\r') ? `'${guarded}` : guarded;
}

/**
 * RFC 4180 as csv-stringify writes it: CRLF records, quotes doubled, UTF-8. csv-stringify
 * quotes a cell holding the record delimiter (CRLF) but not a bare LF or CR, which
 * spreadsheets also end a row at: `quoted_match` quotes every cell holding either.
 */
const CSV_OPTIONS = { record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ } as const;

/**
 * CSV through csv-stringify's synchronous API, a batch of rows per call: the library
 * does the quoting, and a batch costs far less than a stream transform per row.
 * `excel` adds a BOM so Excel reads UTF-8. Text cells are neutralised, numbers never
 * (a negative sentiment score is a number, not a formula).
 */
export function csvRenderer(columns: readonly ExportColumn[], options: { excel?: boolean } = {}): ExportRenderer {
  return {
    header: stringify([columns], { ...CSV_OPTIONS, bom: options.excel ?? false }),
    render: (rows: readonly ExportRow[]) => (rows.length ? stringify(rows.map((row) => columns.map((c) => csvCell(row, c))), CSV_OPTIONS) : ''),
  };
}

function csvCell(row: ExportRow, column: ExportColumn): string {
  const value = cellOf(row, column);
  if (value === null) return '';
  if (NUMERIC_COLUMNS.has(column)) return String(value);
  return neutraliseCell(String(value));
}
