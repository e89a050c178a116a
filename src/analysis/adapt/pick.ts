import type { Adaptation } from './types.js';

/** The adaptation that scores a brand's mentions: its own, else the whole store's, else none (the base models). */
export function pickAdaptation<T extends Pick<Adaptation, 'brand'>>(brand: string, adaptations: readonly T[]): T | null {
  const own = adaptations.find((a) => a.brand !== null && a.brand.toLowerCase() === brand.toLowerCase());
  return own ?? adaptations.find((a) => a.brand === null) ?? null;
}
