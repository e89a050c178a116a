// The base models' version ids without decoding the models or loading the NLP pipeline,
// for commands (status) that only name them.
import { readFileSync } from 'node:fs';
import { DEFAULT_COMPLAINT_MODEL_PATH } from './complaint/model-file.js';
import { LANGUAGE_COMPLAINT_VERSION } from './language/complaint.js';
import { DEFAULT_LANGUAGES_PATH } from './language/model-path.js';
import type { ModelPaths } from './models.js';
import { DEFAULT_INTENT_MODEL_PATH } from './intent/model-file.js';
import { DEFAULT_IRONY_MODEL_PATH } from './irony/score.js';
import { DEFAULT_SAFETY_MODEL_PATH } from './safety/model-file.js';
import { DEFAULT_MODEL_PATH } from './sentiment/model-file.js';

/** `<sentiment>+<complaint>+<safety>+<irony>+<intent>+<languages version>`, as loadAnalysisModels names the models. */
export function readBaseVersion(paths: ModelPaths = {}): string {
  const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  return `${version(paths.modelPath ?? DEFAULT_MODEL_PATH)}+${version(paths.complaintModelPath ?? DEFAULT_COMPLAINT_MODEL_PATH)}+${version(paths.safetyModelPath ?? DEFAULT_SAFETY_MODEL_PATH)}+${version(paths.ironyModelPath ?? DEFAULT_IRONY_MODEL_PATH)}+${version(paths.intentModelPath ?? DEFAULT_INTENT_MODEL_PATH)}`
    + `+${version(paths.languagesModelPath ?? DEFAULT_LANGUAGES_PATH)}+${LANGUAGE_COMPLAINT_VERSION}`;
}
