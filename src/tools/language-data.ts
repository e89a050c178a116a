// The multilingual training data (../shared/data/multilingual): UMSAB tweets per
// language (train, val; the test split is kept back upstream) and GermEval 2017.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './sentiment-data.js';

/** ISO 639-1 code → UMSAB folder. Hindi there is romanised: no detector calls it `hi`. */
export const UMSAB_FOLDERS: Record<string, string> = {
  fr: 'french', de: 'german', es: 'spanish', pt: 'portuguese', it: 'italian', ar: 'arabic',
};

/** Published FastText macro-F1 on the UMSAB test split (XLM-T README), per language. */
export const FASTTEXT_TEST_F1: Record<string, number> = { fr: 0.548, de: 0.596, es: 0.501, pt: 0.551, it: 0.547 };

export interface Labelled {
  texts: string[];
  /** 0 negative, 1 neutral, 2 positive. */
  labels: number[];
}

export function multilingualDir(argv: readonly string[]): string {
  const flag = argv.indexOf('--data');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  return resolve(fromFlag ?? process.env['EARSHOT_MULTILINGUAL_DIR'] ?? join(REPO_ROOT, '../shared/data/multilingual'));
}

/** One UMSAB split ('train' or 'val') of a language. */
export function readUmsab(dir: string, code: string, split: 'train' | 'val'): Labelled {
  const folder = UMSAB_FOLDERS[code];
  if (folder === undefined) throw new Error(`no UMSAB folder for ${code}`);
  return readJsonl(join(dir, 'umsab', folder, `${split}.jsonl`), (row) => {
    const label = Number(row['label']);
    return typeof row['text'] === 'string' && label >= 0 && label <= 2 ? { text: row['text'], label } : null;
  });
}

const GERMEVAL_LABELS: Record<string, number> = { negative: 0, neutral: 1, positive: 2 };

/** GermEval 2017 (Deutsche Bahn feedback) relevant rows with a sentiment. */
export function readGermEval(dir: string): Labelled {
  return readJsonl(join(dir, 'germeval2017-db', 'dev.jsonl'), (row) => {
    const label = GERMEVAL_LABELS[String(row['sentiment'])];
    return typeof row['text'] === 'string' && label !== undefined && row['relevant'] !== false ? { text: row['text'], label } : null;
  });
}

function readJsonl(path: string, pick: (row: Record<string, unknown>) => { text: string; label: number } | null): Labelled {
  const out: Labelled = { texts: [], labels: [] };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = pick(JSON.parse(line) as Record<string, unknown>);
    if (row) {
      out.texts.push(row.text);
      out.labels.push(row.label);
    }
  }
  return out;
}
