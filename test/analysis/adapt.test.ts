import { describe, expect, it } from 'vitest';
import {
  applyAdaptation, evaluateAdaptation, fitAdaptation, macroF1, orderForReview, pickAdaptation, predictLabels, trainableTasks, ADAPT_SETTINGS,
  type LabelledText,
} from '../../src/analysis/adapt/index.js';
import { applyDelta } from '../../src/analysis/adapt/apply.js';
import { fitDelta } from '../../src/analysis/adapt/fit.js';
import { analysisJobs } from '../../src/core/adapted-models.js';
import { loadAnalysisModels } from '../../src/analysis/models.js';
import { getTokenizer } from '../../src/analysis/nlp.js';
import { readSentimentTokens } from '../../src/analysis/sentiment/score.js';

const base = loadAnalysisModels();
const tokens = (text: string) => readSentimentTokens(getTokenizer().readDoc(text));
const text = (key: string, t: string, labels: Pick<LabelledText, 'sentiment' | 'complaint'>): LabelledText => ({ key, tokens: tokens(t), ...labels });

// a kettle maker's "hot" is a warning: the base model hears praise
const KETTLE = [
  ...['handle', 'lid', 'base', 'spout', 'button', 'switch'].flatMap((part, i) => [
    text(`h${i}`, `the ${part} gets so hot after one boil`, { complaint: true, sentiment: 'negative' }),
    text(`g${i}`, `my ${part} is hot every single morning`, { complaint: true, sentiment: 'negative' }),
  ]),
  ...['design', 'colour', 'size', 'shape', 'finish', 'look'].flatMap((what, i) => [
    text(`p${i}`, `love the ${what} of this kettle, boils fast`, { complaint: false, sentiment: 'positive' }),
    text(`q${i}`, `the ${what} is fine, it makes tea`, { complaint: false, sentiment: 'neutral' }),
  ]),
];

describe('fitting an adaptation', () => {
  it('learns a brand\'s own meaning of a word and keeps its version deterministic', () => {
    const probe = tokens('the kettle handle gets hot when I pour');
    expect(predictLabels(base, probe).complaint).toBe(false);
    const adaptation = fitAdaptation(base, KETTLE, { brand: 'Boilco' });
    const adapted = applyAdaptation(base, adaptation);
    expect(predictLabels(adapted, probe).complaint).toBe(true);
    expect(adaptation.version).toMatch(new RegExp(`^${base.version.replaceAll('+', '\\+')}\\+adapt-[0-9a-f]{10}$`));
    expect(adaptation.labels).toEqual({ sentiment: 24, complaint: 24 });
    expect(fitAdaptation(base, [...KETTLE].reverse(), { brand: 'Boilco' }).version).toBe(adaptation.version);
    expect(fitAdaptation(base, KETTLE, { brand: 'Other' }).version).not.toBe(adaptation.version);
    // text unrelated to the labels keeps the base model's reading
    for (const other of ['what a lovely sunny day', 'worst service ever, still no refund']) {
      expect(predictLabels(adapted, tokens(other))).toEqual(predictLabels(base, tokens(other)));
    }
  });

  it('pull changes only the buckets the labels touched; residual folds its small table onto the base buckets', () => {
    const examples = [{ features: [5, 7], dense: [], baseLogits: [0, 0], label: 1 }];
    const pull = fitDelta(examples, 2, 0, { ...ADAPT_SETTINGS, method: 'pull' });
    expect(pull.buckets).toEqual([5, 7]);
    const model = { bias: new Float32Array(2), weights: new Float32Array(2 ** 20 * 2) };
    const pulled = applyDelta(model, pull).weights;
    expect(pulled[5 * 2 + 1]).toBeGreaterThan(0);
    expect(pulled[6 * 2 + 1]).toBe(0);
    const residual = fitDelta([{ ...examples[0]!, features: [5 + 2 ** 16] }], 2, 0, { ...ADAPT_SETTINGS, method: 'residual', residualBits: 16 });
    expect(residual.buckets).toEqual([5]);
    const folded = applyDelta(model, residual).weights;
    expect(folded[5 * 2 + 1]).toBe(folded[(5 + 2 ** 16) * 2 + 1]);
  });

  it('refuses to fit a task with too few labels or one class only', () => {
    expect(trainableTasks(KETTLE)).toEqual({ sentiment: true, complaint: true });
    expect(trainableTasks(KETTLE.slice(0, 12))).toEqual({ sentiment: false, complaint: false });
    expect(fitAdaptation(base, KETTLE, { brand: null, tasks: { sentiment: false, complaint: true } }).sentiment).toBeNull();
  });

  it('evaluates on labels each model was not fitted on', () => {
    const evaluation = evaluateAdaptation(base, KETTLE);
    expect(evaluation.scheme).toBe('cross-validation');
    expect(evaluation.heldOut).toBe(24);
    expect(evaluation.complaint!.labels).toBe(24);
    expect(evaluation.complaint!.adapted).toBeGreaterThan(evaluation.complaint!.base);
  });
});

describe('macroF1', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'a', 'b', 'b'], ['a', 'a', 'a', 'a'], (2 / 3 + 0) / 2],
    [['a'], ['b'], 0],
  ])('%j vs %j', (gold, predicted, expected) => {
    expect(macroF1(gold, predicted)).toBeCloseTo(expected, 9);
  });
});

describe('review order', () => {
  it('takes the least sure first, spreads over topics and skips copies', () => {
    const order = orderForReview([
      { key: 'a', uncertainty: 0.99, topic: 'lid' },
      { key: 'b', uncertainty: 0.98, topic: 'lid' },
      { key: 'c', uncertainty: 0.97, topic: 'lid' },
      { key: 'd', uncertainty: 0.7, topic: 'handle' },
      { key: 'e', uncertainty: 0.95, topic: 'price', cluster: 'x' },
      { key: 'f', uncertainty: 0.96, topic: 'box', cluster: 'x' },
    ], 4);
    // b would be the second pick from 'lid' (0.98 × 0.5 < 0.7); e is a copy of f
    expect(order.map((c) => c.key)).toEqual(['a', 'f', 'd', 'b']);
  });
});

describe('which model scores a brand', () => {
  const own = { brand: 'Boilco', version: 'b+adapt-1' };
  const store = { brand: null, version: 'b+adapt-2' };
  it('is its own adaptation, else the store\'s, else the base', () => {
    expect(pickAdaptation('boilco', [store, own])).toBe(own);
    expect(pickAdaptation('Chillico', [store, own])).toBe(store);
    expect(pickAdaptation('Chillico', [own])).toBeNull();
  });
  it('gives every other brand one job that leaves the adapted brands out', () => {
    const jobs = analysisJobs('b', [own, store] as never);
    expect(jobs.map((j) => [j.version, j.scope])).toEqual([['b+adapt-1', { brands: ['Boilco'] }], ['b+adapt-2', { exceptBrands: ['Boilco'] }]]);
    expect(analysisJobs('b', []).map((j) => [j.version, j.scope])).toEqual([['b', undefined]]);
  });
});
