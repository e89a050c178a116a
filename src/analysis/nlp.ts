// The one shared wink-nlp instance. Building an instance costs ~100 ms and a few
// MB, so every analysis module imports it from here instead of making its own.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { WinkMethods } from 'wink-nlp';

/** Full pipeline (sbd, negation, sentiment, pos, ner): what the shared mention doc uses. */
export const nlp = winkNLP(model);
export const its = nlp.its;
export const as = nlp.as;

let tokenizerInstance: WinkMethods | undefined;

/**
 * Tokeniser-only instance, built on first use. Reading a doc without POS/NER is
 * ~3x faster, which matters when only token values and types are needed.
 */
export function getTokenizer(): WinkMethods {
  tokenizerInstance ??= winkNLP(model, []);
  return tokenizerInstance;
}

export type { Document as NlpDocument, WinkMethods } from 'wink-nlp';
