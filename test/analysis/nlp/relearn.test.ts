import { describe, expect, it } from 'vitest';
import { createForgetfulWink, its, type WinkMethods } from '../../../src/analysis/nlp.js';
import { makeHardTexts } from '../hard-texts.js';

// Issue 26: a forgotten word met again is put back at its old entry instead of being learnt
// again (nlp/relearn.ts). Every property the analyser (or anyone) reads must be what
// learning it again gives.
const TEXTS = [
  ...makeHardTexts(1500),
  // one word in several token types and cases, its lowercase form known or not
  'Zorblat! zorblat ZORBLAT #Zorblat @Zorblat zorblat’s Zorblat’s. Zorblat-ish',
  'ZORBLAT zorblat Zorblat… #zorblat Thursday’s. on Thursday’s game, THURSDAY’S',
  'Qwxlp. qwxlp QWXLP! QwXlP? the Qwxlp’s qwxlp’ll',
  // "000" is learnt as a word in the first, as a number in the second: two entries, one per type
  'only IDR15.000. on iTunes',
  'for the 110, 000 time',
];
const PROPERTIES = [its.value, its.type, its.pos, its.normal, its.lemma, its.stopWordFlag, its.shape, its.prefix, its.suffix,
  its.precedingSpaces, its.contractionFlag, its.abbrevFlag, its.case] as const;

function readAll(wink: WinkMethods, texts: readonly string[]): string[] {
  return texts.map((text) => {
    const tokens = wink.readDoc(text).tokens();
    return JSON.stringify(PROPERTIES.map((p) => tokens.out(p as never)));
  });
}

describe('relearning forgotten words (nlp/relearn.ts)', () => {
  it('reads every token property as learning each doc\'s words again does, in any order, across rebuilds', () => {
    const order = [...TEXTS, ...[...TEXTS].reverse(), ...TEXTS.filter((_, i) => i % 3 === 0)];
    const relearnt = readAll(createForgetfulWink(['pos'], { rebuildAfter: 2000 }), order);
    const learnt = readAll(createForgetfulWink(['pos'], { relearn: false }), order);
    let differ = 0;
    for (let i = 0; i < order.length; i++) if (relearnt[i] !== learnt[i]) differ++;
    expect(differ).toBe(0);
  }, 120_000);
});
