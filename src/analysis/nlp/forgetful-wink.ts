// A wink-nlp instance that reads every doc as a fresh instance would, on the English lite
// model. It holds three separate workarounds of wink-nlp 2.4 / wink-eng-lite-web-model
// internals, one file each, each saying what it relies on and what to check on upgrade:
// 1. model.ts — the model's metaCER() grows with every instance built (the ~20th fails);
// 2. forget-lexicon.ts — wink learns every unseen token, which changes how later docs are
//    tokenised: each doc's learning is forgotten, and the instance rebuilt now and then;
//    relearn.ts — a forgotten word met again is put back at its old entry, not learnt again;
// 3. feature-memo.ts — relearning words per doc recomputes their features: memoised.
// This file puts them together behind wink's own interface (WinkMethods).
import type { Document, WinkMethods } from 'wink-nlp';
import { build, forget, learntCount, makeRoom, REBUILD_AFTER, rewind, type Reader, type WinkFactory } from './forget-lexicon.js';
import { readStopWords, type PackedCoreModel } from './stop-words.js';

export { REBUILD_AFTER } from './forget-lexicon.js';
export { WINK_MODEL } from './model.js';

export interface ForgetfulOptions {
  /** Learnt lexemes before the instance is rebuilt (default REBUILD_AFTER). */
  rebuildAfter?: number;
  /** Builds each instance (default wink-nlp's); tests wrap it to see which instance answers. */
  factory?: WinkFactory;
  /** Put forgotten words back instead of learning them again (relearn.ts; default true): tests compare both. */
  relearn?: boolean;
}

/**
 * A wink-nlp instance on the English lite model whose `readDoc` does not depend on any
 * doc read before. A doc stays readable until the next `readDoc` of the same instance
 * (its lazily read properties, lemmas and stop flags, are read in that state). Every
 * method answers from the current instance, also after a rebuild.
 */
export function createForgetfulWink(pipe: readonly string[], options: ForgetfulOptions = {}): WinkMethods {
  const rebuildAfter = options.rebuildAfter ?? REBUILD_AFTER;
  let reader = build(pipe, undefined, options.factory, options.relearn);
  const readDoc = (text: string): Document => {
    forget(reader);
    if (learntCount(reader) > rebuildAfter) reader = build(pipe, rewind(reader), options.factory, options.relearn);
    makeRoom(reader, text);
    return reader.instance.readDoc(text);
  };
  // Typed as WinkMethods: a method a wink upgrade adds fails the type check here until it
  // is forwarded too (or refused, as custom entities are).
  const methods: WinkMethods = {
    readDoc,
    learnCustomEntities: () => {
      throw new Error('custom entities would be forgotten: build a wink-nlp instance of your own for them');
    },
    vectorOf: (word: string) => reader.instance.vectorOf(word),
    get its() {
      return reader.instance.its;
    },
    get as() {
      return reader.instance.as;
    },
  };
  readers.set(methods, () => reader);
  return methods;
}

/** Each forgetful instance's current reader, for what is read off its core model (the model's own part never changes). */
const readers = new WeakMap<WinkMethods, () => Reader>();
const stopWords = new WeakMap<WinkMethods, ReadonlySet<string>>();

/** The words whose `its.stopWordFlag` is true (as the normal form of a token), read once from the instance's model. */
export function stopWordsOf(wink: WinkMethods): ReadonlySet<string> {
  let words = stopWords.get(wink);
  if (words === undefined) {
    const reader = readers.get(wink);
    if (!reader) throw new Error('not a forgetful wink instance');
    stopWords.set(wink, (words = readStopWords(reader().core as PackedCoreModel)));
  }
  return words;
}
