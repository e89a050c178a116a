// Scoring safety: hashed words and safety cues, plus the sentiment probabilities, the
// complaint probability and the word-vector meaning features → P(harm or risk of harm).
import { extractFeatures } from '../sentiment/features.js';
import { meaningFor } from '../vectors/concepts.js';
import { isMaybeEnglish } from '../sentiment/score.js';
import type { SentimentResult, SentimentTokens } from '../sentiment/types.js';
import { complaintProbability } from '../complaint/score.js';
import type { ComplaintModel, ComplaintSettings } from '../complaint/types.js';
import { appendSafetyCueFeatures } from './cues.js';

/** Laid out as the complaint model (a binary logistic head); `cues` are the safety cues. */
export type SafetyModel = ComplaintModel;
export type SafetySettings = ComplaintSettings;

export interface SafetyResult {
  /** P(safety), 0–1. */
  score: number;
  safety: boolean;
}

/** The dense inputs: P(negative), P(positive), P(complaint), then the meaning features. */
export const SAFETY_DENSE_HEAD = ['sentimentNegative', 'sentimentPositive', 'complaint'] as const;

export function extractSafetyFeatures(tokens: SentimentTokens, settings: SafetySettings, out: number[] = [], wordFeatures?: readonly number[]): number[] {
  if (wordFeatures) {
    out.length = 0;
    for (let i = 0; i < wordFeatures.length; i++) out.push(wordFeatures[i]!);
  } else {
    extractFeatures(tokens, settings, out);
  }
  if (settings.cues) appendSafetyCueFeatures(tokens.values, tokens.types, (1 << settings.bucketBits) - 1, out, tokens.words, settings.cueContext === true);
  return out;
}

export function safetyDense(sentiment: Pick<SentimentResult, 'probs'>, complaint: number, meaning: readonly number[] | undefined, out: number[] = []): number[] {
  out.length = 0;
  out.push(sentiment.probs.negative, sentiment.probs.positive, complaint);
  if (meaning) for (let i = 0; i < meaning.length; i++) out.push(meaning[i]!);
  return out;
}

const scratch: number[] = [];
const denseScratch: number[] = [];

/** A mention in another language is not scored (0), as sentiment leaves it neutral. */
export function scoreSafetyTokens(
  model: SafetyModel, tokens: SentimentTokens, sentiment: Pick<SentimentResult, 'probs'>, complaint: number,
  options: { lang?: string | null; wordFeatures?: readonly number[]; meaning?: readonly number[] } = {},
): SafetyResult {
  if (!isMaybeEnglish(options.lang)) return { score: 0, safety: false };
  const meaning = meaningFor(model, tokens, options.meaning, model.version);
  const p = complaintProbability(model, extractSafetyFeatures(tokens, model.settings, scratch, options.wordFeatures),
    safetyDense(sentiment, complaint, meaning, denseScratch));
  return { score: p, safety: p >= model.threshold };
}
