/** Grouping bursting terms into issues by how often they occur together. */

export interface PairCount {
  a: number;
  b: number;
  mentions: number;
}

/**
 * Normalised PMI of two terms over `n` mentions: 1 when they always co-occur,
 * 0 when independent, below 0 when they avoid each other.
 */
export function normalisedPmi(pair: number, countA: number, countB: number, n: number): number {
  if (pair <= 0 || n <= 0) return -1;
  const pxy = pair / n;
  const pmi = Math.log(pxy / ((countA / n) * (countB / n)));
  return pmi / -Math.log(pxy);
}

/**
 * Connected groups of terms linked by nPMI ≥ threshold (and a minimum shared count,
 * so two rare terms meeting once don't fuse). Groups keep the input order of terms.
 */
export function groupByCooccurrence(
  termIds: number[], counts: Map<number, number>, pairs: PairCount[], n: number,
  options: { threshold: number; minPair: number },
): number[][] {
  const parent = new Map(termIds.map((id) => [id, id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.a) || !parent.has(pair.b) || pair.mentions < options.minPair) continue;
    const strength = normalisedPmi(pair.mentions, counts.get(pair.a) ?? 0, counts.get(pair.b) ?? 0, n);
    // Overlap share also links a phrase to its words ("tea bag" ⊂ "bag") even when nPMI is modest.
    const overlap = pair.mentions / Math.min(counts.get(pair.a) ?? Infinity, counts.get(pair.b) ?? Infinity);
    if (strength >= options.threshold || overlap >= 0.6) parent.set(find(pair.a), find(pair.b));
  }
  const groups = new Map<number, number[]>();
  for (const id of termIds) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()];
}
