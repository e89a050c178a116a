// wink's stop-word flag as a set of words, read once from the model instead of per token.
//
// `its.stopWordFlag` of a token is the `isStopWord` bit of its normal form's lexeme. Only
// the model's own lexemes have that bit (it is not among the features learnt for unseen
// words, `packing.efList`, so a learnt lexeme reads 0), and the model's lexemes are unique
// strings (the lexicon's hash maps each to its own index): so the flag is "the normal form
// is one of the model's words whose bit is set" — 304 words in wink-eng-lite-web-model 1.x.
// Fetching the flag per token (`tokens.itemAt(i).out(its.stopWordFlag)`) cost ~4 % of the
// analyser's time on real text, through a memo that real text's long tail kept missing.
// What it relies on: `packing.layout.isStopWord` = [word offset, mask, shift] into the packed
// `lexicon` (`packing.size` words per lexeme), `features.lexeme.list/intrinsicSize`, and
// isStopWord not in `packing.efList`. On upgrade: `build` below throws if these change shape;
// test/analysis/nlp/stop-words.test.ts compares the set with its.stopWordFlag token by token.
import type { CoreModel } from './forget-lexicon.js';

export interface PackedCoreModel extends CoreModel {
  lexicon: Uint32Array | number[];
  packing: CoreModel['packing'] & { size: number; efList: string[] };
}

/** The model's words whose isStopWord bit is set. */
export function readStopWords(core: PackedCoreModel): ReadonlySet<string> {
  const { lexicon, packing, features } = core;
  const layout = packing.layout.isStopWord;
  const lexeme = features.lexeme;
  if (!layout || packing.efList.includes('isStopWord') || !lexeme) throw new Error('unexpected wink-nlp core model: no isStopWord bit');
  const [offset = 0, mask = 0, shift = 0] = layout;
  const words = new Set<string>();
  for (let i = 0; i < lexeme.intrinsicSize; i++) {
    if (((lexicon[offset + i * packing.size]! & mask) >>> shift) === 1) words.add(lexeme.list[i] as string);
  }
  return words;
}
