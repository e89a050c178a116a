import { groupByCooccurrence, type GroupTone } from '../analysis/emergence/group.js';
import { DEFAULT_THRESHOLDS, burstStrength, scoreGroup, type Thresholds } from '../analysis/emergence/rank.js';
import type { DailyPoint, Report, ReportIssue } from '../domain/report.js';
import { type Store } from '../store/store.js';
import { exactRange, rangeBounds, type HourRange } from '../domain/time-range.js';
import type { DayTotals, TermCounts, UnscoredTotals } from '../domain/report-rows.js';
import { dataWarnings } from './data-warnings.js';
import { describeGroup, round } from './report-issue.js';

export interface ReportOptions {
  brand: string;
  at: Date;
  windowHours: number;
  baselineHours: number;
  top: number;
  minMentions: number;
  source?: string;
  /** Only mentions analysed as these languages (ISO 639-1, `und`). */
  langs?: string[];
  thresholds?: Partial<Thresholds>;
  /** How often scans are scheduled (config `scan.every`): sources quiet for twice that are named as overdue. */
  scanEveryMs?: number;
}

const HOUR = 3_600_000;
/** Bursting terms carried into grouping; more only adds noise and queries. */
const MAX_BURSTING = 40;
const MAX_CANDIDATES = 20_000;
const MAX_GROUPS = 15;

