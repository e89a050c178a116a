// Types of a store's own adaptation of the base models (see fit.ts for the two methods).

/**
 * `pull`: continued training of the base model's own weights, with an L2 pull back
 * toward them. `residual`: a small separate model over the same hashed features (folded
 * into 2^residualBits buckets) plus a learned scale of the base model's logits.
 */
export type AdaptMethod = 'pull' | 'residual';

export interface AdaptSettings {
  method: AdaptMethod;
  epochs: number;
  learningRate: number;
  /** L2 strength: on the change from the base weights (pull) or on the residual weights. */
  l2: number;
  /** Residual table size (residual method only). */
  residualBits: number;
  /** Class weight = (max class count / class count) ^ power; 1 balances the classes. */
  classWeightPower: number;
  seed: number;
}

/**
 * What an adaptation changes in one base model, stored sparsely: logit of class c for a
 * text with bucket ids f and dense inputs x is
 *   (1 + scale) · base_c(f, x) + bias_c + Σ_f table_c[f & mask] + Σ_d dense_{d,c} · x_d
 * where mask keeps `bits` bits (20 for pull, i.e. the base buckets themselves).
 */
export interface ModelDelta {
  classes: number;
  bits: number;
  scale: number;
  bias: number[];
  /** Dense-input deltas [d * classes + c] (the complaint model's sentiment inputs). */
  dense: number[];
  /** Sorted bucket ids with a change. */
  buckets: number[];
  /** `classes` values per entry of `buckets`. */
  weights: number[];
  /** Complaint model only: its yes/no threshold and sentiment cut after adaptation (see adapt.ts). */
  threshold?: number;
  sentimentCut?: number;
}

export interface LabelCounts {
  sentiment: number;
  complaint: number;
}

/** A fitted adaptation of both models, as saved in the store. */
export interface Adaptation {
  format: 'earshot-adaptation/1';
  /** `<base analysis version>+adapt-<hash of base, scope, settings and labels>`. */
  version: string;
  /** The analysis version of the base models it was fitted against. */
  base: string;
  /** The brand it applies to, or null for the whole store. */
  brand: string | null;
  method: AdaptMethod;
  /** null: that model is the base model unchanged (no labels, or the adaptation was not better). */
  sentiment: ModelDelta | null;
  complaint: ModelDelta | null;
  /** Labels each adapted model was fitted on (0 for a model kept as the base). */
  labels: LabelCounts;
}
