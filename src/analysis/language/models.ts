// Sentiment models for languages other than English, one hashed-feature logistic model
// per language in one file (models/languages-v1.json). Each reads `splitWords` tokens
// with the English model's feature extraction (lowercase words, negation scope, emoji,
// marks, optional char n-grams), its own settings stored beside its weights.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeModel, type ModelFile } from '../sentiment/model-file.js';
import { extractFeatures } from '../sentiment/features.js';
import { predictProbs } from '../sentiment/score.js';
import type { SentimentModel, SentimentResult } from '../sentiment/types.js';
import { LANGUAGE_COMPLAINT_VERSION } from './complaint.js';
import { DEFAULT_LANGUAGES_PATH } from './model-path.js';
import { splitWords } from './tokens.js';

export const LANGUAGES_FORMAT = 'earshot-languages/1';
export { DEFAULT_LANGUAGES_PATH };

export interface LanguagesFile {
  format: string;
  version: string;
  /** ISO 639-1 code → its sentiment model. */
  sentiment: Record<string, ModelFile>;
}

export interface LanguageModels {
  version: string;
  sentiment: ReadonlyMap<string, SentimentModel>;
}

export function loadLanguageModels(path: string = DEFAULT_LANGUAGES_PATH): LanguageModels {
  return decodeLanguageModels(JSON.parse(readFileSync(path, 'utf8')) as LanguagesFile);
}

export function decodeLanguageModels(file: LanguagesFile): LanguageModels {
  if (file.format !== LANGUAGES_FORMAT) throw new Error(`unsupported language model format: ${file.format}`);
  const sentiment = new Map(Object.entries(file.sentiment).map(([code, model]) => [code, decodeModel(model)]));
  // the cue scorer (complaint.ts) is read with these models: its version is theirs too
  return { version: `${file.version}+${LANGUAGE_COMPLAINT_VERSION}`, sentiment };
}

/** The file for a set of per-language models; its version is a hash of their versions. */
export function encodeLanguageModels(sentiment: Record<string, ModelFile>, date: Date): LanguagesFile {
  const codes = Object.keys(sentiment).sort();
  const digest = createHash('sha256').update(codes.map((c) => `${c}:${sentiment[c]?.version}`).join(',')).digest('hex').slice(0, 8);
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  return { format: LANGUAGES_FORMAT, version: `languages-${day}-${digest}`, sentiment: Object.fromEntries(codes.map((c) => [c, sentiment[c] as ModelFile])) };
}

const scratch: number[] = [];

/** Sentiment of a text in a language with a model. */
export function scoreLanguageSentiment(model: SentimentModel, text: string): SentimentResult {
  const tokens = splitWords(text);
  const [neg = 0, neu = 0, pos = 0] = predictProbs(model, extractFeatures(tokens, model.settings, scratch));
  const label = pos > neg && pos > neu ? 'positive' : neg > neu ? 'negative' : 'neutral';
  return { score: pos - neg, label, probs: { negative: neg, neutral: neu, positive: pos } };
}
