import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeComplaintModel, type ComplaintModelFile } from '../complaint/model-file.js';
import type { SafetyModel } from './score.js';

/** Resolves to <repo>/models/ from both src/ and dist/. */
export const DEFAULT_SAFETY_MODEL_PATH = fileURLToPath(new URL('../../../models/safety-v1.json', import.meta.url));

export function loadSafetyModel(path: string = DEFAULT_SAFETY_MODEL_PATH): SafetyModel {
  return decodeComplaintModel(JSON.parse(readFileSync(path, 'utf8')) as ComplaintModelFile, 'safety');
}
