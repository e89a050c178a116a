// Part of workaround 2 (forget-lexicon.ts): relearning a forgotten word without wink's
// cost of learning it.
//
// Every doc is read as by a fresh instance, so a word wink does not know is learnt again
// in every doc that has it: `cache.add` looks it up, computes and packs its features,
// appends it to the lexeme list and to its private feature array, and the lowercase form
// likewise — ~5 µs a word, 8 words a real post, about half of readDoc on real text. But a
// learnt word's entry is a function of (word, token type) alone, and it stays in wink's
// arrays after it is forgotten (only the hash forgets it): so when a later doc makes wink
// learn the same word with the same type, putting the word (and its forgotten lowercase
// form) back into the hash at its old index gives the tokens wink would have produced —
// the same strings, the same packed features — without learning it again. Only when
// learning would have added exactly those entries: a word whose lowercase form is known
// at another index in this doc is learnt by wink as usual.
// What it relies on (wink-nlp 2.4): the doc's tokeniser calls `cache.add(text, category)`
// through the cache's methods object (dd-wrapper.js `addToken`), the same object wink passes
// to feature functions as their third argument, where this finds it; `add` returns the
// word's lexeme index after adding, in the lexeme list, the word and then its lowercase form
// when either is new; an entry's features never change after it is added; and nothing but
// tokens' own indices point at an entry (its strings and features are what a doc reads).
// Entries whose prefix/suffix/shape indices may have been reused (`makeRoom`) are not
// relearnt (the memo is emptied then). On upgrade: re-read cache.js `add` and dd-wrapper.js;
// the determinism tests compare with fresh instances and the golden output is unchanged.

/** What an `add` that learnt a word put in the lexicon's hash, to put back. */
interface Learnt {
  index: number;
  /** The lowercase form, when different from the word. */
  lower: string | undefined;
  lowerIndex: number;
  /** True when the lowercase form was learnt with the word (it is put back too); false when it is the model's own. */
  lowerLearnt: boolean;
}

type Add = (text: string, category: number) => number;

export interface CacheMethods {
  add: Add;
}

export interface Relearning {
  /** Hash keys put back since the last `forget`, to take out again with the doc's learnt words. */
  readonly putBack: string[];
  /** Forgets every learnt word's entry (their prefix/suffix/shape indices may now mean other strings). */
  clear(): void;
}

/**
 * Replaces the cache's `add` with one that puts a forgotten word back instead of learning
 * it again when it can (see above). `hash`/`list` are the lexicon's (features.lexeme).
 */
export function installRelearning(cache: CacheMethods, hash: Record<string, number>, list: unknown[], intrinsicSize: number): Relearning {
  const learn = cache.add;
  // per token type: word → what learning it added
  let byType: Array<Map<string, Learnt>> = [];
  const putBack: string[] = [];
  cache.add = (text, category) => {
    if (hash[text] !== undefined) return learn(text, category);
    const memo = byType[category] ?? (byType[category] = new Map());
    const known = memo.get(text);
    if (known !== undefined) {
      const lower = known.lower;
      if (lower === undefined) {
        hash[text] = known.index;
        putBack.push(text);
        return known.index;
      }
      const lowerNow = hash[lower];
      if (known.lowerLearnt ? lowerNow === undefined : lowerNow === known.lowerIndex) {
        hash[text] = known.index;
        putBack.push(text);
        if (known.lowerLearnt) {
          hash[lower] = known.lowerIndex;
          putBack.push(lower);
        }
        return known.index;
      }
    }
    const before = list.length;
    const index = learn(text, category);
    const added = list.length - before;
    if (added >= 1 && list[before] === text && index === before) {
      const lower = text.toLowerCase();
      if (lower === text) {
        if (added === 1) memo.set(text, { index, lower: undefined, lowerIndex: index, lowerLearnt: false });
      } else if (added === 2 && list[before + 1] === lower) {
        memo.set(text, { index, lower, lowerIndex: before + 1, lowerLearnt: true });
      } else if (added === 1 && (hash[lower] ?? intrinsicSize) < intrinsicSize) {
        memo.set(text, { index, lower, lowerIndex: hash[lower]!, lowerLearnt: false });
      }
    }
    return index;
  };
  return { putBack, clear: () => { byType = []; } };
}
