import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { printable, UserError } from '../errors.js';
import { decodeInput, INVALID_UTF8, type DecodedInput } from './decode.js';
import { isCsvFormat, type ImportFormat } from './detect.js';

export type { ImportFormat } from './detect.js';

/** One record of an import file, or why it could not be read, with its line number. */
export type RawRecord = { line: number; record: unknown } | { line: number; error: string };

/** Opens a file (or `-` for stdin) as a stream; a missing file is a one-line error. */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return process.stdin;
  // a folder opens fine and fails only at the first read, which a CSV pipe never reported
  if ((await stat(path).catch(() => null))?.isDirectory()) {
    throw new UserError(`cannot read ${path}: it is a folder, not a file`, 'name one .jsonl or .csv file (or - for stdin)');
  }
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

/** Records of a byte stream in `encoding` (default UTF-8, checked: see decode.ts). */
export function readRecords(input: Readable, format: ImportFormat, encoding?: string): AsyncIterable<RawRecord> {
  const decoded = decodeInput(input, encoding);
  return isCsvFormat(format) ? readCsv(decoded) : readJsonl(decoded);
}

/** One JSON object per line; blank lines are skipped. Streams in constant memory. */
async function* readJsonl(input: DecodedInput): AsyncIterable<RawRecord> {
  const lines = createInterface({ input: input.text, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim();
    if (trimmed === '') continue;
    if (input.sawInvalid && trimmed.includes('\uFFFD')) {
      yield { line, error: INVALID_UTF8 };
      continue;
    }
    try {
      yield { line, record: JSON.parse(trimmed) };
    } catch (error) {
      yield { line, error: `broken JSON (${printable((error as Error).message)})` };
    }
  }
}

/**
 * RFC 4180 CSV with a header row (csv-parse), read as spreadsheets and Python's csv read
 * it: records may end in CRLF, LF or CR, mixed within a file, and a quote inside an
 * unquoted cell is a character. A malformed row is reported and skipped, never dropped
 * silently. Positions are rows as a spreadsheet numbers them (header = 1, a quoted cell
 * spanning lines is one row): counted here from good and skipped records, because
 * csv-parse counts good records only and reports some bad ones more than once.
 */
async function* readCsv(input: DecodedInput): AsyncIterable<RawRecord> {
  const skips: Array<{ goodBefore: number; line: number; reason: string }> = [];
  let lastSkip: { records?: number; lines?: number } = {};
  const parser = input.text.pipe(parse({
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    bom: true,
    info: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    on_skip: (error: { message: string; records?: number; lines?: number } | undefined) => {
      if (!error || (error.records === lastSkip.records && error.lines === lastSkip.lines)) return;
      lastSkip = error;
      skips.push({ goodBefore: error.records ?? 0, line: error.lines ?? 0, reason: csvReason(error.message) });
    },
  }));
  input.text.once('error', (error) => parser.destroy(error));
  let skipped = 0;
  const nextSkip = function* (goodBefore: number) {
    while (skips.length && skips[0]!.goodBefore < goodBefore) {
      const skip = skips.shift()!;
      yield { line: 2 + skip.goodBefore + skipped++, error: skip.reason };
    }
  };
  let good = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { records: number } }>) {
      good = item.info.records;
      // csv-parse reports skips as it parses, ahead of the rows we consume: keep file order.
      yield* nextSkip(good);
      const row = 1 + good + skipped;
      if (input.sawInvalid && Object.values(item.record).some((v) => typeof v === 'string' && v.includes('\uFFFD'))) {
        yield { line: row, error: INVALID_UTF8 };
      } else {
        yield { line: row, record: item.record };
      }
    }
  } catch (error) {
    // a read error (EIO, …) is not the file's content: it ends the import
    if (!String((error as { code?: string }).code ?? '').startsWith('CSV_')) throw error;
    // A fault the parser cannot skip past: rows before it are kept.
    yield* nextSkip(good + 1);
    yield { line: 2 + good + skipped, error: `${csvReason((error as Error).message)}; the rest of the file was not read` };
  }
  yield* nextSkip(Number.POSITIVE_INFINITY);
}

function csvReason(message: string): string {
  const reason = `bad CSV: ${printable(message).replace(/^Invalid Record Length: /, '').replace(/ on line \d+$/, '').replace(/\s+/g, ' ')}`;
  return /Quote Not Closed/i.test(message) ? `${reason}; the rest of the file was not read` : reason;
}
