import type { SentimentLabel } from './mention.js';
import type { DataWarning } from './warnings.js';

/**
 * The settings of `earshot report` by default, which alerts and `export --issue` use too,
 * so "issue N" names the same issue everywhere.
 */
export const DEFAULT_REPORT = { windowHours: 48, baselineHours: 14 * 24, top: 10, minMentions: 5 } as const;

/** The documented JSON shape of `earshot report --format json`; alerts post `issues[i]`. */
export interface Report {
  brand: string;
  generatedAt: string;
  /** The point in time the report looks back from (`--at`): the window is [at − window, at), exactly. */
  at: string;
  /** Present when the report counts one source only (`--source`). */
  source?: string;
  /** Present when the report counts some languages only (`--lang`). */
  langs?: string[];
  window: { from: string; to: string; hours: number };
  baseline: { from: string; to: string; hours: number };
  totals: {
    windowMentions: number;
    baselineMentions: number;
    /** Share (0–1) of the window's mentions whose effective sentiment is negative. */
    windowNegativeShare: number;
    baselineNegativeShare: number;
    /** Share (0–1) of the window's mentions that are complaints (a human complaint label wins over the model). */
    windowComplaintShare: number;
    /** The same share over the baseline period: the brand's usual level of complaint. */
    baselineComplaintShare: number;
    /**
     * The window's mentions in a language with no model (no sentiment, complaint or safety)
     * and with a sentiment model only; present when either is above 0. The shares above
     * leave them out of their denominators; issues' shares do not yet.
     */
    windowUnscored?: number;
    windowSentimentOnly?: number;
  };
  /**
   * Why the figures may be incomplete (see DataWarning): no data in the window, a source
   * whose scans failed, went stale or stopped at the post budget, mentions scored by two
   * model versions or not yet. Empty when the data is whole. With no data, an empty
   * `issues` means "could not look", never "nothing is wrong".
   */
  warnings: DataWarning[];
  /** Mentions, sentiment and complaints per day over baseline + window, oldest first. */
  daily: DailyPoint[];
  issues: ReportIssue[];
  trends: ReportIssue[];
  /** Issues an earlier writing run saw that this report no longer finds (docs/detection.md "States across runs"). */
  resolved?: ResolvedIssue[];
  /** The brand's ideas over the 30 days before `at`, with `report --ideas` (as `earshot ideas` lists them). */
  ideas?: ReportIdeas;
}

export interface ReportIdeas {
  since: string;
  until: string;
  /** Suggestions in the period, grouped or not. */
  suggestions: number;
  ideas: ReportIdea[];
}

export type IdeaTrend = 'new' | 'rising' | 'steady' | 'falling';

export interface IdeaSample { ref: string; createdAt: string; author: string | null; text: string; url: string | null; engagement: number }

/** Suggestions grouped by a topic term: voices, their trend across the period's halves, sample posts (`earshot ideas`, `report --ideas`). */
export interface ReportIdea {
  rank: number;
  /** The topic term that names it, and the terms its mentions share most after it. */
  label: string;
  terms: string[];
  /** Distinct authors, the measure of an idea's weight. */
  voices: number;
  mentions: number;
  /** Voices in the first and second half of the period. */
  earlier: number;
  later: number;
  trend: IdeaTrend;
  samples: IdeaSample[];
}

export interface ResolvedIssue {
  issueKey: string;
  firstSeen: string;
  lastSeen: string;
  peakVoices: number;
}

export interface DailyPoint {
  day: string;
  mentions: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints. */
  complaints: number;
}

/**
 * One rising group of terms. It is an issue (in `issues`) when its mentions mostly complain
 * or are negative — the larger of `complaintShare` and `negativeShare` is high, or rose well
 * over its baseline's, and outweighs the positive share — and a trend (in `trends`) otherwise.
 */
/** Where an issue stands against the runs before (see docs/detection.md "States across runs"). */
export type IssueState = 'new' | 'growing' | 'steady' | 'fading';

export interface ReportIssue {
  rank: number;
  label: string;
  /**
   * Readable forms of the issue's core terms, strongest first: the terms that rose with
   * it and that it is measured by. They name the issue, and do not change with the time
   * of day a report runs.
   */
  terms: string[];
  /** The same terms as stored keys ("tea bags" → "teabag"): the issue's identity, what export --issue and alert cooldowns match on. */
  termKeys: string[];
  /** Other words that rose in the same posts without rising as much (everyday words among them): context, not counted. */
  relatedTerms: string[];
  score: number;
  /** Mentions in the window that carry any of the issue's terms (`termKeys`): what `export --issue` returns. */
  mentions: number;
  /** Distinct authors among them (near-duplicate copies count once). */
  authors: number;
  /** The same mentions in the baseline period, scaled to the window's length. */
  baselineMentions: number;
  /**
   * Voices in the window: one per author per day and per near-duplicate cluster per day
   * (what issues are detected and ranked by, so a spammer or a retweet storm counts once).
   */
  voices: number;
  /** The voices expected from the baseline period, scaled to the window's length. */
  baselineVoices: number;
  /**
   * `voices` over `baselineVoices` (at least 1): the rise in voices, not in posts. Every
   * renderer writes it beside the voices it is measured on ("×4.2 voices vs baseline (3
   * expected)"); `mentions` over `baselineMentions` is the rise in posts.
   */
  growth: number;
  /** Share (0–1) of `mentions` whose effective sentiment is negative (a human label wins). */
  negativeShare: number;
  /** The same share over the baseline period (the brand's, when the group had under 5 mentions there). */
  baselineNegativeShare: number;
  /**
   * Share (0–1) of `mentions` that are complaints: the complaint model's yes/no, or a human
   * complaint label (`earshot label ID complaint|not-complaint`), which wins. A problem told
   * without sentiment words ("the lid cracked the first time") is a complaint, rarely negative.
   */
  complaintShare: number;
  /** The same share over the baseline period (the brand's, when the group had under 5 mentions there). */
  baselineComplaintShare: number;
  /**
   * Mean complaint probability (0–1) of `mentions` (a human label counts 1 or 0): the
   * evidence an issue is judged on beside the yes/no share, so posts that each fall just
   * under the threshold still count.
   */
  complaintEvidenceShare: number;
  /**
   * Whether harm is reported: at least 3 voices (`safetyVoices`) among the mentions report
   * harm or a risk of it (the safety model's yes/no, or a human `safety` label, which wins).
   * A safety group is an issue whatever its other shares, ranked above others of similar
   * size, and alerted on whatever an alert's minimum shares.
   */
  safety: boolean;
  /** Share (0–1) of `mentions` that report harm. */
  safetyShare: number;
  /** Distinct voices among the mentions that report harm. */
  safetyVoices: number;
  engagement: number;
  /**
   * Against the runs before: new, growing, steady or fading (docs/detection.md "States across runs").
   * Absent when nothing is known of earlier runs.
   */
  state?: IssueState;
  /** The issue's identity across runs: its core term keys, sorted, as first recorded (kept while its terms drift). */
  issueKey?: string;
  firstSeen: string;
  /** Mentions per day over the last days, oldest first, for sparklines. */
  series: number[];
  samples: ReportSample[];
}

export interface ReportSample {
  id: string;
  source: string;
  author: string | null;
  text: string;
  url: string | null;
  created_at: string;
  /** Effective sentiment (a human label wins). */
  sentiment: SentimentLabel;
  /** Whether the mention is a complaint (a human complaint label wins). An issue quotes complaints first. */
  complaint: boolean;
  /** Whether the mention reports harm (a human safety label wins). An issue quotes these before complaints. */
  safety?: boolean;
}
