// The complaint model on disk: a JSON header (settings, bias, dense weights, threshold)
// and int8-quantised bucket weights packed as the sentiment model's are.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { floatWeights, packBuckets, unpackBuckets, type PackedBuckets } from '../sentiment/model-file.js';
import type { ComplaintModel, ComplaintSettings } from './types.js';
import { defaultConceptSpace } from '../vectors/concepts.js';

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

export function decodeComplaintModel(file: ComplaintModelFile, kind = 'complaint'): ComplaintModel {
  if (file.format !== `earshot-${kind}/1`) throw new Error(`unsupported ${kind} model format: ${file.format}`);
  return {
    ...(file.settings.meaning ? { space: defaultConceptSpace() } : {}),
    version: file.version, settings: file.settings, threshold: file.threshold, sentimentCut: file.sentimentCut,
    bias: Float32Array.from(file.bias), dense: Float32Array.from(file.dense),
    weights: unpackBuckets(file, 2, file.settings.bucketBits), weightScale: file.scale,
  };
}

/**
 * Packs a trained binary model (`kind` names its format and version: the safety and irony
 * heads are laid out as the complaint model is). Its version is derived from its content only (no date), so
 * training twice on the same data gives the same file and the same version id.
 */
export function encodeComplaintModel(model: Omit<ComplaintModel, 'version'>, trainedOn: string[], kind = 'complaint'): ComplaintModelFile {
  const packed = packBuckets(floatWeights(model), 2);
  const bias = Array.from(model.bias, round6);
  const dense = Array.from(model.dense, round6);
  const threshold = round6(model.threshold);
  const sentimentCut = round6(model.sentimentCut);
  // the vectors a model reads are part of what it is: new vectors, new version
  const vectors = model.settings.meaning ? model.space?.vectors.version ?? defaultConceptSpace().vectors.version : null;
  const digest = createHash('sha256').update(JSON.stringify({ settings: model.settings, bias, dense, threshold, sentimentCut, vectors }))
    .update(packed.index).update(packed.weights).digest('hex').slice(0, 10);
  return { format: `earshot-${kind}/1`, version: `${kind}-${digest}`, settings: model.settings, bias, dense, threshold, sentimentCut, trainedOn, ...packed };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
