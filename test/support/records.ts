import { Readable } from 'node:stream';
import type { RawRecord } from '../../src/ingest/readers.js';

/** Wraps plain objects as import records with line numbers 1..n. */
export async function* asRecords(rows: unknown[]): AsyncIterable<RawRecord> {
  let line = 0;
  for (const record of rows) yield { line: ++line, record };
}

export function streamOf(text: string): Readable {
  return Readable.from([Buffer.from(text, 'utf8')]);
}
