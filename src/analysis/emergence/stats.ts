/** Statistics for burst detection: log-likelihood ratio and count-tail surprises. */

/** ln Γ(x) by the Lanczos approximation (g = 7), accurate to ~15 digits for x > 0. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  if (max === -Infinity) return -Infinity;
  return max + Math.log(values.reduce((sum, v) => sum + Math.exp(v - max), 0));
}

/** ln P(X ≥ k) for X ~ Poisson(λ). Summed in log space so large k stays finite. */
export function logPoissonTail(k: number, lambda: number): number {
  if (k <= 0) return 0;
  const terms: number[] = [];
  const logLambda = Math.log(lambda);
  // The tail's terms shrink fast past max(k, λ); 60 extra terms are far beyond double precision.
  const end = Math.max(k, Math.ceil(lambda)) + 60 + Math.ceil(Math.sqrt(lambda) * 10);
  for (let i = k; i <= end; i++) terms.push(i * logLambda - lambda - logGamma(i + 1));
  return Math.min(0, logSumExp(terms));
}

/**
 * ln P(X ≥ k) for a negative binomial with mean μ and size r (variance μ + μ²/r):
 * the Poisson tail for over-dispersed counts, where real daily volumes live.
 */
export function logNegBinomialTail(k: number, mean: number, size: number): number {
  if (k <= 0) return 0;
  if (!Number.isFinite(size) || size > 1e6) return logPoissonTail(k, mean);
  const p = size / (size + mean);
  const logPmf = (i: number) => logGamma(i + size) - logGamma(size) - logGamma(i + 1) + size * Math.log(p) + i * Math.log1p(-p);
  // P(X ≥ k) = 1 − P(X < k); summing the head is exact and short when k is small.
  const head = logSumExp(Array.from({ length: k }, (_, i) => logPmf(i)));
  const tail = Math.log1p(-Math.min(Math.exp(head), 1 - 1e-300));
  if (tail > -30) return tail;
  const terms: number[] = [];
  for (let i = k; i < k + 400; i++) terms.push(logPmf(i));
  return Math.min(0, logSumExp(terms));
}

/** Surprise in decimal digits: −log10 P(X ≥ k). 3 means "one in a thousand". */
export function surprise(k: number, mean: number, size = Infinity): number {
  const safeMean = Math.max(mean, 1e-3);
  return -logNegBinomialTail(k, safeMean, size) / Math.LN10;
}

/**
 * Dunning's log-likelihood ratio G² for a term seen `a` times in `n1` window units
 * and `b` times in `n2` baseline units: how unlikely the two rates are to be equal.
 */
export function logLikelihoodRatio(a: number, n1: number, b: number, n2: number): number {
  const e1 = (n1 * (a + b)) / (n1 + n2);
  const e2 = (n2 * (a + b)) / (n1 + n2);
  const part = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  return 2 * (part(a, e1) + part(b, e2));
}

/**
 * Method-of-moments size r of a negative binomial fit to daily counts; Infinity when
 * the counts are no more spread than a Poisson's (then the Poisson tail applies).
 */
export function fitDispersion(counts: number[]): number {
  if (counts.length < 3) return Infinity;
  const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
  const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1);
  if (mean === 0 || variance <= mean) return Infinity;
  return (mean * mean) / (variance - mean);
}
