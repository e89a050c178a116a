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

/** What a group is made of, for `compatible` to weigh: its terms' window mentions and complaints, summed. */
export interface GroupTone {
  mentions: number;
  complaints: number;
}

export interface GroupOptions {
  threshold: number;
  minPair: number;
  /** Each term's window counts; with `compatible`, links are weighed group against group. */
  tones?: Map<number, GroupTone>;
  /** Whether two groups may fuse; without it every strong enough link fuses. */
  compatible?: (a: GroupTone, b: GroupTone) => boolean;
}

/**
 * Connected groups of terms linked by nPMI ≥ threshold (and a minimum shared count,
 * so two rare terms meeting once don't fuse). Groups keep the input order of terms.
 * Links are taken strongest first; with `compatible`, a link that would fuse two groups
 * said in very different ways is refused, so one shared word cannot chain a praise wave
 * and a complaint wave into one group.
 */
export function groupByCooccurrence(termIds: number[], counts: Map<number, number>, pairs: PairCount[], n: number, options: GroupOptions): number[][] {
  const parent = new Map(termIds.map((id) => [id, id]));
  const tone = new Map(termIds.map((id) => [id, { ...(options.tones?.get(id) ?? { mentions: 0, complaints: 0 }) }]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const links: Array<{ a: number; b: number; strength: number; overlap: number }> = [];
  for (const pair of pairs) {
    if (!parent.has(pair.a) || !parent.has(pair.b) || pair.mentions < options.minPair) continue;
    const strength = normalisedPmi(pair.mentions, counts.get(pair.a) ?? 0, counts.get(pair.b) ?? 0, n);
    // Overlap share also links a phrase to its words ("tea bag" ⊂ "bag") even when nPMI is modest.
    const overlap = pair.mentions / Math.min(counts.get(pair.a) ?? Infinity, counts.get(pair.b) ?? Infinity);
    if (strength >= options.threshold || overlap >= 0.6) links.push({ a: pair.a, b: pair.b, strength, overlap });
  }
  links.sort((x, y) => y.strength - x.strength || y.overlap - x.overlap || x.a - y.a || x.b - y.b);
  for (const { a, b } of links) {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    const [ta, tb] = [tone.get(ra)!, tone.get(rb)!];
    if (options.compatible && !options.compatible(ta, tb)) continue;
    parent.set(ra, rb);
    tone.set(rb, { mentions: ta.mentions + tb.mentions, complaints: ta.complaints + tb.complaints });
  }
  const groups = new Map<number, number[]>();
  for (const id of termIds) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()];
}
