// The methods compared by bench-sentiment: earshot's model and three lexicon
// baselines. Lexicons give a score, so each gets neg/pos thresholds tuned on the
// validation split (never on the evaluation sets) to make the comparison fair.
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import { getTokenizer, nlp, plainWink } from '../analysis/nlp.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { scoreDoc, scoreSentiment } from '../analysis/sentiment/score.js';
import { SENTIMENT_LABELS } from '../analysis/sentiment/types.js';
import type { SentimentModel } from '../analysis/sentiment/types.js';
import type { LabelledSet } from './sentiment-data.js';

export interface Method {
  name: string;
  /** Returns a label id directly (0/1/2) when `thresholds` is absent, else a raw score. */
  run: (text: string) => number;
  thresholds?: [number, number];
}

/** Build all methods; lexicon thresholds are fitted on `tuning`. */
export function createMethods(sentimentModel: SentimentModel, tuning: LabelledSet): Method[] {
  const afinn = new Sentiment();
  // wink's sentiment needs only sbd + negation + sentiment; skip POS/NER for a fair speed.
  const wink = plainWink(['sbd', 'negation', 'sentiment']);
  const labelId = (label: string): number => SENTIMENT_LABELS.indexOf(label as (typeof SENTIMENT_LABELS)[number]);
  const lexicons: Method[] = [
    { name: 'wink-nlp sentiment', run: (t) => wink.readDoc(t).out(wink.its.sentiment) as number },
    { name: 'AFINN-165 (sentiment, comparative)', run: (t) => afinn.analyze(t).comparative },
    { name: 'VADER (compound)', run: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound },
  ];
  getTokenizer();
  return [
    { name: 'earshot model (tokeniser-only doc)', run: (t) => labelId(scoreSentiment(sentimentModel, t).label) },
    { name: 'earshot model (full-pipeline doc)', run: (t) => labelId(scoreDoc(sentimentModel, nlp.readDoc(t)).label) },
    ...lexicons.map((m) => ({ ...m, thresholds: tuneThresholds(tuning, m.run) })),
  ];
}

/** Map a method's output on one text to a label id. */
export function predictLabel(method: Method, text: string): number {
  const value = method.run(text);
  if (!method.thresholds) return value;
  const [low, high] = method.thresholds;
  return value < low ? 0 : value > high ? 2 : 1;
}

/** Grid-search (low, high) over score quantiles to maximise macro-F1 on the tuning set. */
export function tuneThresholds(set: LabelledSet, run: (text: string) => number): [number, number] {
  const scores = set.texts.map(run);
  const sorted = [...new Set(scores)].sort((a, b) => a - b);
  const candidates = [...new Set(Array.from({ length: 61 }, (_, i) => sorted[Math.floor((i / 60) * (sorted.length - 1))] ?? 0))];
  let best: [number, number] = [0, 0];
  let bestF1 = -1;
  for (const low of candidates) {
    for (const high of candidates) {
      if (high < low) continue;
      const predicted = scores.map((s) => (s < low ? 0 : s > high ? 2 : 1));
      const { macroF1 } = computeMetrics(set.labels, predicted);
      if (macroF1 > bestF1) [best, bestF1] = [[low, high], macroF1];
    }
  }
  return best;
}
