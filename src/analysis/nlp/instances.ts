// The shared wink-nlp instances. Building an instance costs ~100 ms and a few MB, so every
// analysis module takes them from here instead of making its own. Both forget what each
// doc taught them (forgetful-wink.ts): the same text gives the same tokens whatever was
// read before.
import winkNLP, { type WinkMethods } from 'wink-nlp';
import { createForgetfulWink } from './forgetful-wink.js';
import { WINK_MODEL } from './model.js';

/**
 * The shared mention doc's pipeline: POS only. Term extraction needs POS tags and
 * lemmas; sentiment reads token values and types, which every pipeline gives alike.
 * Sentence breaking, negation, wink's own sentiment and NER would add ~30 µs a doc
 * (over half of readDoc) for nothing we read: the same token columns come out
 * (checked on the bench corpus and the fixtures), and date/number words are
 * skipped by word list instead of by NER (topics/stop-words.ts).
 */
export const nlp = createForgetfulWink(['pos']);
export const its = nlp.its;
export const as = nlp.as;

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
