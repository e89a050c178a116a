import { brandKey } from '../domain/brand-key.js';
import { printable, UserError } from '../errors.js';

/**
 * The key of each stored brand, for migration 21 on either backend. Two stored brands
 * whose names fold to one key (SQLite's NOCASE let "Öko Tee" and "öko tee" both in; both
 * backends let "Straße" and "STRASSE") would be one brand from now on: merging their
 * mentions, cursors, runs and rollups without losing any is not something to do silently
 * while opening a store, so the migration is refused and the store left as it was.
 */
export function foldedBrandNames(brands: ReadonlyArray<{ id: number; name: string }>): Array<{ id: number; key: string }> {
  const byKey = new Map<string, { id: number; name: string }>();
  return brands.map((brand) => {
    const key = brandKey(brand.name);
    const first = byKey.get(key);
    if (first) {
      throw new UserError(
        `cannot upgrade the store: brands "${printable(first.name)}" (id ${first.id}) and "${printable(brand.name)}" (id ${brand.id}) are one brand by the new brand key, and earshot will not merge them silently; the store is unchanged`,
        `rename one in the database (sqlite3 or psql: UPDATE brands SET name = '…' WHERE id = ${brand.id}), then run earshot again`,
      );
    }
    byKey.set(key, brand);
    return { id: brand.id, key };
  });
}
