// The complaint model on disk: a JSON header (settings, bias, dense weights, threshold)
// and int8-quantised bucket weights packed as the sentiment model's are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { packBuckets, unpackBuckets, type PackedBuckets } from '../sentiment/model-file.js';
import type { ComplaintModel, ComplaintSettings } from './types.js';

export const COMPLAINT_FORMAT = 'earshot-complaint/1';

/** Resolves to <repo>/models/ from both src/ and dist/. */
export const DEFAULT_COMPLAINT_MODEL_PATH = fileURLToPath(new URL('../../../models/complaint-v1.json', import.meta.url));

export interface ComplaintModelFile extends PackedBuckets {
  format: string;
  version: string;
  settings: ComplaintSettings;
  bias: number[];
  dense: number[];
  threshold: number;
  sentimentCut: number;
  /** How it was trained, for people reading the file. */
  trainedOn: string[];
}

export function loadComplaintModel(path: string = DEFAULT_COMPLAINT_MODEL_PATH): ComplaintModel {
  return decodeComplaintModel(JSON.parse(readFileSync(path, 'utf8')) as ComplaintModelFile);
}

export function decodeComplaintModel(file: ComplaintModelFile): ComplaintModel {
  if (file.format !== COMPLAINT_FORMAT) throw new Error(`unsupported complaint model format: ${file.format}`);
  return {
    version: file.version, settings: file.settings, threshold: file.threshold, sentimentCut: file.sentimentCut,
    bias: Float32Array.from(file.bias), dense: Float32Array.from(file.dense),
    weights: unpackBuckets(file, 2, file.settings.bucketBits),
  };
}

/**
 * Packs a trained model. Its version is derived from its content only (no date), so
 * training twice on the same data gives the same file and the same version id.
 */
export function encodeComplaintModel(model: Omit<ComplaintModel, 'version'>, trainedOn: string[]): ComplaintModelFile {
  const packed = packBuckets(model.weights, 2);
  const bias = Array.from(model.bias, round6);
  const dense = Array.from(model.dense, round6);
  const threshold = round6(model.threshold);
  const sentimentCut = round6(model.sentimentCut);
  const digest = createHash('sha256').update(JSON.stringify({ settings: model.settings, bias, dense, threshold, sentimentCut }))
    .update(packed.index).update(packed.weights).digest('hex').slice(0, 10);
  return { format: COMPLAINT_FORMAT, version: `complaint-${digest}`, settings: model.settings, bias, dense, threshold, sentimentCut, trainedOn, ...packed };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
