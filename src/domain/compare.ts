import type { DataWarning } from './warnings.js';

/**
 * The documented JSON shape of `earshot compare --format json`.
 *
 * Share of voice counts brand links: a mention linked to two brands of the set (found by
 * both, or naming both) counts once for each, so each period's shares sum to 1 over the
 * set. `voices` are as in reports: one per author per UTC day, and one per near-duplicate
 * cluster per day (the smaller of the two sums), so a spammer or a retweet storm is one voice a day.
 */
export interface Comparison {
  /** The competitor set's name (`--set`), or null for `--brands`. */
  set: string | null;
  generatedAt: string;
  period: { from: string; to: string };
  /** The period of the same length just before, that `moves` compares against. */
  previous: { from: string; to: string };
  bucket: 'day' | 'week';
  brands: BrandComparison[];
  /** Per bucket (oldest first; the first and last may be partial), each brand's counts in `brands` order. */
  buckets: Array<{ from: string; to: string; brands: BrandCounts[] }>;
  /**
   * The brand whose share of mentions moved most against the previous period, or null when
   * nothing moved or the previous period has no data (a brand with no mentions before is
   * left out: its move would be measured against nothing).
   */
  biggestMove: { brand: string; shareChange: number } | null;
  /**
   * Why the figures may be incomplete, per brand (see DataWarning): no data, sources that
   * failed, went stale or stopped at the post budget ("backlog not fully read"), mentions
   * scored by two model versions, a previous period with no data. Empty when whole.
   */
  warnings: DataWarning[];
}

export interface BrandCounts {
  brand: string;
  mentions: number;
  /** Mentions scored by the analyser (the shares below are of these). */
  analysed: number;
  voices: number;
  /** 0–1: this brand's mentions over the set's mentions (links), and its voices over the set's. */
  shareOfMentions: number;
  shareOfVoices: number;
  /** 0–1 of analysed mentions, effective labels (a human label wins). */
  positiveShare: number;
  negativeShare: number;
  /**
   * positiveShare − negativeShare, on the same 0–1 scale as the shares: −1…1 here and in
   * CSV (`net_sentiment`); table, markdown and HTML show it ×100 in percentage points
   * ("+4.6 pt" is 0.046), like the shares they show as percentages.
   */
  netSentiment: number;
  /** 0–1 of analysed mentions that are complaints (effective flag). */
  complaintShare: number;
  /** Likes + replies + reposts + positive score. */
  engagement: number;
}

export interface BrandComparison extends BrandCounts {
  previous: BrandCounts;
  /** shareOfMentions − previous.shareOfMentions. */
  shareChange: number;
  /** The brand's current top issues, as `earshot report` finds them at the period's end (labels, strongest first). */
  topIssues: Array<{ label: string; mentions: number; negativeShare: number; complaintShare: number }>;
}
