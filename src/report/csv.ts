import { stringify } from 'csv-stringify';
import type { Transform } from 'node:stream';
import type { ExportRow } from '../store/store.js';
import { cellOf, NUMERIC_COLUMNS, type ExportColumn, type ExportRenderer } from './export-columns.js';

/**
 * A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV
 * injection); a leading single quote makes it plain text in Excel and Google Sheets.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 CSV by csv-stringify: UTF-8, a header row, CRLF records, quotes where needed;
 * `excel` adds a BOM so Excel reads UTF-8. Text cells are neutralised, numbers never
 * (a negative sentiment score is a number, not a formula).
 */
export function csvRenderer(columns: readonly ExportColumn[], options: { excel?: boolean } = {}): ExportRenderer {
  return {
    toRecord: (row: ExportRow) => columns.map((column) => csvCell(row, column)),
    createStream: (): Transform => stringify({
      header: true,
      columns: [...columns],
      bom: options.excel ?? false,
      record_delimiter: 'windows',
    }),
  };
}

function csvCell(row: ExportRow, column: ExportColumn): string {
  const value = cellOf(row, column);
  if (value === null) return '';
  if (NUMERIC_COLUMNS.has(column)) return String(value);
  return neutraliseCell(String(value));
}
