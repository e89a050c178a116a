import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nlp } from '../../src/analysis/nlp.js';
import {
  DEFAULT_MODEL_PATH, isMaybeEnglish, loadSentimentModel, readSentimentTokens, scoreDoc, scoreSentiment, scoreTokens,
} from '../../src/analysis/sentiment/index.js';
import type { SentimentLabel } from '../../src/analysis/sentiment/index.js';

const model = loadSentimentModel();

// Hard social text: negation, emoji, caps, hashtags, complaints without sentiment words.
const labelled: Array<[string, SentimentLabel]> = [
  ['not good at all', 'negative'],
  ['this is not good', 'negative'],
  ['😡😡', 'negative'],
  ['😍', 'positive'],
  ['Why is there PLASTIC in your tea bags?? 😡', 'negative'],
  ['my flight was cancelled and no one answers the phone', 'negative'],
  ['THIS IS THE WORST SERVICE EVER', 'negative'],
  ['I LOVE THIS SO MUCH', 'positive'],
  ['great, another delay... thanks a lot #fail', 'negative'],
  ['new phone day #love', 'positive'],
  ['sooo happy with my new headphones!!!', 'positive'],
  ['ugh, my package is lost again', 'negative'],
  ['The store opens at 9am on Monday.', 'neutral'],
];

describe('scoreSentiment on hard social text', () => {
  it.each(labelled)('%s → %s', (text, expected) => {
    expect(scoreSentiment(model, text).label).toBe(expected);
  });

  it('moves "not bad" well away from "bad"', () => {
    expect(scoreSentiment(model, 'not bad').score).toBeGreaterThan(scoreSentiment(model, 'bad').score + 0.15);
  });

  // Only ~11 training tweets contain "not bad"; a negated clearly-negative word with
  // nothing else around it is flipped at scoring time.
  it.each(['not bad', 'Not bad!', "isn't bad", 'not terrible.'])('reads %j as not negative', (text) => {
    expect(scoreSentiment(model, text).label).not.toBe('negative');
  });

  it('keeps the flip to a lone negated negative word', () => {
    expect(scoreSentiment(model, 'not bad, just terrible').label).toBe('negative');
    expect(scoreSentiment(model, 'not good').label).toBe('negative');
    expect(scoreSentiment(model, 'not the').label).not.toBe('positive');
  });

  it('lets negation flip "good" downwards', () => {
    expect(scoreSentiment(model, "I don't like it").score).toBeLessThan(scoreSentiment(model, 'I like it').score);
  });

  it('treats sarcastic "great" followed by a complaint as negative', () => {
    expect(scoreSentiment(model, 'oh great, my train is late AGAIN 🙄').score).toBeLessThan(0);
  });
});

describe('scores and probabilities', () => {
  const texts = ['', '!!!', '@user http://t.co/x', 'I love it', 'I hate it', 'meh', '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂'];

  it.each(texts)('%j gives a score in −1..1 equal to P(pos) − P(neg)', (text) => {
    const { score, probs } = scoreSentiment(model, text);
    expect(score).toBeGreaterThanOrEqual(-1);
    expect(score).toBeLessThanOrEqual(1);
    expect(score).toBeCloseTo(probs.positive - probs.negative, 10);
    expect(probs.negative + probs.neutral + probs.positive).toBeCloseTo(1, 6);
  });

  it('gives the same result from a shared full-pipeline doc as from raw text', () => {
    const text = "Can't believe @united lost my bag AGAIN 😡 #neverflyingagain";
    const fromText = scoreSentiment(model, text);
    const doc = nlp.readDoc(text);
    expect(scoreDoc(model, doc)).toEqual(fromText);
    expect(scoreTokens(model, readSentimentTokens(doc))).toEqual(fromText);
  });
});

describe('language gate', () => {
  it('leaves non-English text neutral', () => {
    const result = scoreSentiment(model, 'odio este producto, es horrible 😡', { lang: 'es' });
    expect(result).toEqual({ score: 0, label: 'neutral', probs: { negative: 0, neutral: 1, positive: 0 } });
  });

  it.each([
    ['en', true], ['en-GB', true], ['und', true], [null, true], [undefined, true], ['zxx', true],
    ['es', false], ['fr', false], ['ja', false],
  ] as const)('isMaybeEnglish(%s) is %s', (lang, expected) => {
    expect(isMaybeEnglish(lang)).toBe(expected);
  });

  it('still scores text marked English or undetermined', () => {
    expect(scoreSentiment(model, 'I hate this, worst ever 😡', { lang: 'en' }).label).toBe('negative');
    expect(scoreSentiment(model, '😡😡', { lang: 'und' }).label).toBe('negative');
  });
});

describe('committed model file', () => {
  it('is smaller than 2 MB', () => {
    expect(statSync(DEFAULT_MODEL_PATH).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('carries a version id and its feature settings', () => {
    expect(model.version).toMatch(/^sentiment-\d{8}-[0-9a-f]{8}$/);
    expect(model.settings.bucketBits).toBeGreaterThanOrEqual(16);
    expect(model.weights.length).toBe((1 << model.settings.bucketBits) * model.labels.length);
  });
});
