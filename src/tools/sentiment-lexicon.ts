// VADER's word lexicon as a training-time prior. Lexicon sums are linear in the
// unigram features, so after training their weights are folded into the word
// buckets: the shipped model needs no lexicon and scoring costs nothing extra.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { extractFeatures, termBucket } from '../analysis/sentiment/features.js';
import type { FeatureSettings, SentimentTokens } from '../analysis/sentiment/types.js';
import { readEmojiPrior } from './sentiment-emoji-prior.js';

/** Dense features: [positive sum, negative sum] for plain words, then the same for negated words. */
export const LEXICON_FEATURES = 4;
const VALENCE_SCALE = 4; // VADER ratings run −4..4

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

/** Features and lexicon sums for one doc, in one walk over the tokens. */
export function extractWithLexicon(
  tokens: SentimentTokens, settings: FeatureSettings, lexicon: Map<string, number> | null, scratch: number[],
): { features: Int32Array; dense: Float32Array } {
  const dense = new Float32Array(lexicon ? LEXICON_FEATURES : 0);
  const visit = lexicon
    ? (term: string, negated: boolean): void => {
        const valence = lexicon.get(term);
        if (!valence) return;
        const slot = slotOf(valence, negated);
        dense[slot] = (dense[slot] ?? 0) + Math.abs(valence);
      }
    : undefined;
  const features = Int32Array.from(extractFeatures(tokens, settings, scratch, visit));
  return { features, dense };
}

/** Add each lexicon word's dense contribution to its unigram bucket (plain and negated). */
export function foldLexicon(
  weights: Float32Array, denseWeights: Float32Array, lexicon: Map<string, number>, settings: FeatureSettings, classes: number,
): void {
  for (const [term, valence] of lexicon) {
    for (const negated of [false, true]) {
      const bucket = termBucket(term, negated, settings);
      const slot = slotOf(valence, negated);
      for (let c = 0; c < classes; c++) {
        const k = bucket * classes + c;
        weights[k] = (weights[k] ?? 0) + Math.abs(valence) * (denseWeights[slot * classes + c] ?? 0);
      }
    }
  }
}

function slotOf(valence: number, negated: boolean): number {
  return (valence > 0 ? 0 : 1) + (negated ? 2 : 0);
}
