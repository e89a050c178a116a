import { Readable } from 'node:stream';
import { charsetDecoder } from '../domain/charset.js';
import { UsageError } from '../errors.js';
import { ZSTD_MAGIC } from './zstd.js';

/** What `import` reads: earshot's own format (JSONL or CSV) or another tool's files. */
export const IMPORT_FORMATS = ['jsonl', 'csv', 'twarc2', 'twarc-csv', 'reddit'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isCsvFormat(format: ImportFormat): boolean {
  return format === 'csv' || format === 'twarc-csv';
}

export function checkFormat(explicit: string): ImportFormat {
  if ((IMPORT_FORMATS as readonly string[]).includes(explicit)) return explicit as ImportFormat;
  throw new UsageError(`unknown import format "${explicit}"`, `use --format ${IMPORT_FORMATS.join(', ')}`);
}

/** The first bytes of a stream, and a stream that still yields every byte (those included). */
export async function peek(input: Readable, wanted: (head: Buffer) => boolean, maxBytes = 8 * 1024 * 1024): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < maxBytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
    // judged on the first chunk, then only on chunks that end a line: no quadratic copying
    if ((chunks.length === 1 || chunk.includes(0x0a)) && wanted(Buffer.concat(chunks))) break;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

/**
 * A zstd frame, or a skippable frame (RFC 8878 §3.1.2: magic 0x184D2A50–0x184D2A5F, little
 * endian), which zstd itself skips: seekable archives and some writers put metadata first.
 */
export function isZstd(head: Buffer): boolean {
  if (head.length < 4) return false;
  return head.subarray(0, 4).equals(ZSTD_MAGIC) || ((head[0]! & 0xf0) === 0x50 && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18);
}

/** True once the head holds a first line with content (or enough bytes to judge). */
export function hasFirstLine(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  return start !== -1 && text.indexOf('\n', start) !== -1;
}

/**
 * Tells the format from the first line: a JSON object is twarc2 output (a page, a stream
 * line or a flattened tweet), a Reddit dump object, or earshot's own JSONL; anything else
 * is CSV, twarc-csv when its header has twarc-csv's dotted columns.
 */
export function detectFormat(head: Buffer, path: string, encoding = 'utf-8'): ImportFormat {
  const text = decodeHead(head, encoding).replace(/^\uFEFF/, '');
  const start = text.search(/\S/);
  if (start === -1) return /\.csv$/i.test(path) ? 'csv' : 'jsonl';
  const end = text.indexOf('\n', start);
  const line = text.slice(start, end === -1 ? undefined : end).trim();
  if (line.startsWith('{')) return detectJson(line);
  // a JSON array (refused by name in file-shape.ts), not a CSV header
  if (line.startsWith('[')) return 'jsonl';
  const header = line.toLowerCase().split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
  if (header.includes('id') && header.includes('author_id') && header.some((c) => c.startsWith('public_metrics.') || c.startsWith('author.'))) return 'twarc-csv';
  return 'csv';
}

/** The first line read in the file's encoding where Node knows it (utf-16le, latin1, …), else as UTF-8. */
export function decodeHead(head: Buffer, encoding: string): string {
  try {
    return charsetDecoder(encoding).decode(head);
  } catch {
    return head.toString('utf8');
  }
}

function detectJson(line: string): ImportFormat {
  let value: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
  } catch {
    // a broken first line: judge by the keys it shows; the line itself is reported when read
  }
  const has = (key: string) => (value ? key in value : line.includes(`"${key}"`));
  if (has('__twarc') || (has('data') && !has('source'))) return 'twarc2';
  if (has('subreddit') && has('created_utc')) return 'reddit';
  // a flattened tweet; earshot's own format has no author_id
  if (has('author_id')) return 'twarc2';
  return 'jsonl';
}
