import type { ExportRow } from '../store/store.js';

/** The export columns in their stable, documented order. Renaming one breaks users' sheets. */
export const EXPORT_COLUMNS = [
  'id', 'source', 'brand', 'created_at', 'author', 'text', 'url',
  'sentiment', 'sentiment_label', 'complaint', 'is_complaint', 'safety', 'is_safety',
  'question', 'is_question', 'suggestion', 'is_suggestion', 'topics', 'likes', 'replies', 'reposts', 'score', 'lang',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * Numbers stay numbers; `is_complaint` and `is_safety` are booleans (`true`/`false` in CSV); every other
 * column is text (ids too: X ids overflow doubles).
 */
export const NUMERIC_COLUMNS: ReadonlySet<ExportColumn> = new Set(['sentiment', 'complaint', 'safety', 'question', 'suggestion', 'likes', 'replies', 'reposts', 'score']);

/** The columns that hold a yes/no. */
export const BOOLEAN_COLUMNS: ReadonlySet<ExportColumn> = new Set(['is_complaint', 'is_safety', 'is_question', 'is_suggestion']);

const FIELD: Record<ExportColumn, keyof ExportRow> = {
  id: 'id', source: 'source', brand: 'brand', created_at: 'createdAt', author: 'author', text: 'text', url: 'url',
  sentiment: 'sentiment', sentiment_label: 'sentimentLabel', complaint: 'complaint', is_complaint: 'isComplaint',
  safety: 'safety', is_safety: 'isSafety', question: 'question', is_question: 'isQuestion', suggestion: 'suggestion', is_suggestion: 'isSuggestion',
  topics: 'topics',
  likes: 'likes', replies: 'replies', reposts: 'reposts', score: 'score', lang: 'lang',
};

export function isExportColumn(name: string): name is ExportColumn {
  return (EXPORT_COLUMNS as readonly string[]).includes(name);
}

/** One cell's value, or null when the mention has none (e.g. not analysed yet). */
export function cellOf(row: ExportRow, column: ExportColumn): string | number | boolean | null {
  return row[FIELD[column]] ?? null;
}

/** How one export format turns rows into text: a header, then rows a batch at a time. */
export interface ExportRenderer {
  readonly header: string;
  render(rows: readonly ExportRow[]): string;
}
