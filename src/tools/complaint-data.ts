// The shared complaint data sets (../shared/data/complaints, see its README) and the
// training/evaluation steps that train:complaint and bench:complaint share.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getTokenizer } from '../analysis/nlp.js';
import { complaintDense, complaintProbability, extractComplaintFeatures } from '../analysis/complaint/score.js';
import { COMPLAINT_DENSE, type ComplaintModel, type ComplaintSettings } from '../analysis/complaint/types.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { readSentimentTokens, scoreTokens } from '../analysis/sentiment/score.js';
import { trainLogistic, type TrainingExample } from '../analysis/sentiment/train.js';
import type { SentimentModel, SentimentTokens } from '../analysis/sentiment/types.js';
import { augmentedComplaintTexts } from './complaint-augment.js';
import { hashOf } from './text-hash.js';
import { defaultConceptSpace, denseMeaning } from '../analysis/vectors/concepts.js';
import { REPO_ROOT } from './sentiment-data.js';

export const COMPLAINT_SETS = ['preotiuc2019-tweets', 'cesamard-amazon-reviews', 'fincorp-tweets'] as const;
/** Weakly labelled sets (labels from star ratings), read too and weighed as weak (see COMPLAINT_TRAINING). */
export const WEAK_SETS = ['amazon-multidomain'] as const;
/** The shared sets plus earshot's own written sentences (complaint-augment.ts), used for training only. */
export type ComplaintSetName = (typeof COMPLAINT_SETS)[number] | (typeof WEAK_SETS)[number] | 'earshot-written';

export interface ComplaintDoc {
  set: ComplaintSetName;
  text: string;
  label: 0 | 1;
  fold: number;
  /** The set's own domain field (a product area, a brand sector), or the set's name. */
  domain: string;
  tokens: SentimentTokens;
  /** The sentiment model's probabilities for the text. */
  sentiment: { negative: number; neutral: number; positive: number };
  /** The word-vector meaning features (vectors/concepts.ts). */
  meaning: number[];
}

export interface TrainSettings {
  features: ComplaintSettings;
  epochs: number;
  learningRate: number;
  l2: number;
  classWeightPower: number;
  /** Weight of each set's examples (e.g. a topic-confounded set counts less). */
  setWeight: Partial<Record<ComplaintSetName, number>>;
}

export const SEED = 20261201;


/** `--complaint-data DIR` beats EARSHOT_COMPLAINT_DATA_DIR, which beats ../shared/data/complaints next to the repo. */
export function resolveComplaintDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argv.indexOf('--complaint-data');
  return resolve((flag >= 0 ? argv[flag + 1] : undefined) ?? env['EARSHOT_COMPLAINT_DATA_DIR'] ?? join(REPO_ROOT, '../shared/data/complaints'));
}

/** Reads, tokenises and sentiment-scores every set once (the weak sets too, unless `weak` is false). */
export function readComplaintDocs(dir: string, sentiment: SentimentModel, weak = true): ComplaintDoc[] {
  const tokenizer = getTokenizer();
  const space = defaultConceptSpace();
  const docs: ComplaintDoc[] = [];
  for (const set of weak ? [...COMPLAINT_SETS, ...WEAK_SETS] : COMPLAINT_SETS) {
    for (const line of readFileSync(join(dir, set, 'data.jsonl'), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text: string; label: number; fold: number; domain?: string };
      const tokens = readSentimentTokens(tokenizer.readDoc(row.text));
      docs.push({
        set, text: row.text, label: row.label ? 1 : 0, fold: row.fold, domain: row.domain ?? set, tokens,
        sentiment: scoreTokens(sentiment, tokens).probs, meaning: denseMeaning(space, tokens.values, tokens.types, []),
      });
    }
  }
  return docs;
}

