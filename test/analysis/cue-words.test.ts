import { describe, expect, it } from 'vitest';
import { appendCueFeatures, hasPraiseContrast } from '../../src/analysis/complaint/cues.js';
import { cueWords } from '../../src/analysis/cue-words.js';
import { appendIntentCueFeatures } from '../../src/analysis/intent/cues.js';
import { getTokenizer } from '../../src/analysis/nlp.js';
import { appendSafetyCueFeatures } from '../../src/analysis/safety/cues.js';
import { readSentimentTokens } from '../../src/analysis/sentiment/score.js';
import { defaultConceptSpace, denseMeaning } from '../../src/analysis/vectors/concepts.js';
import { makeHardTexts } from './hard-texts.js';

// Issue 26: the analyser reads each token's cue word once for every head; each head reading
// it on its own must give the same features.
const TEXTS = [...makeHardTexts(300, 7), 'I’M SO DONE, Zentro’s app CRASHED again… love it', "Can't you just fix it? WON’T charge", '@Acme found GLASS in my tea'];

describe('cue words read once per mention', () => {
  it('give every head the features it reads on its own', () => {
    const space = defaultConceptSpace();
    expect(space.cueSpelt).toBe(true);
    for (const text of TEXTS) {
      const { values, types } = readSentimentTokens(getTokenizer().readDoc(text));
      const words = cueWords(values);
      expect(words).toEqual(values.map((v) => v.toLowerCase().replaceAll('’', "'")));
      expect(hasPraiseContrast(values, types, words)).toBe(hasPraiseContrast(values, types));
      const features = (append: (out: number[], given?: readonly string[]) => void) => {
        const alone: number[] = [];
        const shared: number[] = [];
        append(alone);
        append(shared, words);
        expect(shared).toEqual(alone);
      };
      features((out, given) => appendCueFeatures(values, types, 0xfffff, out, true, undefined, given));
      features((out, given) => appendSafetyCueFeatures(values, types, 0xfffff, out, given));
      features((out, given) => appendIntentCueFeatures(values, types, 0xfffff, out, given));
      expect(denseMeaning(space, values, types, [], words)).toEqual(denseMeaning(space, values, types, []));
    }
  });
});
