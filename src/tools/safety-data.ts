// The safety head's training and evaluation texts: the CPSC incident reports (every one a
// harm report), earshot's written posts (safety-augment.ts), and everyday posts that are
// not safety reports: SemEval training tweets, the complaint sets (mostly service and
// product faults), 4–5 and 1–2 star Amazon reviews. Each text is read once into tokens,
// sentiment, complaint probability and meaning features.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTokenizer } from '../analysis/nlp.js';
import type { ComplaintModel } from '../analysis/complaint/types.js';
import { scoreComplaintTokens } from '../analysis/complaint/score.js';
import { readSentimentTokens, scoreTokens } from '../analysis/sentiment/score.js';
import type { SentimentModel, SentimentTokens } from '../analysis/sentiment/types.js';
import { denseMeaning, type ConceptSpace } from '../analysis/vectors/concepts.js';
import { augmentedComplaintTexts } from './complaint-augment.js';
import { hashOf } from './text-hash.js';
import { writtenFigurativeTexts, writtenSafetyTexts } from './safety-augment.js';

export type SafetySet = 'cpsc' | 'written' | 'written-figurative' | 'written-faults' | 'semeval-train' | 'complaints' | 'amazon' | 'amazon-low';

export interface SafetyDoc {
  set: SafetySet;
  text: string;
  label: 0 | 1;
  fold: number;
  tokens: SentimentTokens;
  sentiment: { negative: number; neutral: number; positive: number };
  complaint: number;
  meaning: number[];
}

export interface Scorers {
  sentiment: SentimentModel;
  complaint: ComplaintModel;
  space: ConceptSpace;
}

export { hashOf };

/**
 * A CPSC narrative as a post: its first sentences up to ~280 characters, with the
 * redaction marks dropped. The reports are long and formal; people post the gist.
 */
export function postFromReport(text: string): string {
  const clean = text.replace(/\[REDACTED\]/g, '').replace(/\s+/g, ' ').trim();
  const sentences = clean.split(/(?<=[.!?])\s+/);
  let out = '';
  for (const sentence of sentences) {
    if (out && out.length + sentence.length > 280) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out.slice(0, 400);
}

export function readDoc(scorers: Scorers, set: SafetySet, text: string, label: 0 | 1, fold: number): SafetyDoc {
  const tokens = readSentimentTokens(getTokenizer().readDoc(text));
  const sentiment = scoreTokens(scorers.sentiment, tokens);
  const meaning = denseMeaning(scorers.space, tokens.values, tokens.types, []);
  const complaint = scoreComplaintTokens(scorers.complaint, tokens, sentiment, { meaning }).score;
  return { set, text, label, fold, tokens, sentiment: sentiment.probs, complaint, meaning };
}

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Every training text, read. `dataDir` is ../shared/data. */
export function readSafetyDocs(dataDir: string, scorers: Scorers, written: number, figurative = 0): SafetyDoc[] {
  const docs: SafetyDoc[] = [];
  for (const row of jsonl<{ text: string; fold: number }>(join(dataDir, 'safety/cpsc-toy-incidents/data.jsonl'))) {
    docs.push(readDoc(scorers, 'cpsc', postFromReport(row.text), 1, row.fold));
  }
  for (const row of writtenSafetyTexts(written)) docs.push(readDoc(scorers, 'written', row.text, row.label, row.fold));
  // harm words used harmlessly, in frames across many domains (and a tenth of harm told with the same words)
  if (figurative > 0) for (const row of writtenFigurativeTexts(figurative)) docs.push(readDoc(scorers, 'written-figurative', row.text, row.label, row.fold));
  // earshot's written product faults and chatter (complaint-augment.ts): faults without harm
  // are not safety reports; the few that risk harm (overheating, burning smell) are left out
  for (const row of augmentedComplaintTexts(written)) {
    if (!/overheat|burning|shuts off/.test(row.text)) docs.push(readDoc(scorers, 'written-faults', row.text, 0, row.fold));
  }
  const tweets = readFileSync(join(dataDir, 'sentiment/semeval2013-2016-train/train_text.txt'), 'utf8').split('\n');
  for (const text of tweets) {
    const h = hashOf(text);
    if (text.trim() && h % 4 === 0) docs.push(readDoc(scorers, 'semeval-train', text, 0, h % 10));
  }
  for (const set of ['preotiuc2019-tweets', 'cesamard-amazon-reviews', 'fincorp-tweets']) {
    for (const row of jsonl<{ text: string; fold: number }>(join(dataDir, 'complaints', set, 'data.jsonl'))) {
      docs.push(readDoc(scorers, 'complaints', row.text, 0, row.fold));
    }
  }
  // 4–5 star reviews ('amazon') and 1–2 star ones ('amazon-low': some of them do report harm, unlabelled)
  for (const row of jsonl<{ text: string; fold: number; label: number }>(join(dataDir, 'complaints/amazon-multidomain/data.jsonl'))) {
    if (hashOf(row.text) % 3 === 0) docs.push(readDoc(scorers, row.label ? 'amazon-low' : 'amazon', row.text, 0, row.fold));
  }
  return docs;
}
