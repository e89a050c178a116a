import { Worker } from 'node:worker_threads';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { createForgetfulWink, WINK_MODEL } from '../../src/analysis/nlp.js';
import { seededRandom } from '../../src/analysis/seeded-random.js';
import { findWorkerScript } from '../../src/core/worker-script.js';
import type { AnalysisInput, AnalysisRecord } from '../../src/store/store.js';
import { makeHardTexts } from './hard-texts.js';

// Issue 18: same text + same model → same result, whatever was analysed before, in what
// order, in which batches, on how many workers.
const TEXTS = makeHardTexts(3000);
const INPUTS: AnalysisInput[] = TEXTS.map((text, i) => ({
  rowId: i + 1, id: String(i + 1), source: i % 3 ? 'x' : 'reddit', author: `u${i % 97}`, text,
  lang: i % 11 === 0 ? null : 'en', brands: i % 5 === 0 ? ['Kettleby Tea', 'Nimbus Phone'] : ['Kettleby Tea'],
}));
const SETUP = { brandTerms: { 'Kettleby Tea': ['Kettleby Tea', '@KettlebyTea'], 'Nimbus Phone': ['Nimbus Phone'] } };

const forward = INPUTS.map((_, i) => i);
const reversed = [...forward].reverse();
const interleaved = [...forward.filter((i) => i % 2 === 1), ...forward.filter((i) => i % 2 === 0)];
function shuffled(seed: number): number[] {
  const random = seededRandom(seed);
  const order = [...forward];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Results in row order, whatever order they were analysed in. */
function byRow(results: AnalysisRecord[]): AnalysisRecord[] {
  return [...results].sort((a, b) => a.rowId - b.rowId);
}

function analyseHere(order: number[]): AnalysisRecord[] {
  const analyze = createMentionAnalyzer(SETUP);
  return byRow(order.map((i) => analyze(INPUTS[i]!)));
}

// the compiled worker analyze.ts would run from here: refused when dist/ is older than the sources
const WORKER = findWorkerScript(new URL('../../src/core/analyze.ts', import.meta.url));

/** The worker script `earshot analyze` runs, `count` of them, fed batches of `size` in `order`. */
async function analyseOnWorkers(order: number[], count: number, size: number): Promise<AnalysisRecord[]> {
  const workers = Array.from({ length: count }, () => new Worker(WORKER!, { workerData: SETUP }));
  try {
    const batches: AnalysisInput[][] = [];
    for (let b = 0; b < order.length; b += size) batches.push(order.slice(b, b + size).map((i) => INPUTS[i]!));
    const pending = new Map<number, (results: AnalysisRecord[]) => void>();
    for (const worker of workers) worker.on('message', (m: { id: number; results: AnalysisRecord[] }) => pending.get(m.id)?.(m.results));
    const results = await Promise.all(batches.map((batch, id) => new Promise<AnalysisRecord[]>((done) => {
      pending.set(id, done);
      workers[id % count]!.postMessage({ id, batch });
    })));
    return byRow(results.flat());
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function countDifferences(a: AnalysisRecord[], b: AnalysisRecord[]): number {
  expect(b).toHaveLength(a.length);
  return a.filter((record, i) => JSON.stringify(record) !== JSON.stringify(b[i])).length;
}

/** Texts a plain wink-nlp instance, which learns each token it has not seen, reads differently the second time. */
function readDifferentlyAgain(): string[] {
  const plain = winkNLP(model, ['pos']);
  const read = (text: string) => JSON.stringify(plain.readDoc(text).tokens().out(plain.its.type));
  const first = TEXTS.map(read);
  return TEXTS.filter((text, i) => read(text) !== first[i]);
}

describe('the analyser is deterministic (hard token shapes, 3,000 texts)', () => {
  const unstable = readDifferentlyAgain();

  it('needs no luck: plain wink-nlp reads dozens of these texts differently a second time', () => {
    expect(unstable.length).toBeGreaterThan(20);
  });

  it('reads each of those texts, after all the others, as a fresh instance reads it', () => {
    const its = winkNLP(model, []).its;
    const read = (wink: { readDoc: (text: string) => ReturnType<typeof forgetful.readDoc> }, text: string) => {
      const tokens = wink.readDoc(text).tokens();
      return JSON.stringify([tokens.out(its.value), tokens.out(its.type), tokens.out(its.pos)]);
    };
    const forgetful = createForgetfulWink(['pos']);
    for (const text of TEXTS) read(forgetful, text);
    // a fresh instance costs ~100 ms: 40 texts pin it
    for (const text of unstable.slice(0, 40)) expect(read(forgetful, text)).toBe(read(winkNLP(WINK_MODEL, ['pos']), text));
  }, 60_000);

  it('reads the same after its instance is rebuilt (every 50 learnt words here), however many times', () => {
    const its = winkNLP(WINK_MODEL, []).its;
    const read = (wink: ReturnType<typeof createForgetfulWink>) =>
      TEXTS.slice(0, 600).map((text) => JSON.stringify(wink.readDoc(text).tokens().out(its.pos)));
    expect(read(createForgetfulWink(['pos'], { rebuildAfter: 50 }))).toEqual(read(createForgetfulWink(['pos'])));
  }, 60_000);

  it('gives identical results in every field forward, reversed, interleaved and shuffled in one process', () => {
    const reference = analyseHere(forward);
    for (const order of [reversed, interleaved, shuffled(7), forward]) expect(countDifferences(reference, analyseHere(order))).toBe(0);
  });

  describe.skipIf(!WORKER)('on worker threads (needs the dist build: npm run build)', () => {
    it('gives the same results with 1 or 2 workers, any batch split and order, as in-process', async () => {
      const reference = analyseHere(forward);
      expect(countDifferences(reference, await analyseOnWorkers(reversed, 1, 500))).toBe(0);
      expect(countDifferences(reference, await analyseOnWorkers(shuffled(11), 2, 37))).toBe(0);
      expect(countDifferences(reference, await analyseOnWorkers(interleaved, 2, 1))).toBe(0);
    }, 120_000);
  });
});
