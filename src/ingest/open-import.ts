import type { Readable } from 'node:stream';
import { parseMentionRecord } from './parse-row.js';
import type { Decoded, Decoder } from './decoded.js';
import { checkFileShape, whyNothingRead } from './file-shape.js';
import { checkFormat, decodeHead, detectFormat, hasFirstLine, isCsvFormat, isZstd, peek, type ImportFormat } from './detect.js';
import { openInput, readRecords, type RawRecord } from './readers.js';
import { decodeRedditDumpLine } from './reddit-dump.js';
import { decodeTwarcCsvRow } from './twarc-csv.js';
import { decodeTwarcLine } from './twarc.js';
import { decompressZstd, type Decompressed } from './zstd.js';

export interface ImportInput {
  format: ImportFormat;
  compressed: boolean;
  records: AsyncIterable<RawRecord>;
  decode: Decoder;
  /** Why no record was read, should none be: told from the first bytes. */
  nothingRead: string;
  /** What a position in a rejection names: a spreadsheet row, or a line of the (decompressed) file. */
  unit: 'line' | 'row';
}

/** How much of a file is read ahead to tell its format: a first line longer than this has no place in CSV. */
const PEEK_BYTES = 8 * 1024 * 1024;

/**
 * Opens an import file (or `-`), decompresses it when it is zstd (by its magic bytes, not
 * its name), and tells its format from its first line unless `explicit` says.
 */
export async function openImport(path: string, explicit?: string, encoding?: string): Promise<ImportInput> {
  const forced = explicit === undefined ? undefined : checkFormat(explicit);
  const first = await peek(await openInput(path), (head) => head.length >= 4);
  let stream: Readable = first.stream;
  let zstd: Decompressed | null = null;
  if (isZstd(first.head)) {
    zstd = decompressZstd(first.stream, path);
    stream = zstd.output;
  }
  const { head, stream: body } = await peek(stream, hasFirstLine, PEEK_BYTES);
  if (zstd && head.length === 0) await zstd.finished;
  const format = forced ?? detectFormat(head, path.replace(/\.zst$/i, ''), encoding);
  const text = decodeHead(head, encoding ?? 'utf-8');
  checkFileShape(text, path, format, head.length >= PEEK_BYTES ? head.length : null);
  return {
    format,
    compressed: zstd !== null,
    records: zstd ? untilExit(readRecords(body, format, encoding), zstd) : readRecords(body, format, encoding),
    decode: decoderFor(format),
    nothingRead: whyNothingRead(text, format),
    unit: isCsvFormat(format) ? 'row' : 'line',
  };
}

export function decoderFor(format: ImportFormat): Decoder {
  switch (format) {
    case 'twarc2':
      return decodeTwarcLine;
    case 'twarc-csv':
      return decodeTwarcCsvRow;
    case 'reddit':
      return decodeRedditDumpLine;
    default:
      return decodeCanonical;
  }
}

export function decodeCanonical(record: unknown, defaultBrand: string | undefined): Decoded {
  const result = parseMentionRecord(record, defaultBrand);
  return result.ok ? { mentions: [result.mention], errors: [] } : { mentions: [], errors: [result.reason] };
}

/** The records, then zstd's verdict: a corrupt archive fails the import after the rows before it. */
async function* untilExit(records: AsyncIterable<RawRecord>, zstd: Decompressed): AsyncGenerator<RawRecord> {
  let complete = false;
  try {
    yield* records;
    complete = true;
  } finally {
    if (!complete) zstd.stop();
  }
  await zstd.finished;
}
