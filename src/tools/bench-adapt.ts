import { loadIronyModel } from '../analysis/irony/score.js';
// Benchmark: `npm run bench:adapt [-- --complaint-data DIR] [--data DIR] [--sizes 50,100,200,400] [--seeds 3]`.
// Simulates a user on a domain the base model does not know. For each shared complaint
// set, the base complaint model is trained on the *other two* sets (+ earshot's written
// sentences), as bench:complaint's cross-domain rows; the sentiment model is the shipped
// one (SemEval tweets only). Folds 0–4 of the set are the pool a person labels from, folds
// 5–9 the mentions scored. The "user" labels 50…400 pool texts, chosen by `earshot
// review`'s ordering (least sure first, spread over topics) and, separately, at random
// (mean of --seeds draws; review ranks by the complaint model's doubt, as `earshot review
// --task complaint`), giving the complaint label and, where the set has one, the
// sentiment label. Printed: macro-F1 of base vs adapted on the scored folds for both
// adaptation methods, and SemEval-2017 test scored by the base and by a model adapted on
// each domain (evaluation only: never trained or tuned on).
import { loadIntentModel } from '../analysis/intent/model-file.js';
import { loadSafetyModel } from '../analysis/safety/index.js';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPT_SETTINGS, applyAdaptation, fitAdaptation, macroF1, orderForReview, predictLabels, reviewScore } from '../analysis/adapt/index.js';
import type { AdaptMethod, AdaptSettings, LabelledText } from '../analysis/adapt/index.js';
import { loadComplaintModel } from '../analysis/complaint/model-file.js';
import type { AnalysisModels } from '../analysis/models.js';
import { modelsForBrand } from '../core/adapted-models.js';
import { clusterKey } from '../analysis/near-duplicate.js';
import { getTokenizer, nlp } from '../analysis/nlp.js';
import { loadSentimentModel } from '../analysis/sentiment/model-file.js';
import { readSentimentTokens } from '../analysis/sentiment/score.js';
import { SENTIMENT_LABELS, type SentimentLabel } from '../analysis/sentiment/types.js';
import { extractTerms } from '../analysis/topics/index.js';
import { seededRandom } from '../analysis/seeded-random.js';
import {
  COMPLAINT_SETS, chooseThreshold, outOfFold, readComplaintDocs, resolveComplaintDir, trainComplaint, writtenComplaintDocs, type ComplaintDoc,
} from './complaint-data.js';
import { decodeEntities, readFlag, readLabelledSet, resolveDataDir } from './sentiment-data.js';
import { COMPLAINT_TRAINING, WRITTEN_PAIRS } from './train-complaint.js';

interface PoolDoc extends LabelledText {
  doc: ComplaintDoc;
  topic: string | null;
  cluster: string;
}

const METHODS: AdaptMethod[] = ['pull', 'residual'];

