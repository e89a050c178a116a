// Scoring a complaint: hashed words and cues plus the sentiment probabilities → P(complaint).
import { extractFeatures } from '../sentiment/features.js';
import { meaningFor } from '../vectors/concepts.js';
import type { SentimentResult, SentimentTokens } from '../sentiment/types.js';
import { isMaybeEnglish } from '../sentiment/score.js';
import { appendCueFeatures } from './cues.js';
import type { ComplaintModel, ComplaintResult, ComplaintSettings } from './types.js';

const scratch: number[] = [];

/**
 * Hashed feature ids of a text's tokens for the complaint model (repeats allowed).
 * `wordFeatures`, when given, are `extractFeatures(tokens, settings)` already extracted
 * (the sentiment model's, with the same settings): they are copied instead of extracted
 * again, unless mentions have to be left out first. `praiseContrast`, when given, is
 * hasPraiseContrast of `tokens`, already read (used unless mentions are left out).
 */
export function extractComplaintFeatures(
  tokens: SentimentTokens, settings: ComplaintSettings, out: number[] = [], wordFeatures?: readonly number[], praiseContrast?: boolean,
): number[] {
  const used = settings.mentions === false ? withoutMentions(tokens) : tokens;
  if (wordFeatures && used === tokens) {
    out.length = 0;
    for (let i = 0; i < wordFeatures.length; i++) out.push(wordFeatures[i]!);
  } else {
    extractFeatures(used, settings, out);
  }
  const contrast = used === tokens ? praiseContrast : undefined;
  if (settings.cues) appendCueFeatures(used.values, used.types, (1 << settings.bucketBits) - 1, out, settings.contrast === true, contrast, used.words);
  return out;
}

function withoutMentions(tokens: SentimentTokens): SentimentTokens {
  if (!tokens.types.includes('mention')) return tokens;
  const keep = tokens.types.map((t) => t !== 'mention');
  const words = tokens.words?.filter((_, i) => keep[i]);
  return { values: tokens.values.filter((_, i) => keep[i]), types: tokens.types.filter((_, i) => keep[i]), ...(words ? { words } : {}) };
}

/**
 * The dense inputs (COMPLAINT_DENSE order) from a sentiment result, then the meaning
 * features when the model reads them (`meaning`, from denseMeaning).
 */
export function complaintDense(sentiment: Pick<SentimentResult, 'probs'>, meaning?: readonly number[], out: number[] = []): number[] {
  out.length = 0;
  out.push(sentiment.probs.negative, sentiment.probs.positive);
  if (meaning) for (let i = 0; i < meaning.length; i++) out.push(meaning[i]!);
  return out;
}
const denseScratch: number[] = [];

/** P(complaint) from feature ids and dense inputs. */
export function complaintProbability(model: ComplaintModel, features: readonly number[], dense: readonly number[]): number {
  let l0 = model.bias[0] ?? 0;
  let l1 = model.bias[1] ?? 0;
  const { weights } = model;
  const scale = model.weightScale ?? 1;
  for (const f of features) {
    // weightAt, inlined
    l0 += Math.fround((weights[f * 2] ?? 0) * scale);
    l1 += Math.fround((weights[f * 2 + 1] ?? 0) * scale);
  }
  for (let d = 0; d < dense.length; d++) {
    l0 += (dense[d] ?? 0) * (model.dense[d * 2] ?? 0);
    l1 += (dense[d] ?? 0) * (model.dense[d * 2 + 1] ?? 0);
  }
  return 1 / (1 + Math.exp(l0 - l1));
}

/**
 * Scores already-read tokens with the sentiment result of the same text (and, to save
 * extracting them again, `wordFeatures`: see extractComplaintFeatures). A mention in
 * another language is not scored (0), as sentiment leaves it neutral.
 */
export function scoreComplaintTokens(
  model: ComplaintModel, tokens: SentimentTokens, sentiment: Pick<SentimentResult, 'probs'>,
  options: { lang?: string | null; wordFeatures?: readonly number[]; meaning?: readonly number[]; praiseContrast?: boolean } = {},
): ComplaintResult {
  if (!isMaybeEnglish(options.lang)) return { score: 0, complaint: false };
  const meaning = meaningFor(model, tokens, options.meaning, model.version);
  const dense = complaintDense(sentiment, meaning, denseScratch);
  const p = complaintProbability(model, extractComplaintFeatures(tokens, model.settings, scratch, options.wordFeatures, options.praiseContrast), dense);
  return { score: p, complaint: p >= model.threshold };
}
