import type { MentionInput } from '../domain/mention.js';
import type { BrandConfig } from '../config/schema.js';

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

/** True when the text names the brand or an alias, as whole words (for unsearchable feeds). */
export function mentionsBrand(text: string, brand: BrandConfig): boolean {
  return [brand.name, ...brand.aliases].some((name) => {
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'iu');
    return pattern.test(text);
  });
}

/** The default search when a brand has no query for a source: its name and aliases, quoted. */
export function defaultQuery(brand: BrandConfig): string {
  return [brand.name, ...brand.aliases].map((name) => `"${name.replace(/"/g, '')}"`).join(' OR ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
