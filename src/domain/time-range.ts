/**
 * A brand's time range as the reports and the store read it: whole hours since the
 * epoch, plus exact edges when the range does not start or end on the hour. Plain
 * arithmetic, used by core (report, compare, warnings) and by both store backends.
 */

const HOUR_MS = 3_600_000;

/**
 * A brand's time range in hours since the epoch, [fromHour, toHour). When the range's
 * exact bounds fall inside an hour, `fromIso`/`toIso` hold them: the rows of the first
 * (last) hour are then kept only from (before) that instant, read against the
 * mention's own time. Build exact ranges with `exactRange`.
 */
export interface HourRange {
  brand: string;
  fromHour: number;
  toHour: number;
  /** Exact start (ISO, inclusive) inside hour `fromHour`, when it is not on the hour. */
  fromIso?: string;
  /** Exact end (ISO, exclusive) inside hour `toHour - 1`, when it is not on the hour. */
  toIso?: string;
  /**
   * Where the days of the group queries (termGroupStats, termGroupVoices) start, in hours
   * past UTC midnight (0–23; default 0). A report sets it so that its days end where its
   * window ends, and a voice's "one per day" does not depend on the time of day it runs.
   */
  dayPhase?: number;
  /** Only mentions from this source (slower: joins the mentions table). */
  source?: string;
  /** Only mentions analysed as one of these languages (ISO 639-1, `und`; slower: joins analyses, no rollups). */
  langs?: string[];
}

/** The range [fromMs, toMs) of a brand: whole hours plus exact partial edge hours. */
export function exactRange(brand: string, fromMs: number, toMs: number, extra: Pick<HourRange, 'source' | 'dayPhase' | 'langs'> = {}): HourRange {
  const range: HourRange = { brand, fromHour: Math.floor(fromMs / HOUR_MS), toHour: Math.ceil(toMs / HOUR_MS), ...extra };
  if (fromMs % HOUR_MS !== 0) range.fromIso = new Date(fromMs).toISOString();
  if (toMs % HOUR_MS !== 0) range.toIso = new Date(toMs).toISOString();
  return range;
}

/** The exact bounds of a range in ms since the epoch. */
export function rangeBounds(range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>): { fromMs: number; toMs: number } {
  return {
    fromMs: range.fromIso ? Date.parse(range.fromIso) : range.fromHour * HOUR_MS,
    toMs: range.toIso ? Date.parse(range.toIso) : range.toHour * HOUR_MS,
  };
}

/** Hour range [fromHour, toHour) shrunk to the hours that lie wholly inside the exact range. */
export function wholeHours(range: Pick<HourRange, 'fromHour' | 'toHour' | 'fromIso' | 'toIso'>): { fromHour: number; toHour: number } {
  return { fromHour: range.fromHour + (range.fromIso ? 1 : 0), toHour: range.toHour - (range.toIso ? 1 : 0) };
}
