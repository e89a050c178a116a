import { joinKey, singulariseWord, splitCompound } from './normalise-word.js';

/**
 * A brand's names and aliases prepared for matching against normalised words.
 * - `joinedKeys`: whole-term keys ("clippertea"), matched against a single unit
 *   or hashtag, so "#ClipperTeas" and "clipperteas" go too.
 * - `sequences`: word-key sequences (["clipper", "tea"]) matched over consecutive
 *   words; the first word alone also counts as the brand ("Clipper" on its own),
 *   because people shorten brand names. The rest of the words do not ("tea" alone
 *   is a product word we want to keep).
 */
export interface BrandMatcher {
  readonly joinedKeys: ReadonlySet<string>;
  readonly sequences: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
}

const compiled = new WeakMap<readonly string[], BrandMatcher>();
const EMPTY: readonly string[] = [];

/** Prepare (and memoise per array instance) a matcher for the given brand terms. */
export function compileBrandTerms(brandTerms: readonly string[] = EMPTY): BrandMatcher {
  const cached = compiled.get(brandTerms);
  if (cached) return cached;
  const joinedKeys = new Set<string>();
  const sequences = new Map<string, string[][]>();
  for (const term of brandTerms) {
    const words = splitBrandTerm(term);
    const first = words[0];
    if (first === undefined) continue;
    joinedKeys.add(joinKey(words));
    const list = sequences.get(first) ?? [];
    list.push(words);
    sequences.set(first, list);
  }
  const matcher: BrandMatcher = { joinedKeys, sequences };
  compiled.set(brandTerms, matcher);
  return matcher;
}

function splitBrandTerm(term: string): string[] {
  const words: string[] = [];
  for (const chunk of term.split(/[\s@#]+/)) {
    for (const part of splitCompound(chunk)) {
      const word = singulariseWord(part.toLowerCase());
      if (word.length > 0) words.push(word);
    }
  }
  return words;
}

/**
 * Length of the longest brand match starting at `start` in `keys` (0 if none).
 * Any prefix of a brand term counts ("Clipper Tea" of "Clipper Tea Company"),
 * including the lone first word.
 */
export function matchBrandAt(matcher: BrandMatcher, keys: readonly string[], start: number): number {
  const key = keys[start];
  if (key === undefined) return 0;
  // A one-word alias ("Kettleby") must not cut short a longer name ("Kettleby Tea").
  const joined = matcher.joinedKeys.has(key) ? 1 : 0;
  const candidates = matcher.sequences.get(key);
  if (candidates === undefined) return joined;
  let best = 1;
  for (const seq of candidates) {
    let len = 1;
    while (len < seq.length && keys[start + len] === seq[len]) len++;
    if (len > best) best = len;
  }
  return best;
}

/**
 * Marks every unit inside a run of words that names the brand (`keyOf` gives a unit's
 * word as the brand terms were keyed; null units are gaps).
 */
export function markBrandUnits<U extends { brand: boolean }>(units: Array<U | null>, brand: BrandMatcher, keyOf: (unit: U) => string): void {
  if (brand.joinedKeys.size === 0) return;
  const keys = units.map((u) => (u === null ? '' : keyOf(u)));
  let i = 0;
  while (i < units.length) {
    const len = matchBrandAt(brand, keys, i);
    for (let j = i; j < i + len; j++) {
      const unit = units[j];
      if (unit) unit.brand = true;
    }
    i += len > 0 ? len : 1;
  }
}
