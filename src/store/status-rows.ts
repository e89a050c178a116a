import type { SourceHealth, StoreStatusRow } from './store.js';
import { compareBrandNames } from '../domain/brand-key.js';

type Counts = Omit<StoreStatusRow, 'lastScan' | 'lastOutcome' | 'lastSuccess' | 'lastFailure' | 'lastFailureReason' | 'budgetHit' | 'lastKind' | 'lastHttpStatus'>;
const NEVER_SCANNED = { lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null } as const;

/**
 * Joins per brand+source mention counts with each one's scan health (both backends read
 * these two aggregates); a brand+source scanned but with no mentions yet (a source that
 * never succeeded) still gets a row, so a failing source is never missing from status.
 */
export function mergeStatusRows(counts: Counts[], scans: SourceHealth[]): StoreStatusRow[] {
  const rows = new Map<string, StoreStatusRow>();
  for (const c of counts) rows.set(`${c.brand}\u0000${c.source}`, { ...c, ...NEVER_SCANNED });
  for (const s of scans) {
    const key = `${s.brand}\u0000${s.source}`;
    const row = rows.get(key) ?? {
      brand: s.brand, source: s.source, mentions: 0, firstMention: null, lastMention: null, analyzed: 0, complaints: 0, safety: 0, questions: 0, suggestions: 0, ...NEVER_SCANNED,
    };
    rows.set(key, {
      ...row, lastScan: s.lastAttempt, lastOutcome: s.lastOutcome, lastSuccess: s.lastSuccess, lastFailure: s.lastFailure,
      lastFailureReason: s.lastFailureReason === null ? null : firstLine(s.lastFailureReason), budgetHit: s.lastBudgetHit,
      lastKind: s.lastKind, lastHttpStatus: s.lastHttpStatus,
    });
  }
  // brands in key order, as every store read lists them (localeCompare would follow the machine's locale)
  return [...rows.values()].sort((a, b) => compareBrandNames(a.brand, b.brand) || a.source.localeCompare(b.source));
}

/** Failed analyses status lists by name (all are counted). */
export const FAILURES_SHOWN = 5;

/** A run's message as one line: status and warnings quote the reason, not a stack. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0]!.trim();
}

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
