import type { BrandDay, DayTotals } from './store.js';

/**
 * A report's daily totals from a brand's per-day rollup (Store.brandDays): the analysed
 * mentions of each day, days with none left out, as the raw GROUP BY over
 * mention_brands gives them (same counts, tested on both backends).
 */
export function dayTotalsOf(days: BrandDay[]): DayTotals[] {
  return days.filter((d) => d.analysed > 0)
    .map((d) => ({ day: d.day, mentions: d.analysed, negative: d.negative, positive: d.positive, complaints: d.complaints }));
}
