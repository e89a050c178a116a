import type { MentionInput } from '../domain/mention.js';
import { brandKey } from '../domain/brand-key.js';

/** The brands a mention is to be linked to: its own first, then the others it names, each once (by brand key). */
export function linkedBrands(mention: Pick<MentionInput, 'brand' | 'alsoBrands'>): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of [mention.brand, ...(mention.alsoBrands ?? [])]) {
    const key = brandKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}
