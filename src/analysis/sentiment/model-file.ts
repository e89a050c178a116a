// The on-disk model: JSON header plus int8-quantised weights of the non-zero
// buckets, base64-encoded. Keeps the committed file well under 2 MB while a
// loaded model is a dense table of the same int8 weights, read with their scale.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SENTIMENT_LABELS } from './types.js';
import type { FeatureSettings, SentimentLabel, SentimentModel } from './types.js';

export const MODEL_FORMAT = 'earshot-sentiment/1';

/** Resolves to <repo>/models/ from both src/analysis/sentiment/ and dist/analysis/sentiment/. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/sentiment-v1.json', import.meta.url));

export interface ModelFile {
  format: string;
  version: string;
  settings: FeatureSettings;
  labels: SentimentLabel[];
  bias: number[];
  /** Weight = int8 value × scale. */
  scale: number;
  buckets: number;
  /** Bucket indices as LEB128 varint deltas, base64. */
  index: string;
  /** int8 weights, `labels.length` per stored bucket, base64. */
  weights: string;
}

/** Read and decode a model file; defaults to the committed model. */
export function loadSentimentModel(path: string = DEFAULT_MODEL_PATH): SentimentModel {
  const file = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
  return decodeModel(file);
}

export function decodeModel(file: ModelFile): SentimentModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`unsupported sentiment model format: ${file.format}`);
  const weights = unpackBuckets(file, file.labels.length, file.settings.bucketBits);
  return { version: file.version, settings: file.settings, labels: file.labels, bias: Float32Array.from(file.bias), weights, weightScale: file.scale };
}

/** int8-quantised weights of the non-zero buckets, as stored in a model file. */
export interface PackedBuckets {
  /** Weight = int8 value × scale. */
  scale: number;
  buckets: number;
  /** Bucket indices as LEB128 varint deltas, base64. */
  index: string;
  /** int8 weights, `classes` per stored bucket, base64. */
  weights: string;
}

/**
 * Dense [bucket * classes + class] int8 weights from their packed form, to be read with
 * `file.scale` (weightAt): 1 byte a weight instead of the 4 of the float32 each one is.
 */
export function unpackBuckets(file: PackedBuckets, classes: number, bucketBits: number): Int8Array {
  const weights = new Int8Array((1 << bucketBits) * classes);
  const index = Buffer.from(file.index, 'base64');
  const packed = new Int8Array(Buffer.from(file.weights, 'base64'));
  let pos = 0;
  let bucket = 0;
  for (let k = 0; k < file.buckets; k++) {
    let delta = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = index[pos++] ?? 0;
      delta += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    bucket += delta;
    for (let c = 0; c < classes; c++) weights[bucket * classes + c] = packed[k * classes + c] ?? 0;
  }
  return weights;
}

/**
 * Weight `i` of a model: its int8 × scale rounded to float32 exactly as the dense float32
 * table this replaced stored it (the same double product, then the same rounding), or
 * the float32 itself (scale 1: × 1 and fround change no float32).
 */
export function weightAt(model: { weights: Float32Array | Int8Array; weightScale?: number }, i: number): number {
  return Math.fround((model.weights[i] ?? 0) * (model.weightScale ?? 1));
}

/** A model's weights as float32 (a copy when they are int8): for training, adapting and packing. */
export function floatWeights(model: { weights: Float32Array | Int8Array; weightScale?: number }): Float32Array {
  const scale = model.weightScale ?? 1;
  return model.weights instanceof Float32Array && scale === 1 ? model.weights : Float32Array.from(model.weights, (w) => w * scale);
}

/** Quantises [bucket * classes + class] weights to int8; buckets whose weights all round to 0 are dropped. */
export function packBuckets(weights: Float32Array, classes: number): PackedBuckets {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs / 127 || 1;
  const index: number[] = [];
  const packed: number[] = [];
  let last = 0;
  for (let b = 0; b * classes < weights.length; b++) {
    const q = Array.from({ length: classes }, (_, c) => Math.round((weights[b * classes + c] ?? 0) / scale));
    if (q.every((v) => v === 0)) continue;
    writeVarint(index, b - last);
    last = b;
    packed.push(...q);
  }
  return {
    scale, buckets: packed.length / classes,
    index: Buffer.from(index).toString('base64'), weights: Buffer.from(Int8Array.from(packed).buffer).toString('base64'),
  };
}

/** Quantise and pack a trained model; buckets whose weights all round to 0 are dropped. */
export function encodeModel(model: Omit<SentimentModel, 'version'>, date: Date): ModelFile {
  const packed = packBuckets(floatWeights(model), model.labels.length);
  const digest = createHash('sha256').update(JSON.stringify(Array.from(model.bias))).update(packed.index).update(packed.weights).digest('hex').slice(0, 8);
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  return {
    format: MODEL_FORMAT, version: `sentiment-${day}-${digest}`, settings: model.settings,
    labels: [...SENTIMENT_LABELS], bias: Array.from(model.bias), ...packed,
  };
}

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}
