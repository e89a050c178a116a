import type { BrandScope } from '../store/store.js';

/** The mentions `brand`'s own model scores, given every brand that has one. */
export function brandScope(brand: string, ownBrands: readonly string[]): BrandScope {
  const rivals = ownBrands.filter((b) => b.toLowerCase() !== brand.toLowerCase());
  return rivals.length ? { brands: [brand], rivals } : { brands: [brand] };
}
