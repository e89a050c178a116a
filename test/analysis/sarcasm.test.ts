import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { hasPraiseContrast, hasPraiseWord } from '../../src/analysis/complaint/cues.js';
import { getTokenizer } from '../../src/analysis/nlp.js';
import { readSentimentTokens } from '../../src/analysis/sentiment/score.js';
import { loadAnalysisModels } from '../../src/analysis/models.js';
import { borrowsPraise, situationComplaint } from '../../src/analysis/irony/contrast.js';
import { cueWords } from '../../src/analysis/cue-words.js';

// From earshot's own written dev sentences (bench/dev), which the sarcasm thresholds were
// chosen on: regression tests of the rule, not a measure of quality (bench:complaint
// measures that on the irony test set and the held-out probes).
const SARCASM = [
  'wow thanks @Zentro, my package is lost for the third time this month',
  'great service as always, 45 minutes on hold and then they hung up',
  'nothing like a train that is 2 hours late to start the day, cheers',
  'oh perfect, the printer jammed right before my deadline',
  'awesome, the app crashes every single time i open the camera',
  'really impressed that my card got declined at the till again',
  'gotta love a phone that dies at 40 percent',
  'amazing how the lid fell off the first time i used it',
];
const PRAISE = [
  'so happy with my new headphones, the sound is incredible', 'love how quiet the new dishwasher is',
  'fantastic battery life, lasts two days easily', 'perfect fit and the fabric feels great', 'glad i upgraded, the screen is gorgeous',
];

describe('sarcasm: praise around a negative situation', () => {
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const read = (text: string) => analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text, lang: null, brands: ['Acme'] } as never);
  const contrast = (text: string) => {
    const tokens = readSentimentTokens(getTokenizer().readDoc(text));
    return hasPraiseContrast(tokens.values, tokens.types);
  };

  it.each(SARCASM)('is never scored positive: %s', (text) => {
    expect(contrast(text)).toBe(true);
    expect(read(text).sentimentLabel).not.toBe('positive');
  });

  it.each(PRAISE)('leaves sincere praise positive: %s', (text) => {
    expect(read(text).sentimentLabel).toBe('positive');
    expect(read(text).complaint).toBe(false);
  });

  // safety2: praise against a let-down the cue lists do not name (the vectors put a word near
  // failure) also goes to the irony head, and its praise stops counting from P(irony) 0.6.
  // Both were scored positive before; written for this test.
  it.each(['amazing, the courier forgot my street again', 'love paying 9 quid a month for adverts. so fun'])(
    'reads a let-down told with praise as sarcasm: %s', (text) => {
      expect(read(text).sentimentLabel).not.toBe('positive');
    });

  // unseen branch: sarcasm the praise-contrast cue does not see, caught by the situation side
  // (the post read without its praise and emoji is a complaint) or by the irony head on any
  // positive-read post; both were scored positive before. Written for this test, across domains.
  it.each([
    ['apps', 'amazing update, now the app crashes before the login screen even loads'],
    ['hotels', 'wonderful, the hotel lost our booking and gave the room away'],
  ])('never scores sarcasm without a named fault positive (%s): %s', (_area, text) => {
    expect(read(text).sentimentLabel).not.toBe('positive');
  });

  // …while sincere praise in the same frames stays praise
  it.each([
    ['restaurants', 'love how crispy the fries were at the new diner'],
    ['delivery', 'great, it arrived a day early and works perfectly'],
    ['audio', 'brilliant little speaker, the sound is huge for its size 👍'],
  ])('leaves sincere praise in sarcasm\'s frames positive (%s): %s', (_area, text) => {
    expect(read(text).sentimentLabel).toBe('positive');
  });

  it('reads the situation without the borrowed praise and emoji', () => {
    const models = loadAnalysisModels();
    const situation = (text: string) => {
      const tokens = readSentimentTokens(getTokenizer().readDoc(text));
      return situationComplaint(models.sentiment, models.complaint, { ...tokens, words: cueWords(tokens.values) });
    };
    const borrows = (text: string) => {
      const tokens = readSentimentTokens(getTokenizer().readDoc(text));
      return borrowsPraise({ ...tokens, words: cueWords(tokens.values) });
    };
    expect(borrows('my parcel turned up soaked 👍')).toBe(true);
    expect(borrows('love it')).toBe(true);
    expect(borrows('the parcel turned up soaked')).toBe(false);
    expect(situation('amazing update, now the app crashes before the login screen even loads')).toBeGreaterThanOrEqual(0.5);
    expect(situation('love how crispy the fries were')).toBeLessThan(0.5);
    expect(situation('love 👍')).toBe(0);
  });

  it('finds a praise word unless it is negated', () => {
    const praise = (text: string) => {
      const tokens = readSentimentTokens(getTokenizer().readDoc(text));
      return hasPraiseWord(tokens.values, tokens.types);
    };
    expect(praise('amazing, the courier forgot my street')).toBe(true);
    expect(praise('not great, the courier forgot my street')).toBe(false);
    expect(praise('the courier forgot my street')).toBe(false);
  });

  it('does not read negated praise or praise alone as the contrast', () => {
    expect(contrast('not great, the lid cracked')).toBe(false);
    expect(contrast('love this tea so much')).toBe(false);
    expect(contrast('love how it broke on day two')).toBe(true);
  });
});
