// Benchmark: `npm run bench:complaint [-- --complaint-data DIR] [--data DIR (sentiment sets)] [--runs N] [--json]`.
// In one run: the complaint model's macro-F1 with 10-fold cross-validation on
// preotiuc2019-tweets (the sets' own folds); each set scored by a model trained on the
// other two (cross-domain); the share of complaints the sentiment model calls positive,
// before and after the complaint-aware correction, on held-out folds; SemEval-2017 test
// macro-F1 before and after it; docs per CPU second of the whole scorer (all heads); the
// share of the irony test set's ironic tweets scored positive; the held-out probe posts.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { benchProbes } from './bench-probes.js';
import { leaveOneDomainOut, lodoLines } from './bench-lodo.js';
import { sentimentGivenComplaint } from '../analysis/complaint/adjust.js';
import { createMentionAnalyzer } from '../analysis/analyze-mention.js';
import { loadAnalysisModels } from '../analysis/models.js';
import { getTokenizer } from '../analysis/nlp.js';
import { scoreComplaintTokens } from '../analysis/complaint/score.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import { readSentimentTokens, scoreTokens } from '../analysis/sentiment/score.js';
import { SENTIMENT_LABELS } from '../analysis/sentiment/types.js';
import { median } from './bench/run-cli.js';
import {
  COMPLAINT_SETS, macroF1, outOfFold, predict, readComplaintDocs, resolveComplaintDir, trainComplaint,
  writtenComplaintDocs, type ComplaintDoc,
} from './complaint-data.js';
import { decodeEntities, readFlag, readLabelledSet, resolveDataDir } from './sentiment-data.js';
import { COMPLAINT_TRAINING, WRITTEN_PAIRS } from './train-complaint.js';

