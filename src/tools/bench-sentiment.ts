// Benchmark: `node dist/tools/bench-sentiment.js [--data DIR] [--runs N] [--json]`.
// Scores earshot's model and the lexicon baselines on the SemEval-2017 test set
// and VADER's tweets in one run; docs/s is single-threaded, median of N runs.
import { loadavg } from 'node:os';
import { loadSentimentModel } from '../analysis/sentiment/model-file.js';
import { computeMetrics } from '../analysis/sentiment/metrics.js';
import type { ClassMetrics } from '../analysis/sentiment/metrics.js';
import { median } from './bench/run-cli.js';
import { createMethods, predictLabel } from './sentiment-baselines.js';
import type { Method } from './sentiment-baselines.js';
import { decodeEntities, readFlag, readLabelledSet, readVaderTweets, resolveDataDir } from './sentiment-data.js';
import type { LabelledSet } from './sentiment-data.js';

interface Row extends ClassMetrics {
  dataset: string;
  method: string;
  docsPerSecond: number;
  /** Docs per CPU second of this process: what one core gives when others compete for it. */
  docsPerCpuSecond: number;
  thresholds: [number, number] | null;
}

function main(argv: readonly string[]): void {
  const dataDir = resolveDataDir(argv);
  const runs = Math.max(3, Number(readFlag(argv, '--runs') ?? 3));
  const model = loadSentimentModel(readFlag(argv, '--model'));
  const methods = createMethods(model, decoded(readLabelledSet(dataDir, 'tweeteval-val', 'val')));
  const datasets: Array<[string, LabelledSet]> = [
    ['semeval2017-test', decoded(readLabelledSet(dataDir, 'semeval2017-test', 'test'))],
    ['vader-tweets', readVaderTweets(dataDir)],
  ];
  const rows: Row[] = [];
  for (const [name, set] of datasets) {
    for (const method of methods) rows.push(benchMethod(name, set, method, runs));
  }
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ model: model.version, runs, rows }, null, 2)}\n`);
  else process.stdout.write(`${renderMarkdown(rows, model.version, runs)}\n`);
}

function decoded(set: LabelledSet): LabelledSet {
  return { texts: set.texts.map(decodeEntities), labels: set.labels };
}

function benchMethod(dataset: string, set: LabelledSet, method: Method, runs: number): Row {
  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let predicted: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    predicted = set.texts.map((t) => predictLabel(method, t));
    const cpu = process.cpuUsage(cpuStart);
    timings.push(performance.now() - start);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  }
  const wall = median(timings);
  process.stderr.write(`${dataset} · ${method.name}: done\n`);
  return {
    dataset, method: method.name, ...computeMetrics(set.labels, predicted),
    docsPerSecond: Math.round((set.texts.length / wall) * 1000),
    docsPerCpuSecond: Math.round((set.texts.length / median(cpuTimings)) * 1000), thresholds: method.thresholds ?? null,
  };
}

function renderMarkdown(rows: Row[], version: string, runs: number): string {
  const lines = [
    `model ${version}; docs/s = single thread, median of ${runs} runs, including wink-nlp tokenisation;`,
    `docs/CPU-s = the same per CPU second of the process (not stretched when other work shares the core); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    'Lexicon labels: score < low → negative, > high → positive; (low, high) tuned for each on tweeteval-val (macro-F1).',
    '',
    '| dataset | method | macro-F1 | macro-recall | accuracy | docs/s | docs/CPU-s | thresholds |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    const t = r.thresholds ? `${fmt(r.thresholds[0])} / ${fmt(r.thresholds[1])}` : 'argmax';
    lines.push(`| ${r.dataset} | ${r.method} | ${fmt(r.macroF1)} | ${fmt(r.macroRecall)} | ${fmt(r.accuracy)} | ${r.docsPerSecond.toLocaleString('en-US')} | ${r.docsPerCpuSecond.toLocaleString('en-US')} | ${t} |`);
  }
  return lines.join('\n');
}

function fmt(value: number): string {
  return value.toFixed(3);
}

main(process.argv.slice(2));
