// Scoring: features → logits → softmax. Kept allocation-light because the
// pipeline scores every mention and the benchmark target is ≥ 20k docs/s.
import { getTokenizer, its } from '../nlp.js';
import type { NlpDocument } from '../nlp.js';
import { NEGATORS, extractFeatures } from './features.js';
import type { ScoreOptions, SentimentModel, SentimentResult, SentimentTokens } from './types.js';

// Codes that say "no language detected" rather than "another language": X uses
// qme/qht/qam/qst/zxx/art for emoji-, hashtag- or mention-only posts.
const NO_LANGUAGE = new Set(['und', 'qme', 'qht', 'qam', 'qst', 'zxx', 'art']);

const scratch: number[] = [];
const wordScratch: number[] = [];
/** Logit margin (bias excluded) by which a word alone must favour negative to be flipped when negated. */
const NEGATIVE_WORD_MARGIN = 0.7;

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
  return scoreFeatures(model, tokens, extractFeatures(tokens, model.settings, scratch));
}

/** Score tokens whose features (`extractFeatures` with the model's settings) the caller has already extracted. */
export function scoreFeatures(model: SentimentModel, tokens: SentimentTokens, features: readonly number[]): SentimentResult {
  const probs = predictProbs(model, features);
  if (probs[0] === Math.max(...probs) && isNegatedNegativeWord(model, tokens)) probs.reverse();
  const [neg = 0, neu = 0, pos = 0] = probs;
  const best = pos > neg && pos > neu ? 'positive' : neg > neu ? 'negative' : 'neutral';
  return { score: pos - neg, label: best, probs: { negative: neg, neutral: neu, positive: pos } };
}

/**
 * "not bad" / "isn't bad": a negator and one word whose own weights clearly say
 * negative, with no other words. Only ~11 training tweets contain such a pair, so
 * the learned negated-word weights don't flip it; the caller then swaps P(neg) and P(pos).
 */
function isNegatedNegativeWord(model: SentimentModel, tokens: SentimentTokens): boolean {
  const words: string[] = [];
  for (let i = 0; i < tokens.values.length; i++) {
    const type = tokens.types[i];
    if (type === 'punctuation') continue;
    if (type !== 'word' || words.length === 3) return false;
    words.push(tokens.values[i] ?? '');
  }
  const negator = (words[words.length - 2] ?? '').toLowerCase().replaceAll('’', "'");
  // "isn't" arrives as "is" + "n't"; otherwise the negator must be the first word
  if (!NEGATORS.has(negator) || (words.length === 3 && negator !== "n't")) return false;
  const word = words[words.length - 1] ?? '';
  const alone = predictProbs(model, extractFeatures({ values: [word], types: ['word'] }, model.settings, wordScratch));
  const [neg = 0, neu = 0, pos = 0] = alone.map((p, c) => Math.log(p) - (model.bias[c] ?? 0));
  return neg - Math.max(neu, pos) >= NEGATIVE_WORD_MARGIN;
}

/** Softmax class probabilities for a list of bucket ids. */
export function predictProbs(model: SentimentModel, features: readonly number[]): number[] {
  const classes = model.labels.length;
  const logits = Array.from(model.bias);
  const { weights } = model;
  const scale = model.weightScale ?? 1;
  for (const f of features) {
    const base = f * classes;
    // weightAt, inlined
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + Math.fround((weights[base + c] ?? 0) * scale);
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
