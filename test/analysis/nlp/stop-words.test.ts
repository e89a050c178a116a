import { describe, expect, it } from 'vitest';
import { its, nlp, sharedStopWords } from '../../../src/analysis/nlp.js';
import { makeHardTexts } from '../hard-texts.js';

describe("wink's stop words read from its model (nlp/stop-words.ts)", () => {
  it('flag exactly the tokens its.stopWordFlag flags, contractions and unseen words included', () => {
    const stopWords = sharedStopWords();
    const texts = [...makeHardTexts(400), "I can't and won't, they're ALL the Same etc. but Hereafter AMONGST us", 'Ain’t nobody gonna do that again!!'];
    let flagged = 0;
    let tokens = 0;
    for (const text of texts) {
      const doc = nlp.readDoc(text).tokens();
      const normals = doc.out(its.normal) as string[];
      const flags = doc.out(its.stopWordFlag) as unknown as boolean[];
      normals.forEach((normal, i) => expect([normal, stopWords.has(normal)]).toEqual([normal, flags[i]]));
      flagged += flags.filter(Boolean).length;
      tokens += flags.length;
    }
    expect(flagged).toBeGreaterThan(100);
    expect(tokens - flagged).toBeGreaterThan(100);
  });
});
