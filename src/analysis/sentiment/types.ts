// Shared types for the local sentiment classifier.

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Token values (original case) and wink-nlp token types, index-aligned. */
export interface SentimentTokens {
  values: readonly string[];
  types: readonly string[];
  /** cueWord of each value (cue-words.ts), when read once for every head; read per head when absent. */
  words?: readonly string[];
}

/** How text becomes features; stored in the model file so scoring matches training. */
export interface FeatureSettings {
  bucketBits: number;
  bigrams: boolean;
  /** Bigrams only for a negator and the word after it ("not bad"). */
  negationBigrams?: boolean;
  /** Inclusive [min, max] character n-gram lengths inside words, or null for none. */
  charGrams: [number, number] | null;
}

/** A loaded, ready-to-score model: dense weights laid out [bucket * classes + class]. */
export interface SentimentModel {
  version: string;
  settings: FeatureSettings;
  labels: readonly SentimentLabel[];
  bias: Float32Array;
  /**
   * [bucket * classes + class]: float32 as trained or adapted, or int8 as the model file
   * stores them (a quarter of the memory in every analysing thread), read as
   * Math.fround(int8 × weightScale) — the very float32 a dense table expanded to (weightAt).
   */
  weights: Float32Array | Int8Array;
  /** The scale of int8 weights; absent (1) for float32 ones. */
  weightScale?: number;
}

export interface SentimentResult {
  /** P(positive) − P(negative), in −1..1. */
  score: number;
  label: SentimentLabel;
  probs: Record<SentimentLabel, number>;
}

export interface ScoreOptions {
  /** Mention language; anything set and not English is left neutral. */
  lang?: string | null;
}
