// Scoring intent: two binary heads laid out as the complaint model, reading the same
// features (hashed words, intent cues, the sentiment and complaint probabilities and the
// word-vector meaning features) → P(question) and P(suggestion).
import { extractFeatures } from '../sentiment/features.js';
import { isMaybeEnglish } from '../sentiment/score.js';
import type { SentimentResult, SentimentTokens } from '../sentiment/types.js';
import { complaintProbability } from '../complaint/score.js';
import type { ComplaintModel, ComplaintSettings } from '../complaint/types.js';
import { denseMeaning } from '../vectors/concepts.js';
import { appendIntentCueFeatures } from './cues.js';

export type IntentSettings = ComplaintSettings;
/** One head: a binary logistic model (complaint layout) with its own threshold. */
export type IntentHead = ComplaintModel;

/** Both heads, trained with the same feature settings; `version` names the pair. */
export interface IntentModel {
  version: string;
  question: IntentHead;
  suggestion: IntentHead;
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
  if (settings.cues) appendIntentCueFeatures(tokens.values, tokens.types, (1 << settings.bucketBits) - 1, out);
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
const meaningScratch: number[] = [];

/** A mention in another language is not scored (0), as sentiment leaves it neutral. */
export function scoreIntentTokens(
  model: IntentModel, tokens: SentimentTokens, sentiment: Pick<SentimentResult, 'probs'>, complaint: number,
  options: { lang?: string | null; wordFeatures?: readonly number[]; meaning?: readonly number[] } = {},
): IntentResult {
  if (!isMaybeEnglish(options.lang)) return NONE;
  const head = model.question;
  let meaning: readonly number[] | undefined;
  if (head.settings.meaning) {
    if (!options.meaning && !head.space) throw new Error(`${model.version} reads word-vector features, but none are loaded`);
    meaning = options.meaning ?? denseMeaning(head.space!, tokens.values, tokens.types, meaningScratch);
  }
  const features = extractIntentFeatures(tokens, head.settings, scratch, options.wordFeatures);
  const dense = intentDense(sentiment, complaint, meaning, denseScratch);
  const questionScore = complaintProbability(model.question, features, dense);
  const suggestionScore = complaintProbability(model.suggestion, features, dense);
  return { questionScore, question: questionScore >= model.question.threshold, suggestionScore, suggestion: suggestionScore >= model.suggestion.threshold };
}
