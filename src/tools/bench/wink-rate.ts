// Single-thread rates on the bench texts, measured in this process: wink-nlp's own
// speed (the ceiling for one core) next to earshot's per-mention analysis.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createMentionAnalyzer } from '../../analysis/analyze-mention.js';
import { median } from './run-cli.js';

export interface RateRow {
  name: string;
  docsPerSecond: number;
}

/** Median docs/s over `runs` passes after one warm-up pass. */
function rate(texts: readonly string[], runs: number, work: (text: string, i: number) => unknown): number {
  for (const [i, t] of texts.entries()) work(t, i);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    for (const [i, t] of texts.entries()) work(t, i);
    rates.push(texts.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  return median(rates);
}

export function measureSingleThreadRates(texts: readonly string[], runs = 3): RateRow[] {
  const full = winkNLP(model);
  const sentimentOnly = winkNLP(model, ['sbd', 'negation', 'sentiment']);
  const posOnly = winkNLP(model, ['pos']);
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const its = full.its;
  return [
    { name: 'wink readDoc+sentiment, full pipeline (pos, ner)', docsPerSecond: rate(texts, runs, (t) => full.readDoc(t).out(its.sentiment)) },
    { name: 'wink readDoc+sentiment, tokenise+sentiment only', docsPerSecond: rate(texts, runs, (t) => sentimentOnly.readDoc(t).out(its.sentiment)) },
    // what earshot's analyser reads (src/analysis/nlp.ts): tokens and POS tags, no NER
    { name: 'wink readDoc, POS only (earshot\'s pipeline)', docsPerSecond: rate(texts, runs, (t) => posOnly.readDoc(t).tokens().out(its.pos)) },
    {
      name: 'earshot analyzeMention (1 thread)',
      docsPerSecond: rate(texts, runs, (text, i) => analyze({ rowId: i + 1, id: String(i), source: 'x', author: `u${i % 5000}`, text, lang: 'en', brands: ['Kettleby Tea'] })),
    },
  ];
}
