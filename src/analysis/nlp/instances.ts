// The shared wink-nlp instances. Building an instance costs ~100 ms and ~18 MB of heap, so
// every analysis module takes them from here instead of making its own, and each is built on
// first use: a thread that imports the analysis code but never reads a doc (the store's
// thread while workers analyse) never builds one. Both forget what each doc taught them
// (forgetful-wink.ts): the same text gives the same tokens whatever was read before.
import { createRequire } from 'node:module';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { createForgetfulWink, stopWordsOf } from './forgetful-wink.js';
import { WINK_MODEL } from './model.js';

const require = createRequire(import.meta.url);
/**
 * wink's `its` and `as` helpers, read without building an instance: they are wink-nlp's
 * module-level objects, the same for every instance (wink-nlp.js: `methods.its =
 * require('./its.js')`). On upgrade: check those two paths (the wink-instances test
 * compares them with an instance's).
 */
export const its = require('wink-nlp/src/its.js') as WinkMethods['its'];
export const as = require('wink-nlp/src/as.js') as WinkMethods['as'];

let shared: WinkMethods | undefined;
const sharedNlp = (): WinkMethods => (shared ??= createForgetfulWink(['pos']));

/**
 * The shared mention doc's pipeline: POS only. Term extraction needs POS tags and
 * lemmas; sentiment reads token values and types, which every pipeline gives alike.
 * Sentence breaking, negation, wink's own sentiment and NER would add ~30 µs a doc
 * (over half of readDoc) for nothing we read: the same token columns come out
 * (checked on the bench corpus and the fixtures), and date/number words are
 * skipped by word list instead of by NER (topics/stop-words.ts).
 */
export const nlp: WinkMethods = {
  readDoc: (text) => sharedNlp().readDoc(text),
  learnCustomEntities: (examples, config) => sharedNlp().learnCustomEntities(examples, config),
  vectorOf: (word) => sharedNlp().vectorOf(word),
  its,
  as,
};

/** The words whose its.stopWordFlag is true, read from the shared instance's model (nlp/stop-words.ts). */
export function sharedStopWords(): ReadonlySet<string> {
  return stopWordsOf(sharedNlp());
}

let tokenizerInstance: WinkMethods | undefined;

/**
 * Tokeniser-only instance, built on first use. Reading a doc without POS/NER is
 * ~3x faster, which matters when only token values and types are needed.
 */
export function getTokenizer(): WinkMethods {
  tokenizerInstance ??= createForgetfulWink([]);
  return tokenizerInstance;
}

/**
 * A plain wink-nlp instance, which learns as it reads (no workaround but the model's
 * metaCER): for the tools that measure wink itself or reproduce a published baseline.
 * `pipe` undefined is wink's full pipeline.
 */
export function plainWink(pipe?: readonly string[]): WinkMethods {
  return winkNLP(WINK_MODEL, pipe ? [...pipe] : undefined);
}
