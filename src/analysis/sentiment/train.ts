// Multinomial logistic regression over hashed features, trained with Adagrad.
// Plain TypeScript and deterministic: the same seed and data give the same weights.
import type { FeatureSettings } from './types.js';
import { seededRandom } from '../seeded-random.js';

export interface TrainingExample {
  features: Int32Array;
  /** Real-valued extra features (e.g. lexicon sums); same length for every example. */
  dense: Float32Array;
  /** 0 = negative, 1 = neutral, 2 = positive. */
  label: number;
}

export interface TrainOptions {
  settings: FeatureSettings;
  classes: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Class weight = (max class count / class count) ^ power; 1 fully balances classes. */
  classWeightPower: number;
  seed: number;
  /** Number of dense features per example. */
  denseCount: number;
}

export interface TrainedWeights {
  bias: Float32Array;
  weights: Float32Array;
  /** [dense feature * classes + class]; fold these into bucket weights before saving. */
  denseWeights: Float32Array;
}

/** Train on examples in a seeded shuffled order per epoch. */
export function trainLogistic(examples: readonly TrainingExample[], options: TrainOptions): TrainedWeights {
  const { classes } = options;
  const size = (1 << options.settings.bucketBits) * classes;
  const state = {
    weights: new Float32Array(size), gradSq: new Float32Array(size),
    bias: new Float32Array(classes), biasGradSq: new Float32Array(classes),
    dense: new Float32Array(options.denseCount * classes), denseGradSq: new Float32Array(options.denseCount * classes),
  };
  const classWeights = computeClassWeights(examples, classes, options.classWeightPower);
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const grad = new Float64Array(classes);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const example = examples[i];
      if (example) stepExample(state, example, classWeights[example.label] ?? 1, grad, options);
    }
  }
  return { bias: state.bias, weights: state.weights, denseWeights: state.dense };
}

interface TrainState {
  weights: Float32Array;
  gradSq: Float32Array;
  bias: Float32Array;
  biasGradSq: Float32Array;
  dense: Float32Array;
  denseGradSq: Float32Array;
}

function stepExample(s: TrainState, ex: TrainingExample, weight: number, grad: Float64Array, o: TrainOptions): void {
  const classes = o.classes;
  const logits = Array.from(s.bias);
  for (const f of ex.features) {
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + (s.weights[f * classes + c] ?? 0);
  }
  ex.dense.forEach((x, d) => {
    for (let c = 0; c < classes; c++) logits[c] = (logits[c] ?? 0) + x * (s.dense[d * classes + c] ?? 0);
  });
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += (grad[c] = Math.exp((logits[c] ?? 0) - max));
  for (let c = 0; c < classes; c++) grad[c] = weight * ((grad[c] ?? 0) / sum - (c === ex.label ? 1 : 0));
  for (const f of ex.features) updateRow(s.weights, s.gradSq, f * classes, 1, grad, o, o.l2);
  ex.dense.forEach((x, d) => {
    if (x !== 0) updateRow(s.dense, s.denseGradSq, d * classes, x, grad, o, o.l2);
  });
  updateRow(s.bias, s.biasGradSq, 0, 1, grad, o, 0);
}

/** Adagrad step with L2 on the weights of one feature (value `x`) for every class. */
function updateRow(
  w: Float32Array, gradSq: Float32Array, base: number, x: number, grad: Float64Array, o: TrainOptions, l2: number,
): void {
  for (let c = 0; c < o.classes; c++) {
    const k = base + c;
    const current = w[k] ?? 0;
    const g = (grad[c] ?? 0) * x + l2 * current;
    const g2 = (gradSq[k] ?? 0) + g * g;
    gradSq[k] = g2;
    w[k] = current - (o.learningRate * g) / Math.sqrt(g2 + 1e-8);
  }
}

/** Class weight = (max class count / class count) ^ power. */
export function computeClassWeights(examples: readonly { label: number }[], classes: number, power: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const ex of examples) counts[ex.label] = (counts[ex.label] ?? 0) + 1;
  const most = Math.max(...counts);
  return counts.map((n) => (n > 0 ? (most / n) ** power : 1));
}


/** Fisher–Yates in place, with a seeded random. */
export function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] ?? 0;
    items[i] = items[j] ?? 0;
    items[j] = tmp;
  }
}
