// Which models score which brands' mentions: each brand's own adaptation, else the
// store's, else the base models. Adaptations fitted on other base models are stale and
// left unused until `earshot train` runs again.
import { applyAdaptation, pickAdaptation, type Adaptation } from '../analysis/adapt/index.js';
import type { AnalysisModels } from '../analysis/models.js';
import type { AdaptationRecord, BrandScope, Adaptations } from '../store/store.js';
import { brandScope } from './brand-scope.js';

export interface AnalysisJob {
  adaptation: Adaptation | null;
  scope: BrandScope | undefined;
  /** The analysis version its results are stored under. */
  version: string;
}

export function parseAdaptation(record: AdaptationRecord): Adaptation {
  return JSON.parse(record.payload) as Adaptation;
}

/** The active adaptations that fit `baseVersion`. */
export async function usableAdaptations(store: Pick<Adaptations, 'activeAdaptations'>, baseVersion: string): Promise<Adaptation[]> {
  return (await store.activeAdaptations()).filter((r) => r.baseVersion === baseVersion).map(parseAdaptation);
}

/**
 * One job per brand with its own adaptation, and one for the mentions linked to none of
 * them (the store's adaptation or the base). A mention linked to two adapted brands is
 * scored by the first in its link order (see BrandScope.rivals).
 */
export function analysisJobs(baseVersion: string, adaptations: readonly Adaptation[]): AnalysisJob[] {
  const own = adaptations.filter((a) => a.brand !== null);
  const storeWide = adaptations.find((a) => a.brand === null) ?? null;
  const jobs: AnalysisJob[] = own.map((a) => ({ adaptation: a, scope: brandScope(a.brand!, own.map((o) => o.brand!)), version: a.version }));
  jobs.push({
    adaptation: storeWide, scope: own.length ? { exceptBrands: own.map((a) => a.brand!) } : undefined,
    version: storeWide?.version ?? baseVersion,
  });
  return jobs;
}

/** The models that score `brand`'s mentions. */
export function modelsForBrand(base: AnalysisModels, adaptations: readonly Adaptation[], brand: string): AnalysisModels {
  const adaptation = pickAdaptation(brand, adaptations);
  return adaptation ? applyAdaptation(base, adaptation) : base;
}
