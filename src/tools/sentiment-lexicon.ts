// Training-time priors: the VADER and AFINN word lexicons. Each enters training as
// dense features that are sums over the unigrams of a tweet, so they are linear in
// the unigram features: after training their weights are folded into the word
// buckets, and the shipped model needs no lexicon — scoring costs nothing extra.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extractFeatures, termBucket } from '../analysis/sentiment/features.js';
import type { FeatureSettings, SentimentTokens } from '../analysis/sentiment/types.js';
import { readEmojiPrior } from './sentiment-emoji-prior.js';

/** Dense lexicon features: [positive sum, negative sum] for plain words, then the same for negated words. */
export const LEXICON_FEATURES = 4;
const VALENCE_SCALE = 4; // VADER ratings run −4..4

/** What a candidate model learns from besides its hashed features. */
export interface Priors {
  /** Word → valence in −1..1; each lexicon gets its own four dense features. */
  lexicons: Array<Map<string, number>>;
}

/** Dense feature count: four lexicon sums per lexicon. */
export function denseCount(priors: Priors): number {
  return priors.lexicons.length * LEXICON_FEATURES;
}

/** VADER's single words plus the emoji prior, all on a −1..1 scale. */
export function readLexicon(): Map<string, number> {
  const lexicon = readVaderLexicon();
  for (const [emoji, polarity] of readEmojiPrior()) lexicon.set(emoji, polarity);
  return lexicon;
}

/** Single-word entries of the VADER lexicon (MIT; shipped in the vader-sentiment port). */
export function readVaderLexicon(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('vader-sentiment/package.json'));
  const lexicon = new Map<string, number>();
  for (const line of readFileSync(join(root, 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const [term, mean] = line.split('\t');
    if (!term || term.includes(' ') || mean === undefined) continue;
    lexicon.set(term.toLowerCase(), Number(mean) / VALENCE_SCALE);
  }
  return lexicon;
}

/**
 * AFINN-165 (MIT; shipped in the `sentiment` package) plus the emoji prior, on a
 * −1..1 scale. The emoji are in both lexicons so that, once folded, an emoji
 * weighs as much as a word of the same valence that both lexicons list: the
 * training tweets hold no emoji, so the priors are all the model knows of them.
 */
export function readAfinnLexicon(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const labels = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const lexicon = new Map(Object.entries(labels).filter(([word]) => !word.includes(' ')).map(([word, value]) => [word.toLowerCase(), value / 5]));
  for (const [emoji, polarity] of readEmojiPrior()) lexicon.set(emoji, polarity);
  return lexicon;
}

/** Features and dense prior sums for one doc, in one walk over the tokens. */
export function extractWithPriors(
  tokens: SentimentTokens, settings: FeatureSettings, priors: Priors, scratch: number[],
): { features: Int32Array; dense: Float32Array } {
  const { lexicons } = priors;
  const dense = new Float32Array(denseCount(priors));
  const visit = lexicons.length > 0
    ? (term: string, negated: boolean): void => {
        lexicons.forEach((lexicon, l) => {
          const valence = lexicon.get(term);
          if (!valence) return;
          const slot = l * LEXICON_FEATURES + slotOf(valence, negated);
          dense[slot] = (dense[slot] ?? 0) + Math.abs(valence);
        });
      }
    : undefined;
  const features = Int32Array.from(extractFeatures(tokens, settings, scratch, visit));
  return { features, dense };
}

/** Add each lexicon word's dense contribution to its unigram bucket (plain and negated). */
export function foldPriors(
  weights: Float32Array, denseWeights: Float32Array, priors: Priors, settings: FeatureSettings, classes: number,
): void {
  for (const [l, lexicon] of priors.lexicons.entries()) {
    for (const [term, valence] of lexicon) foldWord(weights, denseWeights, term, valence, l, settings, classes);
  }
}

function foldWord(
  weights: Float32Array, denseWeights: Float32Array, term: string, valence: number, lexiconIndex: number, settings: FeatureSettings, classes: number,
): void {
  for (const negated of [false, true]) {
    const bucket = termBucket(term, negated, settings);
    const slot = lexiconIndex * LEXICON_FEATURES + slotOf(valence, negated);
    for (let c = 0; c < classes; c++) {
      const k = bucket * classes + c;
      weights[k] = (weights[k] ?? 0) + Math.abs(valence) * (denseWeights[slot * classes + c] ?? 0);
    }
  }
}

function slotOf(valence: number, negated: boolean): number {
  return (valence > 0 ? 0 : 1) + (negated ? 2 : 0);
}
