import { fitDispersion, logLikelihoodRatio, surprise } from './stats.js';

export interface Counts {
  mentions: number;
  voices: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (a human label wins over the model). */
  complaints: number;
  /** Sum of the mentions' complaint probabilities (a human label counts 1 or 0), where known. */
  complaintEvidence?: number;
  /** Mentions reporting harm (a human safety label wins), and their distinct voices, where known. */
  safety?: number;
  safetyVoices?: number;
}

/** Voices reporting harm that make a rising group an issue whatever else it holds… */
export const MIN_SAFETY_VOICES = 3;
/**
 * …when they are also this share of its mentions. The safety model's false alarms (~1 % of
 * everyday posts, more where a product is for babies or bedtime: 11 % of a baby sound
 * machine's launch posts in test/core/report-unseen.test.ts) would otherwise give any
 * launch of a few hundred voices three "reports"; the harm waves there read 44–60 %.
 */
export const MIN_SAFETY_SHARE = 0.25;

export interface Thresholds {
  /** Least voices (one author, or one copy cluster, per day) a term needs in the window. */
  minVoices: number;
  /**
   * Least voices of a rising group that is news: nobody said its terms in the baseline and
   * its posts complain (or are negative), or it reports harm (see MIN_SAFETY_VOICES). Three
   * people with the same new problem are found a day before five are; a trend, or a rise of
   * something already said, still needs `minVoices`.
   */
  minNewVoices: number;
  /** Least G² for a term to count as bursting (6.63 ≈ p < 0.01). */
  minLogLikelihood: number;
  /** Least surprise, in decimal digits, for a group to be reported (3 ≈ one in a thousand). */
  minSurprise: number;
  /** Least growth over the scaled baseline. */
  minGrowth: number;
  /**
   * Concern (the larger of a group's complaint share and negative share) from which a
   * rising group is an issue rather than a trend.
   */
  issueShare: number;
  /** A smaller concern still makes an issue when it rose at least this much over the baseline's. */
  issueRise: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minVoices: 5, minNewVoices: 3, minLogLikelihood: 6.63, minSurprise: 3, minGrowth: 1.5, issueShare: 0.4, issueRise: 0.25,
};

/** Surprise of `k` window voices against the daily voices of a reference period. */
function surpriseAgainst(k: number, daily: number[], windowDays: number): number {
  if (daily.length === 0) return 0;
  const mean = daily.reduce((sum, v) => sum + v, 0) / daily.length;
  return surprise(k, mean * windowDays, fitDispersion(daily) * windowDays);
}

/** G² of a term whose rate rose in the window, or 0 when it did not rise. */
export function burstStrength(window: Counts, baseline: Counts, windowTotal: number, baselineTotal: number): number {
  const windowRate = window.voices / Math.max(windowTotal, 1);
  const baselineRate = (baseline.voices + 0.5) / Math.max(baselineTotal, 1);
  if (windowRate <= baselineRate) return 0;
  return logLikelihoodRatio(window.voices, Math.max(windowTotal, window.voices), baseline.voices, Math.max(baselineTotal, baseline.voices));
}

export interface GroupScore {
  surprise: number;
  expected: number;
  growth: number;
  negativeShare: number;
  baselineNegativeShare: number;
  complaintShare: number;
  baselineComplaintShare: number;
  /** Mean complaint probability of the window's mentions (the evidence the flags round off). */
  complaintEvidenceShare: number;
  /** Share of the window's mentions reporting harm, and their voices. */
  safetyShare: number;
  safetyVoices: number;
  /** A rising group with at least MIN_SAFETY_VOICES voices reporting harm: an issue, ranked up. */
  safety: boolean;
  score: number;
  kind: 'issue' | 'trend' | 'none';
}

/** A reference period's shares: its own when it has enough mentions, else the brand's. */
const MIN_BASELINE_MENTIONS = 5;

