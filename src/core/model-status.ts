// Which model scores each brand, for `earshot status`.
import type { Adaptation } from '../analysis/adapt/types.js';
import { pickAdaptation } from '../analysis/adapt/pick.js';
import type { AdaptationRecord, Adaptations } from '../store/store.js';

export interface BrandModel {
  brand: string;
  /** The analysis version that scores its mentions. */
  model: string;
  /** 'base', 'brand' (its own adaptation) or 'store' (the whole store's). */
  kind: 'base' | 'brand' | 'store';
  sentimentLabels: number;
  complaintLabels: number;
  /** An adaptation fitted on other base models, left unused until earshot train runs again. */
  stale: string | null;
}

export async function brandModels(store: Pick<Adaptations, 'activeAdaptations'>, brands: readonly string[], baseVersion: string): Promise<BrandModel[]> {
  const records = await store.activeAdaptations();
  const usable = records.filter((r) => r.baseVersion === baseVersion);
  return brands.map((brand) => {
    const picked = pickAdaptation(brand, usable);
    const stale = pickAdaptation(brand, records.filter((r) => r.baseVersion !== baseVersion));
    return {
      brand,
      model: picked?.version ?? baseVersion,
      kind: picked ? (picked.brand === null ? 'store' : 'brand') : 'base',
      sentimentLabels: picked?.sentimentLabels ?? 0,
      complaintLabels: picked?.complaintLabels ?? 0,
      stale: !picked && stale ? stale.version : null,
    };
  });
}

export type { Adaptation, AdaptationRecord };
