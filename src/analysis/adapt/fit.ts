// Fitting a delta over a base linear model from a few human labels. Both methods start
// from the base model's logits for each labelled text and learn only a change, with
// Adagrad and a seeded order, so the same labels give the same delta.
import { seededRandom } from '../seeded-random.js';
import { computeClassWeights, shuffle } from '../sentiment/train.js';
import type { AdaptSettings, ModelDelta } from './types.js';

export interface AdaptExample {
  /** Bucket ids of the base model's features (repeats allowed). */
  features: Int32Array | readonly number[];
  /** Dense inputs of the base model (may be empty). */
  dense: readonly number[];
  /** The base model's logits for this text (log-probabilities are fine). */
  baseLogits: readonly number[];
  label: number;
}

interface FitState {
  table: Map<number, Float64Array>;
  tableG2: Map<number, Float64Array>;
  bias: Float64Array;
  biasG2: Float64Array;
  dense: Float64Array;
  denseG2: Float64Array;
  scale: number;
  scaleG2: number;
}

const BASE_BITS = 20;

/** Fits a delta for a `classes`-class model with `denseCount` dense inputs. */
export function fitDelta(examples: readonly AdaptExample[], classes: number, denseCount: number, s: AdaptSettings): ModelDelta {
  const bits = s.method === 'residual' ? s.residualBits : BASE_BITS;
  const mask = bits >= 31 ? -1 : (1 << bits) - 1;
  const state: FitState = {
    table: new Map(), tableG2: new Map(), bias: new Float64Array(classes), biasG2: new Float64Array(classes),
    dense: new Float64Array(denseCount * classes), denseG2: new Float64Array(denseCount * classes), scale: 0, scaleG2: 0,
  };
  const weights = computeClassWeights(examples, classes, s.classWeightPower);
  const order = examples.map((_, i) => i);
  const random = seededRandom(s.seed);
  const grad = new Float64Array(classes);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) step(state, examples[i]!, weights[examples[i]!.label] ?? 1, grad, mask, s);
  }
  return toDelta(state, classes, bits);
}

/** The delta's logits for one text, given the base logits. */
export function deltaLogits(delta: ModelDelta, table: ReadonlyMap<number, readonly number[]>, ex: Omit<AdaptExample, 'label'>): number[] {
  const mask = delta.bits >= 31 ? -1 : (1 << delta.bits) - 1;
  const out = ex.baseLogits.map((l, c) => (1 + delta.scale) * l + (delta.bias[c] ?? 0));
  for (const f of ex.features) {
    const row = table.get(f & mask);
    if (row) for (let c = 0; c < delta.classes; c++) out[c]! += row[c] ?? 0;
  }
  ex.dense.forEach((x, d) => { for (let c = 0; c < delta.classes; c++) out[c]! += x * (delta.dense[d * delta.classes + c] ?? 0); });
  return out;
}

/** The delta's bucket table as a map, for deltaLogits. */
export function deltaTable(delta: ModelDelta): Map<number, number[]> {
  return new Map(delta.buckets.map((b, k) => [b, delta.weights.slice(k * delta.classes, (k + 1) * delta.classes)]));
}

function step(st: FitState, ex: AdaptExample, weight: number, grad: Float64Array, mask: number, s: AdaptSettings): void {
  const classes = st.bias.length;
  const residual = s.method === 'residual';
  const logits = new Float64Array(classes);
  for (let c = 0; c < classes; c++) logits[c] = (1 + st.scale) * (ex.baseLogits[c] ?? 0) + st.bias[c]!;
  for (const f of ex.features) {
    const row = st.table.get(f & mask);
    if (row) for (let c = 0; c < classes; c++) logits[c]! += row[c]!;
  }
  if (!residual) ex.dense.forEach((x, d) => { for (let c = 0; c < classes; c++) logits[c]! += x * st.dense[d * classes + c]!; });
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += (grad[c] = Math.exp(logits[c]! - max));
  for (let c = 0; c < classes; c++) grad[c] = weight * (grad[c]! / sum - (c === ex.label ? 1 : 0));
  for (const f of ex.features) {
    const b = f & mask;
    let row = st.table.get(b);
    let g2 = st.tableG2.get(b);
    if (!row || !g2) {
      st.table.set(b, (row = new Float64Array(classes)));
      st.tableG2.set(b, (g2 = new Float64Array(classes)));
    }
    adagrad(row, g2, 0, 1, grad, s.learningRate, s.l2);
  }
  if (!residual) ex.dense.forEach((x, d) => { if (x !== 0) adagrad(st.dense, st.denseG2, d * classes, x, grad, s.learningRate, s.l2); });
  adagrad(st.bias, st.biasG2, 0, 1, grad, s.learningRate, 0);
  if (residual) {
    let g = s.l2 * st.scale;
    for (let c = 0; c < classes; c++) g += grad[c]! * (ex.baseLogits[c] ?? 0);
    st.scaleG2 += g * g;
    st.scale -= (s.learningRate * g) / Math.sqrt(st.scaleG2 + 1e-8);
  }
}

/** Adagrad with L2 toward zero on the change (which is the pull toward the base weights). */
function adagrad(w: Float64Array, g2: Float64Array, base: number, x: number, grad: Float64Array, lr: number, l2: number): void {
  for (let c = 0; c < grad.length; c++) {
    const k = base + c;
    const g = grad[c]! * x + l2 * w[k]!;
    g2[k] = g2[k]! + g * g;
    w[k] = w[k]! - (lr * g) / Math.sqrt(g2[k]! + 1e-8);
  }
}

function toDelta(st: FitState, classes: number, bits: number): ModelDelta {
  const buckets = [...st.table.keys()].sort((a, b) => a - b);
  const weights: number[] = [];
  for (const b of buckets) for (const w of st.table.get(b)!) weights.push(round6(w));
  return {
    classes, bits, scale: round6(st.scale), bias: Array.from(st.bias, round6), dense: Array.from(st.dense, round6), buckets, weights,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