/** Detects, ranks and explains emerging issues (complaints or negative) and trends (the rest) for one brand. */
export async function buildReport(store: Store, options: ReportOptions): Promise<Report> {
  // a new problem needs 3 voices of the default 5, and as much fewer for a chosen --min-mentions
  const thresholds = {
    ...DEFAULT_THRESHOLDS, minVoices: options.minMentions,
    minNewVoices: Math.min(options.minMentions, Math.ceil(options.minMentions * DEFAULT_THRESHOLDS.minNewVoices / DEFAULT_THRESHOLDS.minVoices)),
    ...options.thresholds,
  };
  // The window ends at `at` exactly: [at − window, at). Days of the group counts end
  // where the window ends, so what a report finds does not depend on the time of day.
  const atMs = options.at.getTime();
  const windowStart = atMs - options.windowHours * HOUR;
  const extra = { source: options.source, ...(options.langs ? { langs: options.langs } : {}), dayPhase: (Math.ceil(atMs / HOUR) % 24 + 24) % 24 };
  const window = exactRange(options.brand, windowStart, atMs, extra);
  const baseline = exactRange(options.brand, windowStart - options.baselineHours * HOUR, windowStart, extra);
  const toHour = window.toHour;
  const [windowDays, baselineDays, windowUnscored, baselineUnscored] = await Promise.all([store.dailyTotals(window), store.dailyTotals(baseline),
    readUnscored(store, window), readUnscored(store, baseline)]);
  const windowTotal = sum(windowDays.map((d) => d.mentions));
  const baselineTotal = sum(baselineDays.map((d) => d.mentions));
  const brandBaselineNegativeShare = sum(baselineDays.map((d) => d.negative)) / Math.max(baselineTotal, 1);
  const brandBaselineComplaintShare = sum(baselineDays.map((d) => d.complaints)) / Math.max(baselineTotal, 1);

  // Every term with enough voices is tested: at scale, a real burst can sit below
  // thousands of everyday words in raw volume.
  // terms with as few voices as a new problem may have: a group of them still needs minVoices unless it is news
  const { candidates, baselineCounts } = await candidateTerms(store, window, baseline, Math.min(thresholds.minVoices, thresholds.minNewVoices));
  // Testing thousands of terms makes 1-in-1000 events routine: the bar rises with the
  // number tested (Bonferroni-style, in decimal digits), so noise words stay out.
  thresholds.minSurprise += Math.max(0, Math.log10(candidates.length / 100));
  const before = new Map(baselineCounts.map((t) => [t.termId, t]));
  const strengthOf = (term: TermCounts) => burstStrength(term, before.get(term.termId) ?? zeroCounts(term), windowTotal, baselineTotal);
  const nearBar = candidates.map((term) => ({ term, g2: strengthOf(term) })).filter((b) => b.g2 >= thresholds.minLogLikelihood * RECOUNT_SHARE);
  await recountPhased(store, baseline, nearBar.sort((a, b) => b.g2 - a.g2 || a.term.termId - b.term.termId).map((b) => b.term), before);
  const bursting = candidates
    .map((term) => ({ term, g2: strengthOf(term) }))
    .filter((b) => b.g2 >= thresholds.minLogLikelihood)
    .sort((a, b) => b.g2 - a.g2 || a.term.termId - b.term.termId)
    .slice(0, MAX_BURSTING);

  const ids = bursting.map((b) => b.term.termId);
  // Co-occurrence in voices, over the window (the a = b rows: each term's own): a
  // spammer's copies sharing a word with a real problem are one voice, not a hundred links.
  const rows = await store.termPairs(window, ids);
  const pairs = rows.filter((p) => p.a !== p.b).map((p) => ({ a: p.a, b: p.b, mentions: p.voices }));
  const own = new Map(rows.filter((p) => p.a === p.b).map((p) => [p.a, p.voices]));
  const groups = groupByCooccurrence(ids, own, pairs, windowTotal, {
    threshold: 0.35, minPair: 3, tones: new Map(bursting.map((b) => [b.term.termId, b.term])), compatible: sameTone,
  }).slice(0, MAX_GROUPS);
  const strength = new Map(bursting.map((b) => [b.term.termId, b]));

  const described: ReportIssue[] = [];
  const kinds: Array<'issue' | 'trend'> = [];
  const scale = options.windowHours / options.baselineHours;
  const growthOf = (term: TermCounts) => term.voices / Math.max((before.get(term.termId)?.voices ?? 0) * scale, 1);
  for (const group of groups) {
    const terms = group.map((id) => strength.get(id)!).sort((a, b) => b.g2 - a.g2).map((b) => b.term);
    const core = coreTerms(terms, growthOf);
    const result = await describeGroup(store, {
      terms, core, window, baseline, thresholds, brandBaselineNegativeShare, brandBaselineComplaintShare, score: scoreGroup,
    });
    if (result) {
      described.push(result.issue);
      kinds.push(result.kind);
    }
  }
  const rank = (kind: 'issue' | 'trend') => described
    .filter((_, i) => kinds[i] === kind)
    .sort((a, b) => b.score - a.score)
    .slice(0, options.top)
    .map((issue, i) => ({ ...issue, rank: i + 1 }));

  return {
    brand: options.brand,
    generatedAt: new Date().toISOString(),
    at: options.at.toISOString(),
    ...(options.source ? { source: options.source } : {}),
    ...(options.langs ? { langs: options.langs } : {}),
    window: rangeInfo(window),
    baseline: rangeInfo(baseline),
    totals: {
      windowMentions: windowTotal,
      baselineMentions: baselineTotal,
      // shares of the posts that could be scored: one in a language with no model is neither
      // negative nor a complaint, and not a confident "no" either
      windowNegativeShare: round(sum(windowDays.map((d) => d.negative)) / Math.max(windowTotal - windowUnscored.unscored, 1)),
      baselineNegativeShare: round(sum(baselineDays.map((d) => d.negative)) / Math.max(baselineTotal - baselineUnscored.unscored, 1)),
      windowComplaintShare: round(sum(windowDays.map((d) => d.complaints)) / Math.max(windowTotal - notComplaintScored(windowUnscored), 1)),
      baselineComplaintShare: round(sum(baselineDays.map((d) => d.complaints)) / Math.max(baselineTotal - notComplaintScored(baselineUnscored), 1)),
      ...(windowUnscored.unscored + windowUnscored.sentimentOnly > 0
        ? { windowUnscored: windowUnscored.unscored, windowSentimentOnly: windowUnscored.sentimentOnly } : {}),
    },
    warnings: await dataWarnings(store, {
      brand: options.brand, fromMs: windowStart, toMs: atMs, baselineFromMs: windowStart - options.baselineHours * HOUR, source: options.source, mentions: windowTotal,
      ...(options.scanEveryMs !== undefined ? { scanEveryMs: options.scanEveryMs } : {}),
    }),
    daily: fillDays([...baselineDays, ...windowDays], baseline.fromHour, toHour),
    issues: rank('issue'),
    trends: rank('trend'),
  };
}

const NONE_UNSCORED: UnscoredTotals = { unscored: 0, sentimentOnly: 0 };

function readUnscored(store: Store, range: HourRange): Promise<UnscoredTotals> {
  return store.unscoredTotals ? store.unscoredTotals(range) : Promise.resolve(NONE_UNSCORED);
}

function notComplaintScored(t: UnscoredTotals): number {
  return t.unscored + t.sentimentOnly;
}

/**
 * The window's terms with enough voices, and their baseline counts. The baseline read is
 * asked for first, with the ids to come, so a store can read the baseline's raw hours on
 * another core while it reads the window's terms.
 */
