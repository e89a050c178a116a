// Train the intent heads: `npm run train:intent [-- --data DIR] [--out FILE] [--tips N]`.
// Two binary heads (question, suggestion) on the same features, each trained on the texts
// whose label for it is known (intent-data.ts), held-out sets never included. Each head's
// yes/no threshold is chosen on out-of-fold scores of the training data only: the one with
// the best mean F1 over the sets that label it. Deterministic: the same data give the same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeComplaintModel } from '../analysis/complaint/model-file.js';
import { complaintProbability } from '../analysis/complaint/score.js';
import { encodeIntentModel } from '../analysis/intent/model-file.js';
import { extractIntentFeatures, intentDense, type IntentHead, type IntentSettings } from '../analysis/intent/score.js';
import { trainLogistic, type TrainingExample } from '../analysis/sentiment/train.js';
import { HELD_OUT, readIntentDocs, type Head, type IntentDoc, type IntentSet } from './intent-data.js';
import { loadScorers } from './train-safety.js';
import { REPO_ROOT, readFlag } from './sentiment-data.js';

export const INTENT_TRAINING = {
  features: { bucketBits: 20, bigrams: false, negationBigrams: true, charGrams: null, cues: true, meaning: true } satisfies IntentSettings,
  epochs: 5, learningRate: 0.02, l2: 1e-4, classWeightPower: 1,
  /** Written posts are the style earshot scores: they count twice. */
  setWeight: { written: 2 } as Partial<Record<IntentSet, number>>,
};
export const WRITTEN_INTENT = 900;
/** Written tips, tellings and proposals (intent-tips.ts): about this many of each. */
export const WRITTEN_TIPS = 1200;
const SEED = 20261229;

export function trainHead(docs: readonly IntentDoc[], head: Head, training = INTENT_TRAINING): IntentHead {
  const examples: TrainingExample[] = [];
  for (const doc of docs) {
    const label = doc[head];
    if (label === null || HELD_OUT.includes(doc.set)) continue;
    const example = { features: Int32Array.from(extractIntentFeatures(doc.tokens, training.features)), dense: Float32Array.from(denseOf(doc, training.features)), label };
    for (let c = 0; c < (training.setWeight[doc.set] ?? 1); c++) examples.push(example);
  }
  const trained = trainLogistic(examples, {
    settings: training.features, classes: 2, epochs: training.epochs, learningRate: training.learningRate, l2: training.l2,
    classWeightPower: training.classWeightPower, seed: SEED, denseCount: examples[0]?.dense.length ?? 0,
  });
  return { version: 'unsaved', settings: training.features, bias: trained.bias, weights: trained.weights, dense: trained.denseWeights, threshold: 0.5, sentimentCut: 1 };
}

function denseOf(doc: IntentDoc, settings: IntentSettings): number[] {
  return intentDense({ probs: doc.sentiment }, doc.complaint, settings.meaning ? doc.meaning : undefined);
}

export function predictHead(model: IntentHead, doc: IntentDoc): number {
  return complaintProbability(model, extractIntentFeatures(doc.tokens, model.settings), denseOf(doc, model.settings));
}

/** Out-of-fold scores for the training docs with a known label (others NaN). */
export function outOfFold(docs: readonly IntentDoc[], head: Head, folds = 5): number[] {
  const scores = new Array<number>(docs.length).fill(NaN);
  for (let k = 0; k < folds; k++) {
    const model = trainHead(docs.filter((d) => d.fold % folds !== k), head);
    docs.forEach((d, i) => { if (d.fold % folds === k && d[head] !== null && !HELD_OUT.includes(d.set)) scores[i] = predictHead(model, d); });
  }
  return scores;
}

export function f1At(gold: readonly number[], scores: readonly number[], threshold: number): { f1: number; precision: number; recall: number } {
  let tp = 0; let fp = 0; let fn = 0;
  gold.forEach((g, i) => { const p = scores[i]! >= threshold; if (p && g) tp++; else if (p) fp++; else if (g) fn++; });
  const precision = tp / Math.max(tp + fp, 1);
  const recall = tp / Math.max(tp + fn, 1);
  return { f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

/** The threshold (0.20…0.90) with the best mean out-of-fold F1 over the sets that label `head`. */
export function chooseThreshold(docs: readonly IntentDoc[], scores: readonly number[], head: Head): number {
  const sets = [...new Set(docs.filter((d, i) => !Number.isNaN(scores[i]!) && d[head] === 1).map((d) => d.set))];
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.2; t <= 0.9 + 1e-9; t += 0.01) {
    const f1s = sets.map((set) => {
      const idx = docs.map((d, i) => i).filter((i) => docs[i]!.set === set && !Number.isNaN(scores[i]!));
      return f1At(idx.map((i) => docs[i]![head]!), idx.map((i) => scores[i]!), t).f1;
    });
    const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
    if (mean > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1: mean };
  }
  return best.t;
}

function main(argv: readonly string[]): void {
  const dataDir = readFlag(argv, '--data') ?? join(REPO_ROOT, '../shared/data');
  const out = readFlag(argv, '--out') ?? join(REPO_ROOT, 'models', 'intent-v1.json');
  const tips = Number(readFlag(argv, '--tips') ?? WRITTEN_TIPS);
  if (!Number.isInteger(tips) || tips < 0) throw new Error('--tips takes a whole number of written tips (0: none)');
  const docs = readIntentDocs(dataDir, loadScorers(), WRITTEN_INTENT, tips);
  process.stderr.write(`read ${docs.length} texts\n`);
  const files = (['question', 'suggestion'] as const).map((head) => {
    const oof = outOfFold(docs, head);
    const threshold = chooseThreshold(docs, oof, head);
    for (const set of new Set(docs.map((d) => d.set))) {
      const idx = docs.map((_, i) => i).filter((i) => docs[i]!.set === set && !Number.isNaN(oof[i]!));
      if (idx.length === 0) continue;
      const m = f1At(idx.map((i) => docs[i]![head]!), idx.map((i) => oof[i]!), threshold);
      process.stderr.write(`${head} ${set} (${idx.length}) out-of-fold at ${threshold}: F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)}\n`);
    }
    return encodeComplaintModel({ ...trainHead(docs, head), threshold }, [
      'semeval2019-suggestions train-A (CC BY-NC-SA 4.0: non-commercial)', 'clap-app-reviews folds 1–9 (research use)', 'tizard-vlc-forum folds 1–9 (CC BY 4.0)',
      `earshot-written ×${WRITTEN_INTENT} a kind`, ...(tips > 0 ? [`earshot-written tips ×${tips} (as many tellings, a third as many proposals)`] : []), ...(head === 'question' ? ['semeval2013-2016-train without "?" (research use) ⅙'] : []),
    ], head);
  });
  const file = encodeIntentModel(files[0]!, files[1]!);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  process.stdout.write(`model ${file.version} → ${out} (question ${files[0]!.threshold}, suggestion ${files[1]!.threshold})\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
