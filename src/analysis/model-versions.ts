// The base models' version ids without decoding the models or loading the NLP pipeline,
// for commands (status) that only name them.
import { readFileSync } from 'node:fs';
import { DEFAULT_COMPLAINT_MODEL_PATH } from './complaint/model-file.js';
import type { ModelPaths } from './models.js';
import { DEFAULT_MODEL_PATH } from './sentiment/model-file.js';

/** `<sentiment version>+<complaint version>`, as loadAnalysisModels would name the pair. */
export function readBaseVersion(paths: ModelPaths = {}): string {
  const version = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  return `${version(paths.modelPath ?? DEFAULT_MODEL_PATH)}+${version(paths.complaintModelPath ?? DEFAULT_COMPLAINT_MODEL_PATH)}`;
}
