import type { ExportRow } from '../store/store.js';
import { cellOf, type ExportColumn, type ExportRenderer } from './export-columns.js';

/** One JSON object per line, keys in column order; ids are strings, missing values null. */
export function jsonlRenderer(columns: readonly ExportColumn[]): ExportRenderer {
  return {
    header: '',
    render: (rows: readonly ExportRow[]) => {
      let text = '';
      for (const row of rows) text += `${JSON.stringify(Object.fromEntries(columns.map((column) => [column, cellOf(row, column)])))}\n`;
      return text;
    },
  };
}
