// Train the safety head: `npm run train:safety [-- --data DIR] [--out FILE]`.
// Harm reports (CPSC narratives cut to post length, earshot's written posts) against
// everyday posts (SemEval training tweets, the complaint sets, Amazon reviews, written
// harmless posts that use harm words). The yes/no threshold is chosen on out-of-fold
// scores of the training data only: the highest recall whose false alarms on the everyday
// sets stay within MAX_FALSE_ALARMS. Deterministic: the same data give the same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeComplaintModel } from '../analysis/complaint/model-file.js';
import { loadComplaintModel } from '../analysis/complaint/model-file.js';
import { complaintProbability } from '../analysis/complaint/score.js';
import { loadSentimentModel } from '../analysis/sentiment/model-file.js';
import { trainLogistic, type TrainingExample } from '../analysis/sentiment/train.js';
import { extractSafetyFeatures, safetyDense, type SafetyModel, type SafetySettings } from '../analysis/safety/score.js';
import { createConceptSpace } from '../analysis/vectors/concepts.js';
import { loadWordVectors } from '../analysis/vectors/word-vectors.js';
import { readSafetyDocs, type SafetyDoc, type SafetySet, type Scorers } from './safety-data.js';
import { REPO_ROOT, readFlag } from './sentiment-data.js';

export const SAFETY_TRAINING = {
  features: { bucketBits: 20, bigrams: false, negationBigrams: true, charGrams: null, cues: true, meaning: true, cueContext: true } satisfies SafetySettings,
  epochs: 5, learningRate: 0.02, l2: 1e-4, classWeightPower: 1,
  /** Weak or far-off sets count less; the written posts are the style we score. */
  setWeight: { cpsc: 1, written: 1, 'written-figurative': 1, 'written-faults': 1, 'semeval-train': 1, complaints: 1, amazon: 0.5, 'amazon-low': 0.5 } as Record<SafetySet, number>,
};
export const WRITTEN_SAFETY = 2500;
/** Harmless posts using harm words in frames (safety-augment.ts, round three). */
export const WRITTEN_FIGURATIVE = 1500;
/**
 * The most out-of-fold false alarms allowed on each everyday set when the threshold is
 * chosen. 1.2 % (1.3 % in safety2, 1 % before) was chosen on the dev probes
 * (bench/probes/*.jsonl and bench/probes/heldout/, 328 harm reports and 429 everyday posts:
 * recall 86 %, false alarms 1.2 %), never on bench/probes/heldout2.
 */
const MAX_FALSE_ALARMS = 0.012;
const SEED = 20261207;

export function loadScorers(): Scorers {
  const vectors = loadWordVectors();
  return { sentiment: loadSentimentModel(), complaint: loadComplaintModel(), space: createConceptSpace(vectors) };
}

function toExample(doc: SafetyDoc, settings: SafetySettings): TrainingExample {
  return {
    features: Int32Array.from(extractSafetyFeatures(doc.tokens, settings)),
    dense: Float32Array.from(safetyDense({ probs: doc.sentiment }, doc.complaint, settings.meaning ? doc.meaning : undefined)),
    label: doc.label,
  };
}

export function trainSafety(docs: readonly SafetyDoc[], training = SAFETY_TRAINING): SafetyModel {
  const examples: TrainingExample[] = [];
  for (const doc of docs) {
    const weight = training.setWeight[doc.set] ?? 1;
    if (weight < 1 && (doc.fold * 7 + doc.text.length) % 10 >= weight * 10) continue;
    for (let c = 0; c < Math.max(1, Math.round(weight)); c++) examples.push(toExample(doc, training.features));
  }
  const denseCount = examples[0]?.dense.length ?? 0;
  const trained = trainLogistic(examples, {
    settings: training.features, classes: 2, epochs: training.epochs, learningRate: training.learningRate, l2: training.l2,
    classWeightPower: training.classWeightPower, seed: SEED, denseCount,
  });
  return { version: 'unsaved', settings: training.features, bias: trained.bias, weights: trained.weights, dense: trained.denseWeights, threshold: 0.5, sentimentCut: 1 };
}

export function predictSafety(model: SafetyModel, doc: SafetyDoc): number {
  return complaintProbability(model, extractSafetyFeatures(doc.tokens, model.settings), safetyDense({ probs: doc.sentiment }, doc.complaint, model.settings.meaning ? doc.meaning : undefined));
}

export function outOfFoldSafety(docs: readonly SafetyDoc[], training = SAFETY_TRAINING, folds = 5): number[] {
  const scores = new Array<number>(docs.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = trainSafety(docs.filter((d) => d.fold % folds !== k), training);
    docs.forEach((d, i) => { if (d.fold % folds === k) scores[i] = predictSafety(model, d); });
  }
  return scores;
}

/**
 * The lowest threshold (0.30…0.95) whose out-of-fold false alarms stay within the cap on
 * each everyday set (tweets, complaint posts, 4–5 star reviews) on its own: one style of
 * everyday post must not carry the others' average. 1–2 star reviews are left out: some of
 * them report harm, unlabelled.
 */
export function chooseSafetyThreshold(docs: readonly SafetyDoc[], scores: readonly number[]): number {
  const sets: SafetySet[] = ['semeval-train', 'complaints', 'amazon'];
  const everyday = sets.map((set) => scores.filter((_, i) => docs[i]!.set === set && docs[i]!.label === 0));
  for (let t = 0.3; t <= 0.95 + 1e-9; t += 0.01) {
    if (everyday.every((s) => s.filter((x) => x >= t).length <= MAX_FALSE_ALARMS * s.length)) return Math.round(t * 100) / 100;
  }
  return 0.95;
}

export function reportSafety(docs: readonly SafetyDoc[], scores: readonly number[], threshold: number): string {
  const bySet = new Map<string, { n: number; hits: number }>();
  docs.forEach((d, i) => {
    const key = `${d.set}:${d.label}`;
    const entry = bySet.get(key) ?? { n: 0, hits: 0 };
    entry.n++;
    if (scores[i]! >= threshold) entry.hits++;
    bySet.set(key, entry);
  });
  return [...bySet].map(([key, { n, hits }]) => `${key} ${hits}/${n} flagged (${((100 * hits) / n).toFixed(1)}%)`).join('\n');
}

function main(argv: readonly string[]): void {
  const dataDir = readFlag(argv, '--data') ?? join(REPO_ROOT, '../shared/data');
  const out = readFlag(argv, '--out') ?? join(REPO_ROOT, 'models', 'safety-v1.json');
  const scorers = loadScorers();
  const docs = readSafetyDocs(dataDir, scorers, WRITTEN_SAFETY, WRITTEN_FIGURATIVE);
  process.stderr.write(`read ${docs.length} texts (${docs.filter((d) => d.label === 1).length} harm reports)\n`);
  const oof = outOfFoldSafety(docs);
  const threshold = chooseSafetyThreshold(docs, oof);
  process.stderr.write(`threshold ${threshold}; out-of-fold at it:\n${reportSafety(docs, oof, threshold)}\n`);
  const model = { ...trainSafety(docs), threshold };
  const file = encodeComplaintModel(model, ['cpsc-toy-incidents (US government public information)', `earshot-written ×${WRITTEN_SAFETY * 2} + harm words used harmlessly ×${WRITTEN_FIGURATIVE} + faults and chatter ×${WRITTEN_SAFETY * 2}`,
    'semeval2013-2016-train (research use) ¼', 'complaints sets (research use / MIT)', 'amazon-multidomain (research use) ⅙'], 'safety');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  process.stdout.write(`model ${file.version} → ${out} (threshold ${threshold})\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
