import { brandKey, compareKeys } from '../../domain/brand-key.js';
import type { AdaptationRecord } from './adaptations.js';

/**
 * adapted_models.brand is the name a model was trained for, as written: both backends
 * compare and order it by brand key here, in JS (few rows: the active models), rather
 * than by SQLite's NOCASE or PostgreSQL's lower().
 */
export function byBrandKey(records: readonly AdaptationRecord[]): AdaptationRecord[] {
  const keyed = records.map((r) => ({ r, key: r.brand === null ? null : brandKey(r.brand) }));
  // the store-wide model first, then brands in key order (a brand's one active model: version breaks no tie)
  keyed.sort((a, b) => Number(a.key !== null) - Number(b.key !== null)
    || (a.key !== null && b.key !== null ? compareKeys(a.key, b.key) : 0) || compareKeys(a.r.version, b.r.version));
  return keyed.map((k) => k.r);
}

/** Versions among `active` trained for `brand` under any spelling. */
export function sameBrand(active: ReadonlyArray<{ version: string; brand: string }>, brand: string): string[] {
  const key = brandKey(brand);
  return active.filter((a) => brandKey(a.brand) === key).map((a) => a.version);
}
