import { Transform } from 'node:stream';
import type { ExportRow } from '../store/store.js';
import { cellOf, type ExportColumn, type ExportRenderer } from './export-columns.js';

/** One JSON object per line, keys in column order; ids are strings, missing values null. */
export function jsonlRenderer(columns: readonly ExportColumn[]): ExportRenderer {
  return {
    toRecord: (row: ExportRow) => Object.fromEntries(columns.map((column) => [column, cellOf(row, column)])),
    createStream: () => new Transform({
      writableObjectMode: true,
      transform(record: unknown, _encoding, done) {
        done(null, `${JSON.stringify(record)}\n`);
      },
    }),
  };
}
