import type { BrandScope } from '../store.js';
import { brandKey } from '../../domain/brand-key.js';

/** Mentions of `m` linked to one of the brands whose keys are bound after it. */
function linkedTo(names: string[], alias: string): string {
  return `EXISTS (SELECT 1 FROM mention_brands ${alias} JOIN brands ${alias}b ON ${alias}b.id = ${alias}.brand_id
    WHERE ${alias}.mention_id = m.id AND ${alias}b.name_key IN (${names.map(() => '?').join(', ')})`;
}

const keys = (names: readonly string[]) => names.map(brandKey);

/**
 * SQL condition on mention `m` for a brand scope, by the brands it is linked to, with its
 * parameters. With `rivals`, a mention linked to a rival too goes to whichever comes first
 * in its link order (the brand that stored it, then by name), so exactly one model owns it.
 */
export function brandScopeSql(scope: BrandScope | undefined): { where: string; params: string[] } {
  if (scope?.brands) {
    if (!scope.brands.length) return { where: 'AND 0', params: [] };
    if (!scope.rivals?.length) return { where: `AND ${linkedTo(scope.brands, 'sl')})`, params: keys(scope.brands) };
    return {
      where: `AND ${linkedTo(scope.brands, 'sl')} AND NOT ${linkedTo(scope.rivals, 'rl')}
        AND (rlb.id = m.brand_id OR (slb.id <> m.brand_id AND rlb.name_key < slb.name_key))))`,
      params: keys([...scope.brands, ...scope.rivals]),
    };
  }
  if (scope?.exceptBrands?.length) return { where: `AND NOT ${linkedTo(scope.exceptBrands, 'sl')})`, params: keys(scope.exceptBrands) };
  return { where: '', params: [] };
}
