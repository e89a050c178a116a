// Train the per-language sentiment models: `node dist/tools/train-languages.js [--data DIR] [--out FILE] [--quick]`.
// Each language trains on its UMSAB train split only (German may add GermEval 2017 when
// that helps on validation); settings are chosen on the UMSAB validation split, which is
// never trained on, so bench:lang's validation figures are held-out scores.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodeLanguageModels, scoreLanguageSentiment } from '../analysis/language/models.js';
import { splitWords } from '../analysis/language/tokens.js';
import { extractFeatures } from '../analysis/sentiment/features.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { decodeModel, encodeModel, type ModelFile } from '../analysis/sentiment/model-file.js';
import { trainLogistic, type TrainOptions, type TrainingExample } from '../analysis/sentiment/train.js';
import { SENTIMENT_LABELS, type FeatureSettings, type SentimentModel } from '../analysis/sentiment/types.js';
import { readGermEval, readUmsab, multilingualDir, UMSAB_FOLDERS, type Labelled } from './language-data.js';
import { REPO_ROOT, readFlag } from './sentiment-data.js';

const SEED = 20261207;

interface Candidate extends TrainOptions {
  germeval: boolean;
}

/**
 * A small grid (the machine is shared): on French, words alone (0.648) beat char 3–5-grams
 * (0.624) and full bigrams added nothing, so only words ± char grams are searched.
 */
const FEATURES: FeatureSettings[] = [
  { bucketBits: 18, bigrams: false, negationBigrams: true, charGrams: null },
  { bucketBits: 18, bigrams: false, negationBigrams: true, charGrams: [3, 5] },
];
const GRID = { epochs: [3, 6], l2: [1e-4, 1e-3], learningRate: [0.05] };

function main(argv: readonly string[]): void {
  const dir = multilingualDir(argv);
  const out = readFlag(argv, '--out') ?? join(REPO_ROOT, 'models', 'languages-v1.json');
  const files: Record<string, ModelFile> = {};
  for (const code of Object.keys(UMSAB_FOLDERS)) {
    const train = readUmsab(dir, code, 'train');
    const val = readUmsab(dir, code, 'val');
    const extra = code === 'de' ? readGermEval(dir) : undefined;
    const best = argv.includes('--quick') ? defaults(FEATURES[1] as FeatureSettings) : search(code, train, val, extra);
    const model = trainOn(best.germeval && extra ? concat(train, extra) : train, best);
    files[code] = encodeModel(model, new Date());
    const quantised = decodeModel(files[code]);
    process.stdout.write(`${code}: val macro-F1 ${evaluate(quantised, val).toFixed(3)} with ${describe(best)}\n`);
  }
  const file = encodeLanguageModels(files, new Date());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  process.stdout.write(`${file.version} → ${out}\n`);
}

function search(code: string, train: Labelled, val: Labelled, extra: Labelled | undefined): Candidate {
  let best: { candidate: Candidate; f1: number } | undefined;
  for (const settings of FEATURES) {
    for (const germeval of extra ? [false, true] : [false]) {
      for (const epochs of GRID.epochs) {
        for (const l2 of GRID.l2) {
          for (const learningRate of GRID.learningRate) {
            const candidate = { ...defaults(settings), epochs, l2, learningRate, germeval };
            const f1 = evaluate(trainOn(germeval && extra ? concat(train, extra) : train, candidate), val);
            if (best === undefined || f1 > best.f1 + 1e-9) best = { candidate, f1 };
          }
        }
      }
    }
  }
  if (best === undefined) throw new Error(`${code}: empty grid`);
  process.stderr.write(`${code}: best val ${best.f1.toFixed(3)} ${describe(best.candidate)}\n`);
  return best.candidate;
}

function defaults(settings: FeatureSettings): Candidate {
  return { settings, classes: 3, epochs: 6, learningRate: 0.1, l2: 1e-3, classWeightPower: 1, seed: SEED, denseCount: 0, germeval: false };
}

function trainOn(data: Labelled, options: Candidate): Omit<SentimentModel, 'version'> {
  const examples: TrainingExample[] = data.texts.map((text, i) => ({
    features: Int32Array.from(extractFeatures(splitWords(text), options.settings)),
    dense: new Float32Array(0),
    label: data.labels[i] ?? 1,
  }));
  const trained = trainLogistic(examples, options);
  return { settings: options.settings, labels: SENTIMENT_LABELS, bias: trained.bias, weights: trained.weights };
}

/** Macro-F1 of a model on a labelled set. */
export function evaluate(model: Omit<SentimentModel, 'version'>, data: Labelled): number {
  const predicted = data.texts.map((text) => SENTIMENT_LABELS.indexOf(scoreLanguageSentiment(model as SentimentModel, text).label));
  return computeMetrics(data.labels, predicted).macroF1;
}

function concat(a: Labelled, b: Labelled): Labelled {
  return { texts: [...a.texts, ...b.texts], labels: [...a.labels, ...b.labels] };
}

function describe(c: Candidate): string {
  const s = c.settings;
  return `bigrams ${s.bigrams} chars ${s.charGrams ? s.charGrams.join('-') : 'none'} epochs ${c.epochs} l2 ${c.l2} lr ${c.learningRate}${c.germeval ? ' +germeval' : ''}`;
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
