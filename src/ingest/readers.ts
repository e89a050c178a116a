import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { printable, UsageError, UserError } from '../errors.js';

export type ImportFormat = 'jsonl' | 'csv';

/** One record of an import file, or why it could not be read, with its line number. */
export type RawRecord = { line: number; record: unknown } | { line: number; error: string };

export function detectFormat(path: string, explicit?: string): ImportFormat {
  if (explicit) {
    if (explicit === 'jsonl' || explicit === 'csv') return explicit;
    throw new UsageError(`unknown import format "${explicit}"`, 'use --format jsonl or --format csv');
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.csv') return 'csv';
  throw new UsageError(`cannot tell the format of ${path} from its extension`, 'pass --format jsonl or --format csv');
}

/** Opens a file (or `-` for stdin) as a stream; a missing file is a one-line error. */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return process.stdin;
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a folder' : error.code;
      reject(new UserError(`cannot read ${path}: ${why}`, 'check the path'));
    });
  });
  return stream;
}

export function readRecords(input: Readable, format: ImportFormat): AsyncIterable<RawRecord> {
  return format === 'csv' ? readCsv(input) : readJsonl(input);
}

/** One JSON object per line; blank lines are skipped. Streams in constant memory. */
async function* readJsonl(input: Readable): AsyncIterable<RawRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    try {
      yield { line, record: JSON.parse(trimmed) };
    } catch (error) {
      yield { line, error: `broken JSON (${printable((error as Error).message)})` };
    }
  }
}

/**
 * RFC 4180 CSV with a header row (csv-parse). A malformed row is reported and skipped.
 * Positions are rows as a spreadsheet numbers them (header = 1), because quoted cells
 * may span lines and csv-parse's line count drifts on CRLF inside quotes.
 */
async function* readCsv(input: Readable): AsyncIterable<RawRecord> {
  const skipped: RawRecord[] = [];
  const parser = input.pipe(parse({
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { message: string; records?: number } | undefined) => {
      if (error) skipped.push({ line: (error.records ?? 0) + 2, error: csvReason(error.message) });
    },
  }));
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { records: number } }>) {
      const row = item.info.records + 1;
      // csv-parse reports skips as it parses, ahead of the rows we consume: keep file order.
      while (skipped.length && skipped[0]!.line < row) yield skipped.shift()!;
      yield { line: row, record: item.record };
    }
  } catch (error) {
    // A fault the parser cannot skip past: rows before it are kept.
    yield { line: ((error as { records?: number }).records ?? 0) + 2, error: `${csvReason((error as Error).message)}; the rest of the file was not read` };
  }
  while (skipped.length) yield skipped.shift()!;
}

function csvReason(message: string): string {
  const reason = `bad CSV: ${printable(message).replace(/^Invalid Record Length: /, '').replace(/ on line \d+$/, '').replace(/\s+/g, ' ')}`;
  return /Quote Not Closed/i.test(message) ? `${reason}; the rest of the file was not read` : reason;
}
