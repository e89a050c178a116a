import type { StoreStatusRow } from './store.js';

/**
 * Joins per brand+source mention counts with last scan times (both backends read these
 * two aggregates); a brand+source scanned but with no mentions yet still gets a row.
 */
export function mergeStatusRows(
  counts: Array<Omit<StoreStatusRow, 'lastScan'>>,
  scans: Array<{ brand: string; source: string; lastScan: string }>,
): StoreStatusRow[] {
  const rows = new Map<string, StoreStatusRow>();
  for (const c of counts) rows.set(`${c.brand}\u0000${c.source}`, { ...c, lastScan: null });
  for (const s of scans) {
    const key = `${s.brand}\u0000${s.source}`;
    const row = rows.get(key) ?? {
      brand: s.brand, source: s.source, mentions: 0, firstMention: null, lastMention: null, analyzed: 0, complaints: 0, safety: 0, questions: 0, suggestions: 0, lastScan: null,
    };
    rows.set(key, { ...row, lastScan: s.lastScan });
  }
  return [...rows.values()].sort((a, b) => a.brand.localeCompare(b.brand) || a.source.localeCompare(b.source));
}

/** Failed analyses status lists by name (all are counted). */
export const FAILURES_SHOWN = 5;

/**
 * The first and last day of [fromDay, toDay] that `current` does not hold, or null when
 * it holds them all. Walks in from both ends over current days only: a store holding one
 * mention from year 1 and one from today spans 739,000 days, and listing the missing
 * ones (then Math.min(...list)) overflowed the stack.
 */
export function missingDaySpan(fromDay: number, toDay: number, current: Set<number>): [number, number] | null {
  let first = fromDay;
  while (first <= toDay && current.has(first)) first++;
  if (first > toDay) return null;
  let last = toDay;
  while (current.has(last)) last--;
  return [first, last];
}
