import type { BrandMatcher } from './brand-terms.js';
import type { Term } from './extract-terms.js';
import { hasLetter, joinKey, singulariseWord, splitCompound } from './normalise-word.js';
import type { TokenTable } from './token-units.js';

/**
 * Hashtags as terms: "#TeaBags" → "tea bags" (key "teabag"), "#teabags" → "teabags".
 * Numeric parts are dropped ("#PlasticFreeJuly2024" → "plastic free july"), and
 * the brand's own tags and stop-word tags are skipped.
 */
export function readHashtagTerms(
  table: TokenTable,
  brand: BrandMatcher,
  isStop: (word: string) => boolean,
): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < table.types.length; i++) {
    if (table.types[i] !== 'hashtag') continue;
    const parts = splitHashtag(table.values[i] ?? '');
    const key = joinKey(parts.map(singulariseWord));
    if (key.length < 2 || !hasLetter(key) || isStop(key)) continue;
    if (brand.joinedKeys.has(key) || brand.sequences.has(key)) continue;
    terms.push({ key, display: parts.join(' '), kind: 'hashtag' });
  }
  return terms;
}

function splitHashtag(tag: string): string[] {
  const body = tag.charCodeAt(0) === 35 /* # */ ? tag.slice(1) : tag;
  const words: string[] = [];
  for (const part of splitCompound(body)) {
    if (!hasLetter(part)) continue;
    words.push(part.toLowerCase());
  }
  return words;
}