function main(argv: readonly string[]): void {
  const runs = Math.max(3, Number(readFlag(argv, '--runs') ?? 3));
  const models = loadAnalysisModels();
  const docs = readComplaintDocs(resolveComplaintDir(argv), models.sentiment);
  const written = writtenComplaintDocs(models.sentiment, WRITTEN_PAIRS);
  const bySet = (set: string) => docs.filter((d) => d.set === set);
  const lines: string[] = [`complaint model ${models.complaint.version}, trained on ${COMPLAINT_SETS.join(', ')} + earshot's own written sentences`, ''];

  // 1. in-domain: 10-fold CV on the tweets, with the other sets in every training fold (the shipped recipe) and alone
  const tweets = bySet('preotiuc2019-tweets');
  const others = [...docs.filter((d) => d.set !== 'preotiuc2019-tweets'), ...written];
  const cvAll = cvAtThreshold(tweets, others, models.complaint.threshold);
  const cvAlone = cvAtThreshold(tweets, [], models.complaint.threshold);
  lines.push('| preotiuc2019-tweets, 10-fold CV | macro-F1 |', '|---|---:|',
    `| trained on the other 9 folds + the other sets (the shipped recipe) | **${cvAll.toFixed(3)}** |`,
    `| trained on the other 9 folds only | ${cvAlone.toFixed(3)} |`, '');

  // 2. cross-domain: each set scored by a model trained without it
  lines.push('| cross-domain: scored set (trained on the others + written, shipped threshold) | macro-F1 | at 0.5 |', '|---|---:|---:|');
  for (const set of COMPLAINT_SETS) {
    const train = [...docs.filter((d) => d.set !== set), ...written];
    const threshold = models.complaint.threshold;
    const model = trainComplaint(train, COMPLAINT_TRAINING);
    const test = bySet(set);
    const scores = test.map((d) => predict(model, d));
    lines.push(`| ${set} | **${macroF1(test, scores, threshold).toFixed(3)}** | ${macroF1(test, scores, 0.5).toFixed(3)} |`);
  }
  lines.push('');

  // 2b. leave one domain out (bench-lodo.ts)
  lines.push(...lodoLines(leaveOneDomainOut(docs, written, COMPLAINT_TRAINING, models.complaint.threshold)));

  // 3. complaints the sentiment model calls positive, on held-out folds (complaint scores out of fold)
  const heldOut = outOfFold([...docs], COMPLAINT_TRAINING, written);
  lines.push('| complaints scored positive by the sentiment model | before | after |', '|---|---:|---:|');
  const positiveShares = (set: string | null) => {
    const idx = docs.map((d, i) => [d, i] as const).filter(([d]) => (set === null || d.set === set) && d.label === 1);
    const before = idx.filter(([d]) => labelOf(d.sentiment) === 'positive').length;
    const after = idx.filter(([d, i]) => adjusted(d, heldOut[i]!, models.complaint.sentimentCut) === 'positive').length;
    return `(${idx.length} complaints) | ${pct(before / idx.length)} | **${pct(after / idx.length)}** |`;
  };
  for (const set of COMPLAINT_SETS) lines.push(`| ${set} ${positiveShares(set)}`);
  lines.push(`| all three ${positiveShares(null)}`, '');

  // 4. SemEval-2017 test before/after the correction (evaluation only: never trained or tuned on)
  const semeval = readLabelledSet(resolveDataDir(argv), 'semeval2017-test', 'test');
  const tokenizer = getTokenizer();
  const raw: number[] = [];
  const fixed: number[] = [];
  semeval.texts.forEach((text) => {
    const tokens = readSentimentTokens(tokenizer.readDoc(decodeEntities(text)));
    const s = scoreTokens(models.sentiment, tokens);
    const p = scoreComplaintTokens(models.complaint, tokens, s).score;
    raw.push(SENTIMENT_LABELS.indexOf(s.label));
    fixed.push(SENTIMENT_LABELS.indexOf(sentimentGivenComplaint(s, { score: p }, models.complaint.sentimentCut).label));
  });
  lines.push('| semeval2017-test (12,284 tweets) | macro-F1 | macro-recall |', '|---|---:|---:|',
    `| sentiment model alone | ${computeMetrics(semeval.labels, raw).macroF1.toFixed(3)} | ${computeMetrics(semeval.labels, raw).macroRecall.toFixed(3)} |`,
    `| with the complaint correction (what earshot stores) | **${computeMetrics(semeval.labels, fixed).macroF1.toFixed(3)}** | ${computeMetrics(semeval.labels, fixed).macroRecall.toFixed(3)} |`, '');

  // 5. the whole scorer (POS doc, sentiment, complaint, terms, near-duplicate key), one thread
  const analyze = createMentionAnalyzer({ brandTerms: {} }, models);
  const texts = semeval.texts.map(decodeEntities);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    texts.forEach((text, i) => analyze({ rowId: i, id: String(i), source: 'x', author: `a${i}`, text, lang: 'en', brands: ['bench'] }));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    wall.push((performance.now() - t0) / 1000);
  }
  lines.push(`| whole scorer (wink POS doc + sentiment + complaint + safety with word vectors + terms + near-duplicate key), 1 thread | docs per CPU-s | docs/s |`, '|---|---:|---:|',
    `| semeval2017-test texts, median of ${runs} | **${Math.round(texts.length / median(cpu)).toLocaleString('en-US')}** | ${Math.round(texts.length / median(wall)).toLocaleString('en-US')} |`,
    '');

  // 6. irony test tweets (evaluation only): how many ironic ones are called positive, by the raw sentiment model and as stored
  const irony = readFileSync(join(resolveDataDir(argv), '..', 'irony', 'semeval2018-task3', 'test.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; ironic: number });
  const ironic = irony.filter((r) => r.ironic === 1);
  const rawPositive = ironic.filter((r) => scoreTokens(models.sentiment, readSentimentTokens(tokenizer.readDoc(r.text))).label === 'positive').length;
  const storedPositive = ironic.filter((r, i) => analyze({ rowId: i, id: String(i), source: 'x', author: `i${i}`, text: r.text, lang: 'en', brands: ['bench'] }).sentimentLabel === 'positive').length;
  lines.push(`| irony/semeval2018-task3 test: ironic tweets (${ironic.length}) scored positive | share |`, '|---|---:|',
    `| sentiment model alone | ${pct(rawPositive / ironic.length)} |`, `| as stored (complaint, contrast and safety corrections) | **${pct(storedPositive / ironic.length)}** |`, '');

  // 7. the held-out probe posts written for earshot (bench/probes)
  lines.push('held-out probes (bench/probes):', ...benchProbes().map((l) => `  ${l}`), '',
    `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** 10-fold CV at the shipped model's threshold (chosen out of fold on the training data). */
function cvAtThreshold(set: readonly ComplaintDoc[], extra: readonly ComplaintDoc[], threshold: number): number {
  const scores = new Array<number>(set.length).fill(0);
  const predicted = new Array<number>(set.length).fill(0);
  for (let k = 0; k < 10; k++) {
    const train = [...set.filter((d) => d.fold !== k), ...extra];
    const model = trainComplaint(train, COMPLAINT_TRAINING);
    set.forEach((d, i) => {
      if (d.fold !== k) return;
      scores[i] = predict(model, d);
      predicted[i] = scores[i]! >= threshold ? 1 : 0;
    });
  }
  return computeMetrics(set.map((d) => d.label), predicted, 2).macroF1;
}

function labelOf(probs: ComplaintDoc['sentiment']): string {
  return probs.positive > probs.negative && probs.positive > probs.neutral ? 'positive' : probs.negative > probs.neutral ? 'negative' : 'neutral';
}

function adjusted(doc: ComplaintDoc, complaintScore: number, cut: number): string {
  const label = labelOf(doc.sentiment) as 'negative' | 'neutral' | 'positive';
  return sentimentGivenComplaint({ score: 0, label, probs: doc.sentiment }, { score: complaintScore }, cut).label;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

main(process.argv.slice(2));
