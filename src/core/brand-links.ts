import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';
import { LETTERS_DIGITS_UNDERSCORE } from '../domain/fold-case.js';
import { NameMatcher } from '../domain/name-matcher.js';
import { brandKey } from '../domain/brand-key.js';

type Linker = (mention: MentionInput) => MentionInput;

/**
 * Links a mention to every other watched brand it names: the brand's name or an alias
 * as a whole word, case-insensitively ("switched from @KettlebyTea to Clipper"), unless
 * the text holds one of that brand's `exclude` phrases. The mention is still stored once.
 *
 * Every name of every brand goes into one automaton (name-matcher.ts): one regex per
 * name ran V8 out of memory at 10,000 brands and cost ~20 ms a row at 1,000. It matches
 * what `(?<![\p{L}\p{N}_])name(?![\p{L}\p{N}_])` with the `iu` flags matched, with any
 * whitespace run in a name standing for any run in the text.
 */
export function createBrandLinker(watched: readonly BrandConfig[]): Linker {
  const names = watched.flatMap((brand, owner) => [brand.name, ...brand.aliases].map((name) => ({ name, owner })));
  const matcher = new NameMatcher(names, { word: LETTERS_DIGITS_UNDERSCORE, flexibleSpace: true });
  const excludes = watched.map((brand) => brand.exclude.map((phrase) => phrase.toLowerCase()));
  return (mention) => {
    const owners = matcher.owners(mention.text);
    if (owners.length === 0) return mention;
    const own = brandKey(mention.brand);
    let lower: string | undefined;
    const named = owners.filter((owner) => {
      if (brandKey(watched[owner]!.name) === own) return false;
      const phrases = excludes[owner]!;
      if (phrases.length === 0) return true;
      lower ??= mention.text.toLowerCase();
      return !phrases.some((phrase) => lower!.includes(phrase));
    }).map((owner) => watched[owner]!.name);
    if (named.length === 0) return mention;
    return { ...mention, alsoBrands: [...new Set([...(mention.alsoBrands ?? []), ...named])] };
  };
}
