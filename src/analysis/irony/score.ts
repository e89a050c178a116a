// Irony: P(the post says the opposite of what it means), a binary head laid out as the
// complaint model, reading the complaint cues (with the praise-plus-problem contrast
// cue), the sentiment and complaint probabilities and the word-vector meaning features.
// It is the signal the sarcasm rule needs (analyze-mention.ts): praise words around a
// negative situation, in a post that reads as ironic, are a complaint, never praise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeComplaintModel, type ComplaintModelFile } from '../complaint/model-file.js';
import { complaintProbability, extractComplaintFeatures } from '../complaint/score.js';
import type { ComplaintModel } from '../complaint/types.js';
import { safetyDense } from '../safety/score.js';
import { isMaybeEnglish } from '../sentiment/score.js';
import type { SentimentResult, SentimentTokens } from '../sentiment/types.js';
import { meaningFor } from '../vectors/concepts.js';

export type IronyModel = ComplaintModel;

export const DEFAULT_IRONY_MODEL_PATH = fileURLToPath(new URL('../../../models/irony-v1.json', import.meta.url));

export function loadIronyModel(path: string = DEFAULT_IRONY_MODEL_PATH): IronyModel {
  return decodeComplaintModel(JSON.parse(readFileSync(path, 'utf8')) as ComplaintModelFile, 'irony');
}

const scratch: number[] = [];
const denseScratch: number[] = [];

/** The dense inputs are the safety head's: P(negative), P(positive), P(complaint), then meaning. */
export function ironyProbability(
  model: IronyModel, tokens: SentimentTokens, sentiment: Pick<SentimentResult, 'probs'>, complaint: number,
  options: { lang?: string | null; meaning?: readonly number[]; praiseContrast?: boolean } = {},
): number {
  if (!isMaybeEnglish(options.lang)) return 0;
  return complaintProbability(model, extractComplaintFeatures(tokens, model.settings, scratch, undefined, options.praiseContrast),
    safetyDense(sentiment, complaint, meaningFor(model, tokens, options.meaning, model.version), denseScratch));
}
