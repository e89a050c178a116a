import type { MentionInput } from '../domain/mention.js';
import type { BrandConfig } from '../config/schema.js';
import { LETTERS_DIGITS } from '../domain/fold-case.js';
import { NameMatcher } from '../domain/name-matcher.js';

export { htmlToText } from './html-text.js';

/** Drops mentions whose text contains any of the brand's exclusion terms (case-insensitive). */
export function applyExclusions(mentions: MentionInput[], brand: BrandConfig): MentionInput[] {
  const terms = brand.exclude.map((term) => term.toLowerCase());
  if (terms.length === 0) return mentions;
  return mentions.filter((mention) => {
    const text = mention.text.toLowerCase();
    return !terms.some((term) => text.includes(term));
  });
}

const matchers = new WeakMap<BrandConfig, NameMatcher>();

/**
 * True when the text names the brand or an alias, as whole words (for unsearchable feeds):
 * what `(^|[^\p{L}\p{N}])name($|[^\p{L}\p{N}])` with the `iu` flags matched, from one
 * automaton per brand built on first use (not a regex per name per item).
 */
export function mentionsBrand(text: string, brand: BrandConfig): boolean {
  let matcher = matchers.get(brand);
  if (!matcher) {
    matcher = new NameMatcher([brand.name, ...brand.aliases].map((name) => ({ name, owner: 0 })), { word: LETTERS_DIGITS, flexibleSpace: false });
    matchers.set(brand, matcher);
  }
  return matcher.matches(text);
}

/** The default search when a brand has no query for a source: its name and aliases, quoted. */
export function defaultQuery(brand: BrandConfig): string {
  return [brand.name, ...brand.aliases].map((name) => `"${name.replace(/"/g, '')}"`).join(' OR ');
}
