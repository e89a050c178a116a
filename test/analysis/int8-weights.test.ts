import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPLAINT_MODEL_PATH, decodeComplaintModel, type ComplaintModelFile } from '../../src/analysis/complaint/model-file.js';
import { DEFAULT_INTENT_MODEL_PATH, decodeIntentModel, type IntentModelFile } from '../../src/analysis/intent/model-file.js';
import { DEFAULT_LANGUAGES_PATH, decodeLanguageModels, type LanguagesFile } from '../../src/analysis/language/models.js';
import { DEFAULT_SAFETY_MODEL_PATH } from '../../src/analysis/safety/model-file.js';
import { DEFAULT_IRONY_MODEL_PATH } from '../../src/analysis/irony/score.js';
import { DEFAULT_MODEL_PATH, decodeModel, floatWeights, weightAt, type ModelFile, type PackedBuckets } from '../../src/analysis/sentiment/model-file.js';

// Issue 26: the bucket weights stay int8 in memory (a quarter of the dense float32 tables),
// and every weight read is the float32 the old dense table held: the same outputs by construction.

/** The dense float32 table as the loader used to build it. */
function expandedAsBefore(file: PackedBuckets, classes: number, bucketBits: number): Float32Array {
  const weights = new Float32Array((1 << bucketBits) * classes);
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
    for (let c = 0; c < classes; c++) weights[bucket * classes + c] = (packed[k * classes + c] ?? 0) * file.scale;
  }
  return weights;
}

function expectSameWeights(model: { weights: Float32Array | Int8Array; weightScale?: number }, before: Float32Array): void {
  expect(model.weights).toBeInstanceOf(Int8Array);
  expect(model.weights.length).toBe(before.length);
  const floats = floatWeights(model);
  let differ = 0;
  // (a loop: toEqual on millions of elements takes minutes)
  for (let i = 0; i < before.length; i++) if (weightAt(model, i) !== before[i] || floats[i] !== before[i]) differ++;
  expect(differ).toBe(0);
}

const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('int8 weights in memory', () => {
  it('read as the float32 weights the dense tables held: sentiment and every language', () => {
    const file = json<ModelFile>(DEFAULT_MODEL_PATH);
    expectSameWeights(decodeModel(file), expandedAsBefore(file, file.labels.length, file.settings.bucketBits));
    const languages = json<LanguagesFile>(DEFAULT_LANGUAGES_PATH);
    const decoded = decodeLanguageModels(languages);
    for (const [code, model] of Object.entries(languages.sentiment)) {
      expectSameWeights(decoded.sentiment.get(code)!, expandedAsBefore(model, model.labels.length, model.settings.bucketBits));
    }
  });

  it('read as the float32 weights the dense tables held: complaint, safety, irony and both intent heads (interleaved)', () => {
    for (const [kind, path] of [['complaint', DEFAULT_COMPLAINT_MODEL_PATH], ['safety', DEFAULT_SAFETY_MODEL_PATH], ['irony', DEFAULT_IRONY_MODEL_PATH]] as const) {
      const file = json<ComplaintModelFile>(path);
      expectSameWeights(decodeComplaintModel(file, kind), expandedAsBefore(file, 2, file.settings.bucketBits));
    }
    const file = json<IntentModelFile>(DEFAULT_INTENT_MODEL_PATH);
    const joint = decodeIntentModel(file).joint!;
    const heads = [file.question, file.suggestion].map((head) => expandedAsBefore(head, 2, head.settings.bucketBits));
    expect(joint.weights).toBeInstanceOf(Int8Array);
    let differ = 0;
    for (let i = 0; i < joint.weights.length; i++) {
      const head = (i >> 1) & 1;
      const before = heads[head]![(i >> 2) * 2 + (i & 1)];
      if (weightAt({ weights: joint.weights, weightScale: joint.scales[head] }, i) !== before) differ++;
    }
    expect(differ).toBe(0);
  });
});
