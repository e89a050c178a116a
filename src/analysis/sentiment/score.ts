// Scoring: features → logits → softmax. Kept allocation-light because the
// pipeline scores every mention and the benchmark target is ≥ 20k docs/s.
import { getTokenizer, its } from '../nlp.js';
import type { NlpDocument } from '../nlp.js';
import { extractFeatures } from './features.js';
import type { ScoreOptions, SentimentModel, SentimentResult, SentimentTokens } from './types.js';

// Codes that say "no language detected" rather than "another language": X uses
// qme/qht/qam/qst/zxx/art for emoji-, hashtag- or mention-only posts.
const NO_LANGUAGE = new Set(['und', 'qme', 'qht', 'qam', 'qst', 'zxx', 'art']);

const scratch: number[] = [];

/** True when `lang` is unknown or English, i.e. the English model applies. */
export function isMaybeEnglish(lang: string | null | undefined): boolean {
  if (lang === null || lang === undefined || lang === '') return true;
  const code = lang.toLowerCase();
  return code === 'en' || code.startsWith('en-') || NO_LANGUAGE.has(code);
}

/** Token values and types from a wink-nlp doc (tokeniser-only or full pipeline). */
export function readSentimentTokens(doc: NlpDocument): SentimentTokens {
  const tokens = doc.tokens();
  return { values: tokens.out(its.value), types: tokens.out(its.type) };
}

/** Score raw text; tokenises with the fast tokeniser-only wink instance. */
export function scoreSentiment(model: SentimentModel, text: string, options: ScoreOptions = {}): SentimentResult {
  if (!isMaybeEnglish(options.lang)) return neutralResult();
  return scoreTokens(model, readSentimentTokens(getTokenizer().readDoc(text)), options);
}

/** Score a doc the caller already read (shared with topic extraction). */
export function scoreDoc(model: SentimentModel, doc: NlpDocument, options: ScoreOptions = {}): SentimentResult {
  if (!isMaybeEnglish(options.lang)) return neutralResult();
  return scoreTokens(model, readSentimentTokens(doc), options);
}

/** Score already-extracted tokens. */
export function scoreTokens(model: SentimentModel, tokens: SentimentTokens, options: ScoreOptions = {}): SentimentResult {
  if (!isMaybeEnglish(options.lang)) return neutralResult();
  const probs = predictProbs(model, extractFeatures(tokens, model.settings, scratch));
  const [neg = 0, neu = 0, pos = 0] = probs;
  const best = pos > neg && pos > neu ? 'positive' : neg > neu ? 'negative' : 'neutral';
  return { score: pos - neg, label: best, probs: { negative: neg, neutral: neu, positive: pos } };
}

/** Softmax class probabilities for a list of bucket ids. */
export function predictProbs(model: SentimentModel, features: readonly number[]): number[] {
  const classes = model.labels.length;
  const logits = Array.from(model.bias);
  for (const f of features) {
    const base = f * classes;
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + (model.weights[base + c] ?? 0);
  }
  return softmax(logits);
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

function neutralResult(): SentimentResult {
  return { score: 0, label: 'neutral', probs: { negative: 0, neutral: 1, positive: 0 } };
}