/** earshot's own written sentences as training docs (never scored in the benchmark). */
export function writtenComplaintDocs(sentiment: SentimentModel, n: number): ComplaintDoc[] {
  const tokenizer = getTokenizer();
  const space = defaultConceptSpace();
  return augmentedComplaintTexts(n).map((row) => {
    const tokens = readSentimentTokens(tokenizer.readDoc(row.text));
    return {
      set: 'earshot-written' as const, text: row.text, label: row.label, fold: row.fold, domain: 'earshot-written', tokens,
      sentiment: scoreTokens(sentiment, tokens).probs, meaning: denseMeaning(space, tokens.values, tokens.types, []),
    };
  });
}

function toExample(doc: ComplaintDoc, settings: ComplaintSettings): TrainingExample {
  return {
    features: Int32Array.from(extractComplaintFeatures(doc.tokens, settings)),
    dense: Float32Array.from(complaintDense({ probs: doc.sentiment }, settings.meaning ? doc.meaning : undefined)),
    label: doc.label,
  };
}

/** Trains a model (threshold 0.5 until one is chosen) on `docs`; deterministic for the same docs and settings. */
export function trainComplaint(docs: readonly ComplaintDoc[], settings: TrainSettings): ComplaintModel {
  const examples: TrainingExample[] = [];
  for (const doc of docs) {
    const weight = settings.setWeight[doc.set] ?? 1;
    // a set's weight is applied by repetition of whole examples (weight 2 → twice), or by keeping every n-th (0.5 → half)
    const copies = weight >= 1 ? Math.round(weight) : 1;
    if (weight < 1 && hashKeep(doc.text, weight) === false) continue;
    for (let c = 0; c < copies; c++) examples.push(toExample(doc, settings.features));
  }
  const trained = trainLogistic(examples, {
    settings: settings.features, classes: 2, epochs: settings.epochs, learningRate: settings.learningRate, l2: settings.l2,
    classWeightPower: settings.classWeightPower, seed: SEED, denseCount: examples[0]?.dense.length ?? COMPLAINT_DENSE.length,
  });
  return { ...(settings.features.meaning ? { space: defaultConceptSpace() } : {}), version: 'unsaved', settings: settings.features, bias: trained.bias, weights: trained.weights, dense: trained.denseWeights, threshold: 0.5, sentimentCut: 1 };
}

/** Keeps a stable `share` of texts (by hash), so down-weighting is deterministic. */
function hashKeep(text: string, share: number): boolean {
  return (hashOf(text) % 1000) / 1000 < share;
}

export function predict(model: ComplaintModel, doc: ComplaintDoc): number {
  return complaintProbability(model, extractComplaintFeatures(doc.tokens, model.settings), complaintDense({ probs: doc.sentiment }, model.settings.meaning ? doc.meaning : undefined));
}

/** Out-of-fold P(complaint) for `docs`: each fold scored by a model trained on the other folds (of `docs` and `extra`). */
export function outOfFold(docs: readonly ComplaintDoc[], settings: TrainSettings, extra: readonly ComplaintDoc[] = [], folds = 10): number[] {
  const scores = new Array<number>(docs.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const model = trainComplaint([...docs.filter((d) => d.fold % folds !== k), ...extra], settings);
    docs.forEach((d, i) => { if (d.fold % folds === k) scores[i] = predict(model, d); });
  }
  return scores;
}

export function macroF1(docs: readonly ComplaintDoc[], scores: readonly number[], threshold: number): number {
  return computeMetrics(docs.map((d) => d.label), scores.map((s) => (s >= threshold ? 1 : 0)), 2).macroF1;
}

/** The threshold that maximises macro-F1 of `scores` (training data only), on a 0.01 grid. */
export function chooseThreshold(docs: readonly ComplaintDoc[], scores: readonly number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.8 + 1e-9; t += 0.01) {
    const f1 = macroF1(docs, scores, t);
    if (f1 > bestF1 + 1e-9) [best, bestF1] = [Math.round(t * 100) / 100, f1];
  }
  return best;
}
