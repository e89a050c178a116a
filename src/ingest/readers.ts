import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
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

/**
 * The longest line (in characters) read as a record: 16 MiB, above the 10 MB mention the
 * README promises to keep whole. A twarc2 search page holds up to 500 tweets with their
 * users, so its lines may reach 32 MiB. A longer line is refused by its length as it
 * streams past, never held whole (a 45 KB .zst can hold a 1 GB line).
 */
export const MAX_LINE_CHARS = 16 << 20;
export const MAX_PAGE_LINE_CHARS = 32 << 20;

/** Records of a byte stream in `encoding` (default UTF-8, checked: see decode.ts). */
export function readRecords(input: Readable, format: ImportFormat, encoding?: string): AsyncIterable<RawRecord> {
  const decoded = decodeInput(input, encoding);
  return isCsvFormat(format) ? readCsv(decoded) : readJsonl(decoded, format === 'twarc2' ? MAX_PAGE_LINE_CHARS : MAX_LINE_CHARS);
}

/** One JSON object per line; blank lines are skipped. Streams in constant memory. */
async function* readJsonl(input: DecodedInput, maxChars: number): AsyncIterable<RawRecord> {
  let line = 0;
  for await (const text of splitLines(input.text, maxChars)) {
    line++;
    if (text === null) {
      yield { line, error: `line longer than ${maxChars.toLocaleString('en-US')} characters; skipped without reading it whole` };
      continue;
    }
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
 * The lines of a text stream, split as readline splits them (LF, CRLF or a lone CR);
 * a line longer than `maxChars` comes out as null, its text dropped as it streams past.
 */
export async function* splitLines(text: AsyncIterable<string | Buffer>, maxChars: number): AsyncGenerator<string | null> {
  let parts: string[] = [];
  let length = 0;
  let tooLong = false;
  let afterCr = false;
  const add = (piece: string) => {
    if (tooLong || piece === '') return;
    length += piece.length;
    if (length > maxChars) {
      tooLong = true;
      parts = [];
    } else {
      parts.push(piece);
    }
  };
  const end = () => {
    const line = tooLong ? null : parts.join('');
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  for await (const raw of text) {
    let chunk = typeof raw === 'string' ? raw : raw.toString('utf8');
    if (afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    afterCr = false;
    let start = 0;
    // each found once per chunk: searching again from every line start would be quadratic
    let lf = chunk.indexOf('\n');
    let cr = chunk.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      const at = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      add(chunk.slice(start, at));
      yield end();
      start = at + (at === cr && chunk[at + 1] === '\n' ? 2 : 1);
      if (at === cr && at === chunk.length - 1) afterCr = true;
      if (lf !== -1 && lf < start) lf = chunk.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf('\r', start);
    }
    add(chunk.slice(start));
  }
  if (length > 0 || tooLong) yield end();
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
