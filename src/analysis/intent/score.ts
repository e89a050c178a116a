// Scoring intent: two binary heads laid out as the complaint model, reading the same
// features (hashed words, intent cues, the sentiment and complaint probabilities and the
// word-vector meaning features) → P(question) and P(suggestion).
import { extractFeatures } from '../sentiment/features.js';
import { isMaybeEnglish } from '../sentiment/score.js';
import type { SentimentResult, SentimentTokens } from '../sentiment/types.js';
import { complaintProbability } from '../complaint/score.js';
import { floatWeights } from '../sentiment/model-file.js';
import type { ComplaintModel, ComplaintSettings } from '../complaint/types.js';
import { meaningFor } from '../vectors/concepts.js';
import { appendIntentCueFeatures } from './cues.js';

export type IntentSettings = ComplaintSettings;
/** One head: a binary logistic model (complaint layout) with its own threshold. */
export type IntentHead = ComplaintModel;

/** Both heads, trained with the same feature settings; `version` names the pair. */
export interface IntentModel {
  version: string;
  question: IntentHead;
  suggestion: IntentHead;
  /**
   * Both heads' weights interleaved, [bucket * 4 + head * 2 + class] (and the dense ones
   * alike), built at load: one memory read per feature scores both heads. Int8 as the
   * heads' are when loaded, read with each head's scale (weightAt).
   */
  joint?: { weights: Float32Array | Int8Array; scales: readonly [number, number]; dense: Float32Array };
}

export interface IntentResult {
  /** P(question), 0–1. */
  questionScore: number;
  question: boolean;
  /** P(suggestion), 0–1. */
  suggestionScore: number;
  suggestion: boolean;
}

export function extractIntentFeatures(tokens: SentimentTokens, settings: IntentSettings, out: number[] = [], wordFeatures?: readonly number[]): number[] {
  if (wordFeatures) {
    out.length = 0;
    for (let i = 0; i < wordFeatures.length; i++) out.push(wordFeatures[i]!);
  } else {
    extractFeatures(tokens, settings, out);
  }
  if (settings.cues) appendIntentCueFeatures(tokens.values, tokens.types, (1 << settings.bucketBits) - 1, out, tokens.words);
  return out;
}

/** The dense inputs: P(negative), P(positive), P(complaint), then the meaning features. */
export function intentDense(sentiment: Pick<SentimentResult, 'probs'>, complaint: number, meaning: readonly number[] | undefined, out: number[] = []): number[] {
  out.length = 0;
  out.push(sentiment.probs.negative, sentiment.probs.positive, complaint);
  if (meaning) for (let i = 0; i < meaning.length; i++) out.push(meaning[i]!);
  return out;
}

const NONE: IntentResult = { questionScore: 0, question: false, suggestionScore: 0, suggestion: false };
const scratch: number[] = [];
const denseScratch: number[] = [];

/** A mention in another language is not scored (0), as sentiment leaves it neutral. */
export function scoreIntentTokens(
  model: IntentModel, tokens: SentimentTokens, sentiment: Pick<SentimentResult, 'probs'>, complaint: number,
  options: { lang?: string | null; wordFeatures?: readonly number[]; meaning?: readonly number[] } = {},
): IntentResult {
  if (!isMaybeEnglish(options.lang)) return NONE;
  const head = model.question;
  const meaning = meaningFor(head, tokens, options.meaning, model.version);
  const features = extractIntentFeatures(tokens, head.settings, scratch, options.wordFeatures);
  const dense = intentDense(sentiment, complaint, meaning, denseScratch);
  const [questionScore, suggestionScore] = model.joint ? jointProbabilities(model, model.joint, features, dense)
    : [complaintProbability(model.question, features, dense), complaintProbability(model.suggestion, features, dense)];
  return { questionScore, question: questionScore >= model.question.threshold, suggestionScore, suggestion: suggestionScore >= model.suggestion.threshold };
}

/** Interleaves two heads' weights (see IntentModel.joint). */
export function joinHeads(question: IntentHead, suggestion: IntentHead): NonNullable<IntentModel['joint']> {
  const interleave = <T extends Float32Array | Int8Array>(a: T, b: T, out: T) => {
    for (let i = 0; i < a.length / 2; i++) {
      out[i * 4] = a[i * 2]!; out[i * 4 + 1] = a[i * 2 + 1]!; out[i * 4 + 2] = b[i * 2]!; out[i * 4 + 3] = b[i * 2 + 1]!;
    }
    return out;
  };
  const dense = interleave(question.dense, suggestion.dense, new Float32Array(question.dense.length * 2));
  const [q, s] = [question.weights, suggestion.weights];
  if (q instanceof Int8Array && s instanceof Int8Array) {
    return { weights: interleave(q, s, new Int8Array(q.length * 2)), scales: [question.weightScale ?? 1, suggestion.weightScale ?? 1], dense };
  }
  return { weights: interleave(floatWeights(question), floatWeights(suggestion), new Float32Array(q.length * 2)), scales: [1, 1], dense };
}

/** P(question) and P(suggestion) in one pass over the features: as complaintProbability on each head. */
function jointProbabilities(model: IntentModel, joint: NonNullable<IntentModel['joint']>, features: readonly number[], dense: readonly number[]): [number, number] {
  let q0 = model.question.bias[0] ?? 0;
  let q1 = model.question.bias[1] ?? 0;
  let s0 = model.suggestion.bias[0] ?? 0;
  let s1 = model.suggestion.bias[1] ?? 0;
  const w = joint.weights;
  const [qs, ss] = joint.scales;
  for (let i = 0; i < features.length; i++) {
    const at = features[i]! * 4;
    // weightAt, inlined
    q0 += Math.fround((w[at] ?? 0) * qs); q1 += Math.fround((w[at + 1] ?? 0) * qs);
    s0 += Math.fround((w[at + 2] ?? 0) * ss); s1 += Math.fround((w[at + 3] ?? 0) * ss);
  }
  const d = joint.dense;
  for (let i = 0; i < dense.length; i++) {
    const x = dense[i] ?? 0;
    q0 += x * (d[i * 4] ?? 0); q1 += x * (d[i * 4 + 1] ?? 0); s0 += x * (d[i * 4 + 2] ?? 0); s1 += x * (d[i * 4 + 3] ?? 0);
  }
  return [1 / (1 + Math.exp(q0 - q1)), 1 / (1 + Math.exp(s0 - s1))];
}
