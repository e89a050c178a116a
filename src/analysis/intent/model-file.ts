// The intent model on disk: one file holding both heads, each packed as the complaint model
// is (encodeComplaintModel with kind "question" / "suggestion"); the file's version names
// the pair, so a change to either head re-scores every mention.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeComplaintModel, type ComplaintModelFile } from '../complaint/model-file.js';
import { joinHeads, type IntentModel } from './score.js';

export const INTENT_FORMAT = 'earshot-intent/1';

/** Resolves to <repo>/models/ from both src/ and dist/. */
export const DEFAULT_INTENT_MODEL_PATH = fileURLToPath(new URL('../../../models/intent-v1.json', import.meta.url));

export interface IntentModelFile {
  format: string;
  version: string;
  question: ComplaintModelFile;
  suggestion: ComplaintModelFile;
}

export function loadIntentModel(path: string = DEFAULT_INTENT_MODEL_PATH): IntentModel {
  return decodeIntentModel(JSON.parse(readFileSync(path, 'utf8')) as IntentModelFile);
}

export function decodeIntentModel(file: IntentModelFile): IntentModel {
  if (file.format !== INTENT_FORMAT) throw new Error(`unsupported intent model format: ${file.format}`);
  const question = decodeComplaintModel(file.question, 'question');
  const suggestion = decodeComplaintModel(file.suggestion, 'suggestion');
  const joint = joinHeads(question, suggestion);
  // scoring reads the joint weights only: the heads' own arrays are dropped (8 MB each)
  const empty = new Float32Array(0);
  return { version: file.version, question: { ...question, weights: empty }, suggestion: { ...suggestion, weights: empty, space: question.space }, joint };
}

/** Both packed heads in one file; the version is a hash of theirs (content only, no date). */
export function encodeIntentModel(question: ComplaintModelFile, suggestion: ComplaintModelFile): IntentModelFile {
  const digest = createHash('sha256').update(`${question.version}+${suggestion.version}`).digest('hex').slice(0, 10);
  return { format: INTENT_FORMAT, version: `intent-${digest}`, question, suggestion };
}
