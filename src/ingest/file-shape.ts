import { parse } from 'csv-parse/sync';
import { printable, UserError } from '../errors.js';
import type { ImportFormat } from './detect.js';

/** The canonical CSV's columns (docs/import.md "The import format"); a header must name the required ones. */
export const CSV_REQUIRED = ['id', 'source', 'created_at', 'text'] as const;
export const CSV_OPTIONAL = ['author', 'url', 'lang', 'brand', 'likes', 'replies', 'reposts', 'score', 'metrics'] as const;

/**
 * Refuses, from its first bytes, a file whose shape no import format reads, so the user
 * gets one line naming what is wrong instead of a rejection per row (and no database is
 * created for it). `text` is the head decoded; `cutAt` its size in bytes when the file goes on past it.
 */
export function checkFileShape(text: string, path: string, format: ImportFormat, cutAt: number | null): void {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.search(/\S/);
  if (start === -1) return;
  if (body[start] === '[' && format !== 'csv' && format !== 'twarc-csv') {
    throw new UserError(`${path}: this is a JSON array; earshot reads JSONL or CSV`,
      `convert it to one object a line with: jq -c '.[]' ${path} > ${path.replace(/\.json$/i, '')}.jsonl`);
  }
  const firstLineEnd = body.slice(start).search(/[\r\n]/);
  if (firstLineEnd === -1 && cutAt !== null && format !== 'jsonl' && format !== 'twarc2' && format !== 'reddit') {
    throw new UserError(`${path}: no line break in its first ${formatBytes(cutAt)}; earshot reads JSONL (one mention a line) or CSV (a header row, then one mention a row)`,
      'check that this is the file you meant');
  }
  if (format === 'csv') checkCsvHeader(body.slice(start, firstLineEnd === -1 ? undefined : start + firstLineEnd), path);
}

/** A canonical CSV header that lacks a required column: expected vs found, in one line. */
function checkCsvHeader(line: string, path: string): void {
  let header: string[];
  try {
    header = ((parse(line, { relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? []).map((h) => h.trim().toLowerCase());
  } catch {
    return; // a header csv-parse cannot read is reported by the reader, with its row
  }
  const missing = CSV_REQUIRED.filter((column) => !header.includes(column));
  if (missing.length === 0) return;
  throw new UserError(
    `${path}: the CSV header lacks ${missing.join(', ')}; expected ${CSV_REQUIRED.join(', ')} (and optionally ${CSV_OPTIONAL.join(', ')}), found ${describeColumns(header)}`,
    'rename the columns (see "The import format" in docs/import.md), or pass --format if this is another tool\'s file',
  );
}

function describeColumns(header: string[]): string {
  const shown = header.slice(0, 12).map((h) => printable(h.length > 30 ? `${h.slice(0, 30)}…` : h) || '(blank)');
  return `${shown.join(', ')}${header.length > shown.length ? `, … (${header.length} columns)` : ''}`;
}

/**
 * Why an import read no record at all, told from its first bytes: an empty file, a CSV
 * with a header and nothing under it, or only blank lines.
 */
export function whyNothingRead(text: string, format: ImportFormat): string {
  if (text.length === 0) return 'the file is empty';
  if (text.replace(/^\uFEFF/, '').trim() === '') return 'the file holds only blank lines';
  if (format === 'csv' || format === 'twarc-csv') return 'the file has a CSV header row but no rows under it';
  return 'the file holds no record';
}

function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(0)} MB` : `${n.toLocaleString('en-US')} bytes`;
}
