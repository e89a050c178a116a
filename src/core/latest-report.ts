import { DEFAULT_REPORT, type Report } from '../domain/report.js';
import type { Store } from '../store/store.js';
import { buildReport } from './report.js';

/**
 * The report alerts are built from, and that `export --issue N` looks up again: both
 * must use the same settings so "issue N" names the same issue (`earshot report` defaults).
 */
export const LATEST_REPORT = DEFAULT_REPORT;

export async function latestReport(store: Store, brand: string, at: Date, scanEveryMs?: number): Promise<Report> {
  return buildReport(store, { brand, at, ...LATEST_REPORT, ...(scanEveryMs !== undefined ? { scanEveryMs } : {}) });
}
