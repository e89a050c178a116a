/**
 * Counting voices, not posts. Within a day, authors who posted the same near-duplicate
 * text (a retweet storm) are one voice, and one author posting many variants (a
 * spammer) is one voice: the voices are the connected components of the bipartite
 * author↔copy-cluster graph. Days add up, so a steady poster counts once a day.
 */
export interface VoiceTriple {
  day: number;
  voice: number;
  cluster: number;
}

/** Components over the whole set, ignoring days: everyone in a window counts once. */
export function countDistinctVoices(rows: VoiceTriple[]): number {
  return countComponents(rows);
}

export function countVoices(rows: VoiceTriple[]): { total: number; perDay: Map<number, number> } {
  const byDay = new Map<number, VoiceTriple[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  const perDay = new Map<number, number>();
  let total = 0;
  for (const [day, dayRows] of byDay) {
    const count = countComponents(dayRows);
    perDay.set(day, count);
    total += count;
  }
  return { total, perDay };
}

function countComponents(rows: VoiceTriple[]): number {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = x;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (x: string) => { if (!parent.has(x)) parent.set(x, x); };
  for (const { voice, cluster } of rows) {
    const a = `a${voice}`;
    const c = `c${cluster}`;
    add(a);
    add(c);
    const ra = find(a);
    const rc = find(c);
    if (ra !== rc) parent.set(ra, rc);
  }
  let components = 0;
  // every component holds at least one author and one cluster: count roots
  for (const [node, p] of parent) if (node === p) components++;
  return components;
}
