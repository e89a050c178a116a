// Single-thread rates on the bench texts, measured in this process: wink-nlp's own
// speed (the ceiling for one core) next to earshot's per-mention analysis. Each rate is
// given per wall second and per CPU second of this process: other work on the machine
// stretches the first, not the second.
import { plainWink } from '../../analysis/nlp.js';
import { createMentionAnalyzer } from '../../analysis/analyze-mention.js';
import type { AnalysisInput } from '../../domain/analysis-record.js';
import { median } from './run-cli.js';

export interface RateRow {
  name: string;
  docsPerSecond: number;
  /** Docs per CPU second (user + system, all threads of this process). */
  docsPerCpuSecond: number;
  /** Each pass's docs per CPU second, in run order. */
  cpuRates: number[];
}

/** Median docs/s and docs/CPU-s over `runs` passes after one warm-up pass. */
function rate(name: string, texts: readonly string[], runs: number, work: (text: string, i: number) => unknown): RateRow {
  for (const [i, t] of texts.entries()) work(t, i);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const [i, t] of texts.entries()) work(t, i);
    const used = process.cpuUsage(cpu);
    rates.push(texts.length / (Number(process.hrtime.bigint() - started) / 1e9));
    cpuRates.push(texts.length / ((used.user + used.system) / 1e6));
  }
  return { name, docsPerSecond: median(rates), docsPerCpuSecond: median(cpuRates), cpuRates };
}

/** The mention the bench analyses for text `i`: one brand, 5,000 authors. */
export function benchInput(text: string, i: number): AnalysisInput {
  return { rowId: i + 1, id: String(i), source: 'x', author: `u${i % 5000}`, text, lang: 'en', brands: ['Kettleby Tea'] };
}

export function measureSingleThreadRates(texts: readonly string[], runs = 3): RateRow[] {
  const full = plainWink();
  const sentimentOnly = plainWink(['sbd', 'negation', 'sentiment']);
  const posOnly = plainWink(['pos']);
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const its = full.its;
  return [
    rate('wink readDoc+sentiment, full pipeline (pos, ner)', texts, runs, (t) => full.readDoc(t).out(its.sentiment)),
    rate('wink readDoc+sentiment, tokenise+sentiment only', texts, runs, (t) => sentimentOnly.readDoc(t).out(its.sentiment)),
    // what earshot's analyser reads (src/analysis/nlp.ts): tokens and POS tags, no NER
    rate('wink readDoc, POS only (earshot\'s pipeline)', texts, runs, (t) => posOnly.readDoc(t).tokens().out(its.pos)),
    rate('earshot analyzeMention (1 thread)', texts, runs, (text, i) => analyze(benchInput(text, i))),
  ];
}
