import type { BrandScope } from '../store.js';
import type { Sql } from './connect.js';
import { brandKey } from '../../domain/brand-key.js';

const keys = (names: readonly string[]) => names.map(brandKey);

/**
 * Condition on mention `m` for a brand scope, by the keys of the brands it is linked to,
 * as on SQLite; `rivals` as there (link order: the brand that stored the mention, then by
 * brand key).
 */
export function brandScopeFragment(sql: Sql, scope: BrandScope | undefined) {
  if (scope?.brands) {
    const rivals = scope.rivals?.length ? sql`AND NOT EXISTS (SELECT 1 FROM mention_brands rl JOIN brands rlb ON rlb.id = rl.brand_id
      WHERE rl.mention_id = m.id AND rlb.name_key = ANY(${keys(scope.rivals)}::text[])
        AND (rlb.id = m.brand_id OR (slb.id <> m.brand_id AND rlb.name_key COLLATE "C" < slb.name_key COLLATE "C")))` : sql``;
    return sql`AND EXISTS (SELECT 1 FROM mention_brands sl JOIN brands slb ON slb.id = sl.brand_id
      WHERE sl.mention_id = m.id AND slb.name_key = ANY(${keys(scope.brands)}::text[]) ${rivals})`;
  }
  if (scope?.exceptBrands?.length) return sql`AND NOT ${linkedTo(sql, scope.exceptBrands)}`;
  return sql``;
}

function linkedTo(sql: Sql, names: readonly string[]) {
  return sql`EXISTS (SELECT 1 FROM mention_brands fl JOIN brands flb ON flb.id = fl.brand_id
    WHERE fl.mention_id = m.id AND flb.name_key = ANY(${keys(names)}::text[]))`;
}
