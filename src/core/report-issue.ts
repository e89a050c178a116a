import type { Thresholds } from '../analysis/emergence/rank.js';
import { countDistinctVoices, countVoices } from '../analysis/emergence/voices.js';
import type { scoreGroup as ScoreGroup } from '../analysis/emergence/rank.js';
import type { ReportIssue, ReportSample } from '../domain/report.js';
import { type Store } from '../store/store.js';
import { rangeBounds, type HourRange } from '../domain/time-range.js';
import type { SampleRow, TermCounts, TermGroupStats } from '../domain/report-rows.js';

interface GroupInput {
  /** Every term of the group, strongest first. */
  terms: TermCounts[];
  /** The terms that name it and that its counts, trend and samples are measured by (see coreTerms). */
  core: TermCounts[];
  window: HourRange;
  baseline: HourRange;
  thresholds: Thresholds;
  brandBaselineNegativeShare: number;
  brandBaselineComplaintShare: number;
  score: typeof ScoreGroup;
}

const SERIES_DAYS = 14;

/** Measures one group of bursting terms as an issue or trend, with evidence; null when it is neither. */
export async function describeGroup(store: Store, input: GroupInput): Promise<{ issue: ReportIssue; kind: 'issue' | 'trend' } | null> {
  // named most-said first: the window's mention counts are exact, so the order (and the
  // label built from it) is the same whatever the time of day
  const core = [...input.core].sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const ids = core.map((t) => t.termId);
  const [now, before] = await Promise.all([exactVoices(store, input.window, ids, 'window'), exactVoices(store, input.baseline, ids, 'daily')]);
  const windowHours = lengthHours(input.window);
  const baselineHours = lengthHours(input.baseline);
  const baselineDays = Math.round(baselineHours / 24);
  // the baseline's days end where it ends (see HourRange.dayPhase); a partial day before them is left out
  const lastBaselineDay = dayOf(input.baseline.toHour, input.baseline) - 1;
  const dailyVoices = new Map(before.daily.map((d) => [d.day, d.voices]));
  const baselineDaily = Array.from({ length: baselineDays }, (_, i) => dailyVoices.get(lastBaselineDay - baselineDays + 1 + i) ?? 0);
  const scored = input.score({
    window: now, baseline: before, baselineDaily, engagement: now.engagement,
    windowDays: windowHours / 24, baselineDays: baselineHours / 24,
    brandBaselineNegativeShare: input.brandBaselineNegativeShare, brandBaselineComplaintShare: input.brandBaselineComplaintShare,
  }, input.thresholds);
  if (scored.kind === 'none') return null;
  const samples = await pickSamples(store, input.window, ids, scored.kind);
  const coreIds = new Set(ids);
  return {
    kind: scored.kind,
    issue: {
      rank: 0,
      label: labelOf(core),
      terms: core.map((t) => t.display),
      termKeys: core.map((t) => t.key),
      relatedTerms: input.terms.filter((t) => !coreIds.has(t.termId)).map((t) => t.display),
      score: scored.score,
      mentions: now.mentions,
      authors: now.authors,
      baselineMentions: round((before.mentions * windowHours) / baselineHours, 1),
      voices: now.voices,
      baselineVoices: round(scored.expected, 1),
      growth: round(scored.growth, 1),
      negativeShare: round(scored.negativeShare),
      baselineNegativeShare: round(scored.baselineNegativeShare),
      complaintShare: round(scored.complaintShare),
      baselineComplaintShare: round(scored.baselineComplaintShare),
      complaintEvidenceShare: round(scored.complaintEvidenceShare),
      safety: scored.safety,
      safetyShare: round(scored.safetyShare),
      safetyVoices: scored.safetyVoices,
      engagement: now.engagement,
      firstSeen: before.firstSeen ?? now.firstSeen ?? new Date(rangeBounds(input.window).fromMs).toISOString(),
      series: seriesOf([...before.daily, ...now.daily], dayOf(input.window.toHour, input.window) - 1),
      samples,
    },
  };
}

