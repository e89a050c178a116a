import type { BrandComparison, BrandCounts, Comparison } from '../domain/compare.js';
import { DEFAULT_REPORT } from '../domain/report.js';
import { type Store } from '../store/store.js';
import { exactRange } from '../domain/time-range.js';
import type { BrandDay } from '../domain/report-rows.js';
import type { DataWarning } from '../domain/warnings.js';
import { dataWarnings } from './data-warnings.js';
import { buildReport } from './report.js';
import { compareBrandNames } from '../domain/brand-key.js';

export interface CompareOptions {
  brands: string[];
  set?: string;
  since: Date;
  until: Date;
  bucket: 'day' | 'week';
  /** Top issues listed per brand. */
  topIssues?: number;
  now?: Date;
  /** Only mentions analysed as these languages (ISO 639-1, `und`): read from the links, not the rollup. */
  langs?: string[];
  /** How often scans are scheduled (config `scan.every`): sources quiet for twice that are named as overdue. */
  scanEveryMs?: number;
}

const DAY_MS = 86_400_000;

/**
 * Share of voice and tone of a set of brands over a period, per bucket, against the
 * period before. Counts come from the per-brand daily rollup (Store.brandDays), never by
 * reading mentions; top issues from the same detection as `earshot report`.
 */
export async function compareBrands(store: Store, options: CompareOptions): Promise<Comparison> {
  const fromMs = options.since.getTime();
  const toMs = options.until.getTime();
  const prevFrom = fromMs - (toMs - fromMs);
  const extra = options.langs ? { langs: options.langs } : {};
  const current = await Promise.all(options.brands.map((brand) => store.brandDays(exactRange(brand, fromMs, toMs, extra))));
  const before = await Promise.all(options.brands.map((brand) => store.brandDays(exactRange(brand, prevFrom, fromMs, extra))));
  const totals = withShares(options.brands.map((brand, i) => sumDays(brand, current[i]!)));
  const previous = withShares(options.brands.map((brand, i) => sumDays(brand, before[i]!)));
  const brands: BrandComparison[] = [];
  const warnings: DataWarning[] = [];
  for (const [i, counts] of totals.entries()) {
    const every = options.scanEveryMs !== undefined ? { scanEveryMs: options.scanEveryMs } : {};
    warnings.push(...await dataWarnings(store, { brand: counts.brand, fromMs, toMs, mentions: counts.analysed, ...every }));
    if (previous[i]!.mentions === 0 && counts.mentions > 0) {
      warnings.push({ kind: 'no-previous-data', brand: counts.brand, message: `${counts.brand}: no mentions in the previous period (${iso(prevFrom).slice(0, 10)} to ${iso(fromMs).slice(0, 10)}): its share change is measured against nothing` });
    }
    const report = await buildReport(store, { brand: counts.brand, at: options.until, ...DEFAULT_REPORT, top: options.topIssues ?? 3, ...extra });
    brands.push({
      ...counts,
      previous: previous[i]!,
      shareChange: round(counts.shareOfMentions - previous[i]!.shareOfMentions),
      topIssues: report.issues.map((issue) => ({
        label: issue.label, mentions: issue.mentions, negativeShare: issue.negativeShare, complaintShare: issue.complaintShare,
      })),
    });
  }
  // a brand with nothing before has no move to measure: +100 pt against an empty period is not news
  const moved = brands.filter((b) => b.previous.mentions > 0).sort((a, b) => Math.abs(b.shareChange) - Math.abs(a.shareChange) || compareBrandNames(a.brand, b.brand))[0];
  return {
    set: options.set ?? null,
    generatedAt: (options.now ?? new Date()).toISOString(),
    period: { from: iso(fromMs), to: iso(toMs) },
    previous: { from: iso(prevFrom), to: iso(fromMs) },
    bucket: options.bucket,
    brands,
    buckets: bucketise(options, current, fromMs, toMs),
    biggestMove: moved && moved.shareChange !== 0 ? { brand: moved.brand, shareChange: moved.shareChange } : null,
    warnings,
  };
}

function bucketise(options: CompareOptions, days: BrandDay[][], fromMs: number, toMs: number): Comparison['buckets'] {
  const startOf = (day: number) => (options.bucket === 'day' ? day : day - ((day + 3) % 7)); // ISO weeks start on Monday
  const length = options.bucket === 'day' ? 1 : 7;
  const buckets: Comparison['buckets'] = [];
  for (let start = startOf(Math.floor(fromMs / DAY_MS)); start * DAY_MS < toMs; start += length) {
    const inBucket = (d: BrandDay) => d.day >= start && d.day < start + length;
    buckets.push({
      from: iso(Math.max(start * DAY_MS, fromMs)),
      to: iso(Math.min((start + length) * DAY_MS, toMs)),
      brands: withShares(options.brands.map((brand, i) => sumDays(brand, days[i]!.filter(inBucket)))),
    });
  }
  return buckets;
}

function sumDays(brand: string, days: BrandDay[]): BrandCounts {
  const sum = (key: keyof BrandDay) => days.reduce((n, d) => n + d[key], 0);
  const analysed = sum('analysed');
  const share = (n: number) => (analysed === 0 ? 0 : round(n / analysed));
  const positiveShare = share(sum('positive'));
  const negativeShare = share(sum('negative'));
  return {
    brand, mentions: sum('mentions'), analysed,
    // one voice per author per day, and per copy-cluster per day, as reports count them
    voices: Math.min(sum('authors'), sum('clusters')),
    shareOfMentions: 0, shareOfVoices: 0,
    positiveShare, negativeShare, netSentiment: round(positiveShare - negativeShare),
    complaintShare: share(sum('complaints')), engagement: sum('engagement'),
  };
}

function withShares(rows: BrandCounts[]): BrandCounts[] {
  const mentions = rows.reduce((n, r) => n + r.mentions, 0);
  const voices = rows.reduce((n, r) => n + r.voices, 0);
  return rows.map((r) => ({
    ...r,
    shareOfMentions: mentions === 0 ? 0 : round(r.mentions / mentions),
    shareOfVoices: voices === 0 ? 0 : round(r.voices / voices),
  }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