async function candidateTerms(store: Store, window: HourRange, baseline: HourRange, minVoices: number) {
  let give!: (ids: number[]) => void;
  let fail!: (error: unknown) => void;
  const ids = new Promise<number[]>((resolve, reject) => {
    give = resolve;
    fail = reject;
  });
  const baselineRead = store.baselineTerms(baseline, ids);
  try {
    const candidates = store.phasedTerms
      ? await store.phasedTerms(window, { minVoices, limit: MAX_CANDIDATES })
      : await store.windowTerms(window, minVoices, MAX_CANDIDATES);
    give(candidates.map((c) => c.termId));
    return { candidates, baselineCounts: await baselineRead };
  } catch (error) {
    fail(error);
    await baselineRead.catch(() => undefined);
    throw error;
  }
}

/**
 * Terms whose burst strength on the rollup's UTC-day baseline reaches this share of the
 * bar are recounted in the report's own days. Counted per UTC day, an author posting
 * either side of midnight is two voices; per report day, one (or the other way round),
 * so a term's baseline voices can differ by a few either way and the bar is met the same
 * whatever the hour only if the terms near it are recounted too.
 */
const RECOUNT_SHARE = 0.5;
/** At most this many terms are recounted (each a seek per baseline hour). */
const MAX_RECOUNT = 3 * MAX_BURSTING;

/**
 * Replaces the baseline counts of the likeliest bursting terms with counts whose voices
 * are per day of the report's phase (HourRange.dayPhase), read from the raw rows; the
 * window's counts already are. A store without phasedTerms keeps the rollup's.
 */
async function recountPhased(store: Store, baseline: HourRange, terms: TermCounts[], before: Map<number, TermCounts>): Promise<void> {
  if (!store.phasedTerms || terms.length === 0) return;
  const ids = terms.slice(0, MAX_RECOUNT).map((t) => t.termId);
  const phased = await store.phasedTerms(baseline, { termIds: ids, minVoices: 0, limit: ids.length });
  for (const id of ids) before.delete(id);
  for (const t of phased) before.set(t.termId, t);
}

/** Groups whose complaint shares differ by this much are not fused. */
const MAX_COMPLAINT_GAP = 0.5;
/** Below this many window mentions a group's complaint share is too coarse to keep it apart. */
const MIN_TONE_MENTIONS = 10;

/**
 * Whether two groups of co-bursting terms may fuse: not when one is said mostly in
 * complaints and the other hardly ever. A word shared by a launch and a defect
 * ("battery" in "battery lasts forever" and "battery light blinks, no charge") would
 * otherwise chain praise and problem into one trend.
 */
export function sameTone(a: GroupTone, b: GroupTone): boolean {
  if (a.mentions < MIN_TONE_MENTIONS || b.mentions < MIN_TONE_MENTIONS) return true;
  return Math.abs(a.complaints / a.mentions - b.complaints / b.mentions) < MAX_COMPLAINT_GAP;
}

/** A member must have risen at least this fraction as much as the group's fastest riser to be counted. */
const CORE_GROWTH_SHARE = 0.25;

/**
 * The terms a group is measured by: those that rose nearly as much as its fastest
 * riser. Words that co-burst with an issue but are everyday words too ("disappointed",
 * "cup") stay in its term list, but counting all their posts would bury the issue's
 * own rise under their steady baseline.
 */
export function coreTerms(terms: TermCounts[], growthOf: (term: TermCounts) => number): TermCounts[] {
  const top = Math.max(...terms.map(growthOf));
  const core = terms.filter((t) => growthOf(t) >= top * CORE_GROWTH_SHARE);
  return core.length > 0 ? core : terms.slice(0, 1);
}

function zeroCounts(term: TermCounts): TermCounts {
  return { ...term, mentions: 0, voices: 0, negative: 0, positive: 0, complaints: 0 };
}

function rangeInfo(range: HourRange) {
  const { fromMs, toMs } = rangeBounds(range);
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), hours: round((toMs - fromMs) / HOUR, 2) };
}

/** Every day of the range, oldest first, with zeros where nothing was said. */
function fillDays(days: DayTotals[], fromHour: number, toHour: number): DailyPoint[] {
  const byDay = new Map<number, DailyPoint>();
  for (const d of days) {
    const prev = byDay.get(d.day);
    byDay.set(d.day, {
      day: dayString(d.day),
      mentions: (prev?.mentions ?? 0) + d.mentions,
      negative: (prev?.negative ?? 0) + d.negative,
      positive: (prev?.positive ?? 0) + d.positive,
      complaints: (prev?.complaints ?? 0) + d.complaints,
    });
  }
  const points: DailyPoint[] = [];
  for (let day = Math.floor(fromHour / 24); day <= Math.floor((toHour - 1) / 24); day++) {
    points.push(byDay.get(day) ?? { day: dayString(day), mentions: 0, negative: 0, positive: 0, complaints: 0 });
  }
  return points;
}

function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