function lengthHours(range: HourRange): number {
  const { fromMs, toMs } = rangeBounds(range);
  return (toMs - fromMs) / 3_600_000;
}

/** The (phased) day an hour falls in, as the group queries number days. */
function dayOf(hour: number, range: HourRange): number {
  return Math.floor((hour - (range.dayPhase ?? 0)) / 24);
}

/** Above this many distinct (day, author, cluster) rows, the SQL upper bound stands in. */
const EXACT_VOICE_LIMIT = 50_000;

/**
 * Group stats with voices counted exactly (author↔copy components) when affordable:
 * over the whole window, so a spammer counts once however many days it posts; per
 * day in the baseline, whose daily rate is what the window is compared with.
 */
async function exactVoices(store: Store, range: HourRange, ids: number[], mode: 'window' | 'daily'): Promise<TermGroupStats> {
  const [stats, rows] = await Promise.all([store.termGroupStats(range, ids), store.termGroupVoices(range, ids, EXACT_VOICE_LIMIT + 1)]);
  if (rows.length > EXACT_VOICE_LIMIT) return stats;
  const { total, perDay } = countVoices(rows);
  const daily = stats.daily.map((d) => ({ ...d, voices: perDay.get(d.day) ?? 0 }));
  return { ...stats, voices: mode === 'window' ? countDistinctVoices(rows) : total, daily };
}

/**
 * A readable label from the strongest terms: a phrase stands in for a word it
 * contains when it carries most of that word's voices ("tea bag" for "bag"), a
 * word hides the phrases built on it otherwise, and at most three terms are named.
 */
export function labelOf(terms: TermCounts[]): string {
  const picked: TermCounts[] = [];
  for (const term of terms) {
    const overlapping = picked.findIndex((p) => p.key.includes(term.key) || term.key.includes(p.key));
    if (overlapping < 0) {
      if (picked.length < 3) picked.push(term);
      continue;
    }
    const current = picked[overlapping]!;
    const isPhraseOfCurrent = term.key.length > current.key.length && term.key.includes(current.key);
    if (isPhraseOfCurrent && term.voices >= 0.6 * current.voices) {
      picked[overlapping] = term;
      // the phrase may cover other picked words too ("oolong reserve" covers "oolong")
      for (let i = picked.length - 1; i >= 0; i--) if (i !== overlapping && term.key.includes(picked[i]!.key)) picked.splice(i, 1);
    }
  }
  return picked.map((t) => t.display).join(' · ');
}

function seriesOf(daily: Array<{ day: number; voices: number; mentions: number }>, lastDay: number): number[] {
  const byDay = new Map<number, number>();
  for (const d of daily) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.mentions);
  return Array.from({ length: SERIES_DAYS }, (_, i) => byDay.get(lastDay - SERIES_DAYS + 1 + i) ?? 0);
}

/**
 * Three samples from different authors and different copy clusters: the issue's own
 * voices. An issue quotes harm reports first, then complaints, then negative posts; a trend
 * positive ones.
 */
async function pickSamples(store: Store, window: HourRange, termIds: number[], kind: 'issue' | 'trend'): Promise<ReportSample[]> {
  const rows = await store.termSamples({ ...window, termIds, limit: 60 });
  const rankOf = (row: SampleRow) => (kind === 'issue'
    ? Number(row.safety) * 4 + Number(row.complaint) * 2 + Number(row.sentiment === 'negative')
    : Number(row.sentiment === 'positive'));
  rows.sort((a, b) => rankOf(b) - rankOf(a) || b.engagement - a.engagement);
  const voices = new Set<number>();
  const clusters = new Set<number>();
  const picked: ReportSample[] = [];
  for (const row of rows) {
    if (voices.has(row.voice) || clusters.has(row.cluster)) continue;
    voices.add(row.voice);
    clusters.add(row.cluster);
    picked.push({
      id: row.id, source: row.source, author: row.author, text: row.text, url: row.url, created_at: row.createdAt,
      sentiment: row.sentiment, complaint: row.complaint, safety: row.safety,
    });
    if (picked.length === 3) break;
  }
  return picked;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
