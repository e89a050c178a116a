// Label files for `earshot label --file`: `id,label` CSV (with a header) or JSONL
// `{"id": …, "label": …}`, e.g. `earshot review --format csv` with its label column
// filled in, or an export with a `label` column added. A cell may hold one label of each
// kind together ("negative complaint safety"); rows with an empty label are skipped.
// Export's own sentiment_label, is_complaint and is_safety columns are the model's output
// and are not read as labels.
import { parse } from 'csv-parse/sync';
import {
  COMPLAINT_LABELS, SAFETY_LABELS, SENTIMENT_LABELS, isComplaintLabel, isSafetyLabel, isSentimentLabel, type ComplaintLabel, type SafetyLabel,
  type SentimentLabel,
} from '../domain/mention.js';
import { INTENT_LABELS, isIntentLabel, type IntentLabel } from '../domain/mention.js';

export interface LabelRow {
  /** `source:id` or a bare id. */
  ref: string;
  labels: Array<SentimentLabel | ComplaintLabel | SafetyLabel | IntentLabel>;
  /** 1-based line (JSONL) or spreadsheet row (CSV, the header is row 1). */
  line: number;
}

export interface LabelFileProblem {
  line: number;
  message: string;
}

export const LABEL_WORDS = [...SENTIMENT_LABELS, ...COMPLAINT_LABELS, ...SAFETY_LABELS, ...INTENT_LABELS];

/** The intent labels come in three kinds (question, suggestion, handled), one of each per cell. */
const INTENT_KINDS = ['question', 'suggestion', 'handled'].map((kind) => (w: string) => w === kind || w === `not-${kind}`);

export function parseLabelFile(text: string, format: 'csv' | 'jsonl'): { rows: LabelRow[]; problems: LabelFileProblem[] } {
  const raw = format === 'csv' ? readCsv(text) : readJsonl(text);
  const rows: LabelRow[] = [];
  const problems: LabelFileProblem[] = raw.problems;
  for (const r of raw.records) {
    const ref = r.source && r.id && !r.id.includes(':') ? `${r.source}:${r.id}` : r.id;
    if (!ref) {
      problems.push({ line: r.line, message: 'no id' });
      continue;
    }
    const words = (r.label ?? '').toLowerCase().split(/[\s;,|]+/).filter(Boolean);
    if (words.length === 0) continue;
    const bad = words.find((w) => !isSentimentLabel(w) && !isComplaintLabel(w) && !isSafetyLabel(w) && !isIntentLabel(w));
    if (bad !== undefined) problems.push({ line: r.line, message: `"${bad}" is not a label` });
    else if ([isSentimentLabel, isComplaintLabel, isSafetyLabel, ...INTENT_KINDS].some((kind) => words.filter(kind).length > 1)) {
      problems.push({ line: r.line, message: `"${r.label}" gives two labels of one kind` });
    } else rows.push({ ref, labels: words as LabelRow['labels'], line: r.line });
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line) };
}

interface RawRecord {
  id?: string;
  source?: string;
  label?: string;
  line: number;
}

function readCsv(text: string): { records: RawRecord[]; problems: LabelFileProblem[] } {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true }) as Array<Record<string, string>>;
  if (records.length > 0 && !('id' in records[0]!)) return { records: [], problems: [{ line: 1, message: 'the header has no id column' }] };
  if (records.length > 0 && !('label' in records[0]!)) return { records: [], problems: [{ line: 1, message: 'the header has no label column' }] };
  // spreadsheet rows: the header is row 1 (a quoted cell with a line break would shift later rows; good enough for a hint)
  return { records: records.map((r, i) => ({ id: r['id']?.trim().replace(/^'/, ''), source: r['source']?.trim(), label: r['label'], line: i + 2 })), problems: [] };
}

function readJsonl(text: string): { records: RawRecord[]; problems: LabelFileProblem[] } {
  const records: RawRecord[] = [];
  const problems: LabelFileProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const row = JSON.parse(line) as Record<string, unknown>;
      const id = typeof row['id'] === 'string' || typeof row['id'] === 'number' ? String(row['id']) : undefined;
      records.push({ id, source: typeof row['source'] === 'string' ? row['source'] : undefined, label: typeof row['label'] === 'string' ? row['label'] : undefined, line: i + 1 });
    } catch {
      problems.push({ line: i + 1, message: 'not valid JSON' });
    }
  });
  return { records, problems };
}
