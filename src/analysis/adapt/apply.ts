// An adaptation applied to the base models: the same kind of model with changed weights,
// so scoring (analyze-mention.ts) needs no second code path.
import type { ComplaintModel } from '../complaint/types.js';
import type { AnalysisModels } from '../models.js';
import { floatWeights } from '../sentiment/model-file.js';
import type { SentimentModel } from '../sentiment/types.js';
import type { Adaptation, ModelDelta } from './types.js';

/** Dense weights, bias and dense-input weights of a linear model with `delta` folded in. */
export function applyDelta(
  base: { bias: Float32Array; weights: Float32Array | Int8Array; weightScale?: number; dense?: Float32Array }, delta: ModelDelta,
): { bias: Float32Array; weights: Float32Array; weightScale: 1; dense: Float32Array } {
  const k = 1 + delta.scale;
  const classes = delta.classes;
  const bias = Float32Array.from(base.bias, (b, c) => k * b + (delta.bias[c] ?? 0));
  const baseWeights = floatWeights(base);
  const weights = k === 1 ? Float32Array.from(baseWeights) : Float32Array.from(baseWeights, (w) => k * w);
  const dense = Float32Array.from(base.dense ?? [], (w, i) => k * w + (delta.dense[i] ?? 0));
  const buckets = weights.length / classes;
  const step = 2 ** delta.bits;
  delta.buckets.forEach((b, i) => {
    // a folded (residual) bucket adds to every base bucket that folds onto it
    for (let full = b; full < buckets; full += step) {
      for (let c = 0; c < classes; c++) weights[full * classes + c]! += delta.weights[i * classes + c] ?? 0;
    }
  });
  return { bias, weights, weightScale: 1, dense };
}

export function adaptSentiment(base: SentimentModel, delta: ModelDelta | null): SentimentModel {
  if (!delta) return base;
  const { bias, weights, weightScale } = applyDelta(base, delta);
  return { ...base, bias, weights, weightScale };
}

export function adaptComplaint(base: ComplaintModel, delta: ModelDelta | null): ComplaintModel {
  if (!delta) return base;
  return { ...base, ...applyDelta(base, delta), threshold: delta.threshold ?? base.threshold, sentimentCut: delta.sentimentCut ?? base.sentimentCut };
}

/** The models an analysis with `adaptation` uses, under the adaptation's own version id. */
export function applyAdaptation(base: AnalysisModels, adaptation: Adaptation): AnalysisModels {
  if (adaptation.base !== base.version) throw new Error(`adaptation ${adaptation.version} was fitted on ${adaptation.base}, not ${base.version}`);
  return {
    sentiment: { ...adaptSentiment(base.sentiment, adaptation.sentiment), version: base.sentiment.version },
    complaint: { ...adaptComplaint(base.complaint, adaptation.complaint), version: base.complaint.version },
    safety: base.safety,
    irony: base.irony,
    intent: base.intent,
    // the other languages' models are not adapted: a brand's own labels are read in English
    ...(base.languages ? { languages: base.languages } : {}),
    version: adaptation.version,
  };
}
