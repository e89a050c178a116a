// Workaround 3 of 3 (see forgetful-wink.ts): wink's word features, memoised.
//
// What it works around: because every doc is read as by a fresh instance (forget-lexicon.ts),
// wink learns an unseen word again in every doc that has it, and learning a word computes
// its features again (shape, case, abbreviation, POS guess: regexes) — a cost plain wink
// pays once per word per process.
// What it relies on: the model's `featureFn(config)` returns the feature functions wink's
// cache calls as `feature[name](word, tokenType, cache)` while learning a word
// (cache.js `add`); those named below are pure functions of (word, token type): `pos`
// reads the lexicon, but only whether the lowercase word is in the model's own
// vocabulary, which never changes. prefix and suffix are a slice, cheaper than a lookup.
// On upgrade: re-read wink-eng-lite-web-model's feature.js for these four names (still
// pure?) and cache.js `add` (same arguments?); the determinism tests compare the
// forgetful instance with a fresh plain one token by token.
import model from 'wink-eng-lite-web-model';

export type FeatureFn = (word: string, category: number, cache: unknown) => unknown;

/** Features of a word alone (load-core-model.js `efList` but `pos`). */
const WORD_FEATURES = ['lutCase', 'shape', 'isAbbrev'] as const;
const MAX_MEMO = 20_000;

/** A word's memoised features: those of the word alone, and its POS guess by token type. */
interface WordFeatures {
  lutCase?: unknown;
  shape?: unknown;
  isAbbrev?: unknown;
  pos: unknown[];
}

/**
 * A `featureFn` for the model: wink's feature functions, the costly ones memoised, all of
 * one word in one record (wink asks for them one after the other for the same word). The
 * memo is cleared when full; being a pure function, when does not matter.
 */
export function memoiseFeatures(config: unknown, onCache?: (cache: unknown) => void): Record<string, FeatureFn> {
  const features = (model.featureFn as (c: unknown) => Record<string, FeatureFn>)(config);
  const memoised = Object.assign(Object.create(null), features) as Record<string, FeatureFn>;
  const memo = new Map<string, WordFeatures>();
  let lastWord: string | undefined;
  let last: WordFeatures = { pos: [] };
  // the cache's methods object, passed to every feature function: handed once to `onCache` (relearn.ts)
  let cacheSeen = onCache === undefined;
  const recordOf = (word: string, cache: unknown): WordFeatures => {
    if (!cacheSeen) {
      cacheSeen = true;
      onCache!(cache);
    }
    if (word === lastWord) return last;
    let record = memo.get(word);
    if (record === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, (record = { pos: [] }));
    }
    lastWord = word;
    return (last = record);
  };
  for (const name of WORD_FEATURES) {
    const compute = features[name]!;
    memoised[name] = (word, category, cache) => {
      const record = recordOf(word, cache);
      return record[name] ?? (record[name] = compute(word, category, cache));
    };
  }
  const pos = features.pos!;
  memoised.pos = (word, category, cache) => {
    const record = recordOf(word, cache);
    return record.pos[category] ?? (record.pos[category] = pos(word, category, cache));
  };
  return memoised;
}
