import type { BrandConfig } from '../config/schema.js';
import type { MentionInput } from '../domain/mention.js';

type Linker = (mention: MentionInput) => MentionInput;

/**
 * Links a mention to every other watched brand it names: the brand's name or an alias
 * as a whole word, case-insensitively ("switched from @KettlebyTea to Clipper"), unless
 * the text holds one of that brand's `exclude` phrases. The mention is still stored once.
 */
export function createBrandLinker(watched: readonly BrandConfig[]): Linker {
  const matchers = watched.map((brand) => ({
    name: brand.name,
    names: [brand.name, ...brand.aliases].map(wholeWord),
    exclude: brand.exclude.map((phrase) => phrase.toLowerCase()),
  }));
  return (mention) => {
    const own = mention.brand.toLowerCase();
    const text = mention.text;
    const lower = text.toLowerCase();
    const named = matchers.filter((m) => m.name.toLowerCase() !== own
      && m.names.some((re) => re.test(text)) && !m.exclude.some((phrase) => lower.includes(phrase)))
      .map((m) => m.name);
    if (named.length === 0) return mention;
    return { ...mention, alsoBrands: [...new Set([...(mention.alsoBrands ?? []), ...named])] };
  };
}

function wholeWord(name: string): RegExp {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
}
