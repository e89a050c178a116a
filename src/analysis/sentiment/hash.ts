// Feature hashing: FNV-1a over UTF-16 code units. Fast, dependency-free and
// stable across platforms, so a model trained once scores the same everywhere.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hash a string, starting from `seed` so namespaces (word, bigram, cue) don't collide. */
export function hashString(text: string, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Combine two hashes (for n-grams) without building the joined string. */
export function combineHashes(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Namespace seeds: one per feature family. */
export const SEED = {
  word: hashString('w'),
  negated: hashString('n'),
  bigram: hashString('b'),
  hashtagPart: hashString('h'),
  cue: hashString('c'),
  charGram: hashString('g'),
} as const;