/**
 * Scores a group of terms: volume surprise against its own baseline (negative-binomial
 * tail fitted to the baseline's daily voices), raised by its concern (the larger of its
 * complaint share and negative share), by the rise of that concern over the baseline's,
 * and a little by engagement.
 *
 * A rising group is an issue when its mentions mostly complain or are negative: the
 * concern reaches `issueShare`, or rose by `issueRise` over the baseline and reaches half
 * of `issueShare`; and it is not outweighed by the positive share. Complaints count
 * whatever their sentiment: a product problem told flatly ("the lid cracked the first
 * time") is a complaint, rarely negative. Anything else rising is a trend.
 *
 * The complaint share is judged on evidence, not only on the yes/no flags: the mean of
 * the posts' complaint probabilities counts too, so a wave whose posts all score 0.45
 * is not "0 % complaints" because one threshold rounded each post down.
 *
 * Harm escalates: a rising group with at least MIN_SAFETY_VOICES voices reporting harm (and
 * MIN_SAFETY_SHARE of its mentions) is an issue whatever its complaint, negative or positive share, and its score is raised
 * (×1.5 plus its safety share) so it ranks above other issues of similar size.
 */
export function scoreGroup(
  input: { window: Counts; baseline: Counts; baselineDaily: number[]; windowDays: number; baselineDays: number;
    engagement: number; brandBaselineNegativeShare: number; brandBaselineComplaintShare: number },
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): GroupScore {
  const { window, baseline } = input;
  const expected = (baseline.voices * input.windowDays) / input.baselineDays;
  const s = Math.min(Math.max(
    surpriseAgainst(window.voices, input.baselineDaily, input.windowDays),
    // A slow riser's baseline is itself rising, which inflates its spread; its earlier
    // half is the quieter reference it grew from.
    surpriseAgainst(window.voices, input.baselineDaily.slice(0, Math.floor(input.baselineDaily.length / 2)), input.windowDays),
  ), 300);
  const growth = window.voices / Math.max(expected, 1);
  const share = (n: number, of: Counts) => (of.mentions ? n / of.mentions : 0);
  const negativeShare = share(window.negative, window);
  const complaintShare = share(window.complaints, window);
  const positiveShare = share(window.positive, window);
  const ownBaseline = baseline.mentions >= MIN_BASELINE_MENTIONS;
  const baselineNegativeShare = ownBaseline ? share(baseline.negative, baseline) : input.brandBaselineNegativeShare;
  const baselineComplaintShare = ownBaseline ? share(baseline.complaints, baseline) : input.brandBaselineComplaintShare;
  const evidence = (of: Counts, flags: number) => (of.complaintEvidence === undefined ? flags : share(of.complaintEvidence, of));
  const complaintEvidenceShare = evidence(window, complaintShare);
  const baselineEvidenceShare = ownBaseline ? evidence(baseline, baselineComplaintShare) : baselineComplaintShare;
  const concern = Math.max(negativeShare, complaintShare, complaintEvidenceShare);
  const rise = Math.max(0, negativeShare - baselineNegativeShare, complaintShare - baselineComplaintShare, complaintEvidenceShare - baselineEvidenceShare);
  const safetyVoices = window.safetyVoices ?? 0;
  const safetyShare = share(window.safety ?? 0, window);
  const harm = safetyVoices >= MIN_SAFETY_VOICES && safetyShare >= MIN_SAFETY_SHARE;
  const complaining = (concern >= thresholds.issueShare || (rise >= thresholds.issueRise && concern >= thresholds.issueShare / 2))
    && concern >= positiveShare;
  // news at fewer voices: a problem with no history at all, or harm (issue 25: found a day sooner)
  const news = window.voices >= thresholds.minNewVoices && ((baseline.voices === 0 && complaining) || harm);
  const rising = s >= thresholds.minSurprise && growth >= thresholds.minGrowth && (window.voices >= thresholds.minVoices || news);
  const safety = rising && harm;
  const score = s * (0.25 + concern) * (1 + rise) * (1 + Math.log10(1 + input.engagement) / 10) * (safety ? 1.5 + safetyShare : 1);
  const concerning = safety || complaining;
  return {
    surprise: s, expected, growth, negativeShare, baselineNegativeShare, complaintShare, baselineComplaintShare,
    complaintEvidenceShare, safetyShare, safetyVoices, safety,
    score: Math.round(score * 100) / 100,
    kind: !rising ? 'none' : concerning ? 'issue' : 'trend',
  };
}
