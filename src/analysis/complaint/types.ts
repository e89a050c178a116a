import type { ConceptSpace } from '../vectors/concepts.js';
import type { FeatureSettings } from '../sentiment/types.js';

/** How text becomes complaint features; stored in the model file so scoring matches training. */
export interface ComplaintSettings extends FeatureSettings {
  /** Cue-class features (cues.ts). */
  cues: boolean;
  /**
   * Whether @mentions count. The training tweets address brands by handle far more often
   * when they complain; earshot's mentions are found by brand queries whether or not they
   * complain, so a handle says little here and is left out.
   */
  mentions?: boolean;
  /**
   * The praise-plus-problem contrast cue ("love how it broke on day two": Riloff et al.,
   * EMNLP 2013), so sarcasm told with praise words counts as the complaint it is.
   */
  contrast?: boolean;
  /** Word-vector meaning features (vectors/concepts.ts) after the sentiment inputs. */
  meaning?: boolean;
  /**
   * Safety head only: each safety cue word also hashed with the word before and after it
   * (safety/cues.ts), so "caught fire" and "is fire", "killed my dog" and "killed it" differ.
   */
  cueContext?: boolean;
}

/**
 * The dense inputs besides hashed words: the sentiment model's P(negative) and
 * P(positive) for the same text, so a complaint told angrily needs no cue word.
 */
export const COMPLAINT_DENSE = ['sentimentNegative', 'sentimentPositive'] as const;

/** A loaded complaint model: a binary logistic model, weights laid out [bucket * 2 + class]. */
export interface ComplaintModel {
  /** The word-vector concept space, when `settings.meaning` (attached at load). */
  space?: ConceptSpace;
  version: string;
  settings: ComplaintSettings;
  bias: Float32Array;
  /**
   * [bucket * classes + class]: float32 as trained or adapted, or int8 as the model file
   * stores them (a quarter of the memory in every analysing thread), read as
   * Math.fround(int8 × weightScale) — the very float32 a dense table expanded to (weightAt).
   */
  weights: Float32Array | Int8Array;
  /** The scale of int8 weights; absent (1) for float32 ones. */
  weightScale?: number;
  /** [dense feature * 2 + class]. */
  dense: Float32Array;
  /** P(complaint) from which a mention counts as a complaint, chosen on training data only. */
  threshold: number;
  /** P(complaint) from which a positive sentiment label becomes neutral (adjust.ts). */
  sentimentCut: number;
}

export interface ComplaintResult {
  /** P(complaint), 0–1. */
  score: number;
  complaint: boolean;
}