function main(argv: readonly string[]): void {
  const started = performance.now();
  const sizes = (readFlag(argv, '--sizes') ?? '50,100,200,400').split(',').map(Number);
  const seeds = Number(readFlag(argv, '--seeds') ?? 3);
  const dir = resolveComplaintDir(argv);
  const sentiment = loadSentimentModel();
  const shipped = loadComplaintModel();
  const docs = readComplaintDocs(dir, sentiment);
  const written = writtenComplaintDocs(sentiment, WRITTEN_PAIRS);
  const sentimentGold = readSentimentGold(dir);
  const semeval = readLabelledSet(resolveDataDir(argv), 'semeval2017-test', 'test');
  const tokenizer = getTokenizer();
  const semevalTokens = semeval.texts.map((t) => readSentimentTokens(tokenizer.readDoc(decodeEntities(t))));
  const semevalF1 = (models: AnalysisModels) => macroF1(semeval.labels.map((l) => SENTIMENT_LABELS[l]!), semevalTokens.map((t) => predictLabels(models, t).sentiment));

  const table: string[] = [
    '| domain (scored folds) | labels | base | pull: review | pull: random | residual: review | residual: random |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const semevalRows: string[] = [];
  const gains: Record<AdaptMethod, Record<string, number>> = { pull: {}, residual: {} };
  for (const set of COMPLAINT_SETS) {
    // the base: a complaint model that never saw this set
    const train = [...docs.filter((d) => d.set !== set), ...written];
    const threshold = chooseThreshold(train, outOfFold(train, COMPLAINT_TRAINING, [], 5));
    const complaint = { ...trainComplaint(train, COMPLAINT_TRAINING), threshold, sentimentCut: shipped.sentimentCut, version: `complaint-without-${set}` };
    const base: AnalysisModels = { sentiment, complaint, safety: loadSafetyModel(), irony: loadIronyModel(), intent: loadIntentModel(), version: `${sentiment.version}+${complaint.version}` };
    const gold = sentimentGold.get(set);
    const setDocs = docs.filter((d) => d.set === set);
    const labelled = setDocs.map((doc, i): PoolDoc => ({
      key: `${set}:${i}`, tokens: doc.tokens, complaint: doc.label === 1, sentiment: gold?.[i] ?? null, doc, topic: null, cluster: '',
    }));
    const pool = labelled.filter((t) => t.doc.fold < 5);
    const test = labelled.filter((t) => t.doc.fold >= 5);
    for (const p of pool) {
      p.topic = extractTerms(nlp.readDoc(p.doc.text), { maxTerms: 1 })[0]?.key ?? null;
      p.cluster = clusterKey(p.doc.text);
    }
    const reviewOrder = orderForReview(pool.map((p) => ({ ...p, uncertainty: reviewScore(base, p.tokens, null, 'complaint')?.uncertainty ?? 0 })), Math.max(...sizes));
    const randomOrders = Array.from({ length: seeds }, (_, s) => shuffled(pool, seededRandom(1000 + s)));
    const score = (models: AnalysisModels) => scoreTest(models, test);
    const baseScore = score(base);
    for (const n of sizes) {
      const cells: string[] = [];
      for (const method of METHODS) {
        const settings: AdaptSettings = { ...ADAPT_SETTINGS, method };
        const fit = (chosen: readonly PoolDoc[]) => applyAdaptation(base, fitAdaptation(base, chosen, { brand: set, settings }));
        const byReview = score(fit(reviewOrder.slice(0, n)));
        const byRandom = randomOrders.map((order) => score(fit(order.slice(0, n))));
        cells.push(cellOf(byReview, baseScore), cellOf(mean(byRandom), baseScore));
        if (n === 200) gains[method][set] = byReview.complaint - baseScore.complaint;
        if (n === 200) {
          const adapted = fit(reviewOrder.slice(0, n));
          // what earshot does: the adaptation is the domain brand's; SemEval's tweets are another brand's mentions
          const routed = modelsForBrand(base, [fitAdaptation(base, reviewOrder.slice(0, n), { brand: set, settings })], 'semeval');
          semevalRows.push(`| ${set} | ${method} | ${semevalF1(base).toFixed(3)} | ${semevalF1(routed).toFixed(3)} | ${semevalF1(adapted).toFixed(3)} |`);
        }
      }
      table.push(`| ${set} (${test.length}) | ${n} | ${fmt(baseScore)} | ${cells.join(' | ')} |`);
    }
  }
  const lines = [
    'complaint macro-F1 (and sentiment macro-F1 where the set has sentiment labels) on folds 5–9, base vs adapted;',
    `labels from folds 0–4 chosen by review's ordering or at random (mean of ${seeds}); base complaint model trained without the set`, '',
    ...table, '',
    '| SemEval-2017 test (12,284), a brand adapted with 200 review-chosen labels of | method | base | as another brand (what earshot stores) | the adapted model applied anyway |',
    '|---|---|---:|---:|---:|', ...semevalRows, '',
    ...METHODS.map((m) => `${m}: +${COMPLAINT_SETS.map((s) => (gains[m][s] ?? 0).toFixed(3)).join(' / +')} complaint macro-F1 at 200 review-chosen labels (${COMPLAINT_SETS.join(' / ')})`),
    '', `${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  ];
  process.stdout.write(`${lines.join('\n').replaceAll('+-', '−')}\n`);
}

interface TestScore {
  complaint: number;
  sentiment: number | null;
}

function scoreTest(models: AnalysisModels, test: readonly PoolDoc[]): TestScore {
  const predicted = test.map((t) => predictLabels(models, t.tokens));
  const withSentiment = test.map((t, i) => [t, predicted[i]!] as const).filter(([t]) => t.sentiment);
  return {
    complaint: macroF1(test.map((t) => String(t.complaint)), predicted.map((p) => String(p.complaint))),
    sentiment: withSentiment.length ? macroF1(withSentiment.map(([t]) => t.sentiment!), withSentiment.map(([, p]) => p.sentiment)) : null,
  };
}

function fmt(s: TestScore): string {
  return s.sentiment === null ? s.complaint.toFixed(3) : `${s.complaint.toFixed(3)} (s ${s.sentiment.toFixed(3)})`;
}

function cellOf(s: TestScore, base: TestScore): string {
  const d = s.complaint - base.complaint;
  const text = `${s.complaint.toFixed(3)} (${d >= 0 ? '+' : ''}${d.toFixed(3)})`;
  return s.sentiment === null ? text : `${text}, s ${s.sentiment.toFixed(3)}`;
}

function mean(scores: readonly TestScore[]): TestScore {
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const s = scores.map((x) => x.sentiment).filter((x): x is number => x !== null);
  return { complaint: avg(scores.map((x) => x.complaint)), sentiment: s.length ? avg(s) : null };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The sets' own sentiment labels, in file order (cesamard 0/1/2, fincorp words; the brand tweets have none). */
function readSentimentGold(dir: string): Map<string, Array<SentimentLabel | null>> {
  const out = new Map<string, Array<SentimentLabel | null>>();
  for (const set of COMPLAINT_SETS) {
    const labels = readFileSync(join(dir, set, 'data.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((line) => {
      const value = (JSON.parse(line) as { sentiment?: string | number }).sentiment;
      if (value === undefined || value === null) return null;
      const label = typeof value === 'number' || /^\d$/.test(value) ? SENTIMENT_LABELS[Number(value)] : value;
      return (SENTIMENT_LABELS as readonly string[]).includes(String(label)) ? (label as SentimentLabel) : null;
    });
    if (labels.some((l) => l !== null)) out.set(set, labels);
  }
  return out;
}

main(process.argv.slice(2));
