// The intent heads' training and evaluation texts. Each text carries a question and a
// suggestion label, either of which may be unknown (null) for a set that does not label it:
// SemEval-2019 Task 9 forum sentences (suggestion; train only — the trial sets are for the
// bench), CLAP app reviews (FEATURE = suggestion), the VLC forum sentences (questions and
// help seeking; feature requests), earshot's written posts (both) and, as everyday posts
// that rarely ask, SemEval sentiment training tweets without a question mark. Fold 0 of the
// app reviews and of the forum sentences is held out of training for the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDoc as readSafetyDoc, hashOf, type Scorers } from './safety-data.js';
import type { SentimentTokens } from '../analysis/sentiment/types.js';
import { writtenIntentTexts } from './intent-augment.js';
import { writtenTips } from './intent-tips.js';

export type IntentSet = 'semeval-train' | 'semeval-trial-A' | 'semeval-trial-B' | 'clap' | 'clap-held' | 'tizard' | 'tizard-held' | 'written' | 'tweets';
export type Head = 'question' | 'suggestion';
export const HELD_OUT: readonly IntentSet[] = ['semeval-trial-A', 'semeval-trial-B', 'clap-held', 'tizard-held'];

export interface IntentDoc {
  set: IntentSet;
  text: string;
  question: 0 | 1 | null;
  suggestion: 0 | 1 | null;
  fold: number;
  tokens: SentimentTokens;
  sentiment: { negative: number; neutral: number; positive: number };
  complaint: number;
  meaning: number[];
}

/** Forum labels that ask something or ask for help (a thank-you filed as help seeking is not). */
const TIZARD_QUESTIONS = new Set(['question on application', 'information seeking', 'information seeking (uncertain)', 'help seeking', 'requesting more information']);
const TIZARD_SUGGESTIONS = new Set(['feature request', 'feature request (motivation)', 'agreeing with the feature request']);

function jsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

function read(scorers: Scorers, set: IntentSet, text: string, question: 0 | 1 | null, suggestion: 0 | 1 | null, fold = hashOf(text) % 10): IntentDoc {
  const d = readSafetyDoc(scorers, 'written', text, 0, fold);
  return { set, text, question, suggestion, fold, tokens: d.tokens, sentiment: d.sentiment, complaint: d.complaint, meaning: d.meaning };
}

/** A sentence with no question mark and no asking opener is taken as not a question. */
function plainlyNotAsking(text: string): boolean {
  return !text.includes('?') && !/^\W*(how|what|when|where|why|who|which|is|are|can|could|does|do|did|will|would|any\s?one)\b/i.test(text);
}

/** Every text, read (held-out sets included: filter with HELD_OUT). `dataDir` is ../shared/data. */
export function readIntentDocs(dataDir: string, scorers: Scorers, written: number, tips = 0): IntentDoc[] {
  const docs: IntentDoc[] = [];
  const dir = join(dataDir, 'intent');
  for (const r of jsonl<{ text: string; suggestion: number; set: string }>(join(dir, 'semeval2019-suggestions/train.jsonl'))) {
    docs.push(read(scorers, 'semeval-train', r.text, plainlyNotAsking(r.text) ? 0 : null, r.suggestion ? 1 : 0));
  }
  for (const r of jsonl<{ text: string; suggestion: number; set: string }>(join(dir, 'semeval2019-suggestions/trial.jsonl'))) {
    docs.push(read(scorers, r.set === 'trial-B' ? 'semeval-trial-B' : 'semeval-trial-A', r.text, null, r.suggestion ? 1 : 0));
  }
  for (const r of jsonl<{ text: string; category: string }>(join(dir, 'clap-app-reviews/data.jsonl'))) {
    const fold = hashOf(r.text) % 10;
    docs.push(read(scorers, fold === 0 ? 'clap-held' : 'clap', r.text, plainlyNotAsking(r.text) ? 0 : null, r.category === 'FEATURE' ? 1 : 0, fold));
  }
  for (const r of jsonl<{ text: string; label: string }>(join(dir, 'tizard-vlc-forum/data.jsonl'))) {
    const fold = hashOf(r.text) % 10;
    // "help seeking" holds thank-yous for help too: only those that ask count
    const asks = TIZARD_QUESTIONS.has(r.label) && (r.label !== 'help seeking' || !/^\W*thank/i.test(r.text));
    const question = asks ? 1 : r.label === 'help seeking' ? null : 0;
    docs.push(read(scorers, fold === 0 ? 'tizard-held' : 'tizard', r.text, question, TIZARD_SUGGESTIONS.has(r.label) ? 1 : 0, fold));
  }
  for (const r of writtenIntentTexts(written)) docs.push(read(scorers, 'written', r.text, r.question, r.suggestion, r.fold));
  // advice to other customers is a suggestion too (SemEval's meaning); the ideas list leaves it out by its addressee
  if (tips > 0) for (const r of writtenTips(tips)) docs.push(read(scorers, 'written', r.text, r.question, r.suggestion, r.fold));
  const tweets = readFileSync(join(dataDir, 'sentiment/semeval2013-2016-train/train_text.txt'), 'utf8').split('\n');
  for (const text of tweets) {
    const h = hashOf(text);
    if (text.trim() && h % 6 === 0 && plainlyNotAsking(text)) docs.push(read(scorers, 'tweets', text, 0, null, h % 10));
  }
  return docs;
}
