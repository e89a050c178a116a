import type { SentimentLabel, StoredMention } from './mention.js';
import type { HourRange } from './time-range.js';

/** The aggregates a report is built from (the store's ReportQueries give them; core and report read them). */

export interface DayTotals {
  /** Days since the epoch. */
  day: number;
  mentions: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag: a human label wins). */
  complaints: number;
}

export interface TermCounts {
  termId: number;
  key: string;
  display: string;
  mentions: number;
  /** min(distinct author-days, distinct near-duplicate-cluster-days): one voice counts once a day. */
  voices: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag). */
  complaints: number;
}

export interface TermPair {
  a: number;
  b: number;
  mentions: number;
  /**
   * Voices of the mentions holding both terms: the fewer of their authors and copy
   * clusters over the whole range (not per day, so the same at any time of day).
   */
  voices: number;
}

export interface TermGroupStats {
  mentions: number;
  authors: number;
  voices: number;
  negative: number;
  positive: number;
  /** Mentions that are complaints (effective flag). */
  complaints: number;
  /** Mentions that report harm or a risk of it (effective flag: a human label wins). */
  safety: number;
  /** Distinct voices among the safety mentions: min(distinct authors, distinct copy clusters) over the whole range (not per day). */
  safetyVoices: number;
  /**
   * Sum over the group's mentions of the effective complaint probability: a human label
   * counts 1 or 0, else the model's complaint_score, else its yes/no (analyses before a
   * complaint model). 3 decimals.
   */
  complaintEvidence: number;
  /** The same sum for safety: a human safety label, else safety_score, else the flag. 3 decimals. */
  safetyEvidence: number;
  engagement: number;
  firstSeen: string | null;
  /** Voices per day, for the days in the range that have any. */
  daily: Array<{ day: number; voices: number; mentions: number }>;
}

export interface VoiceRow {
  day: number;
  voice: number;
  cluster: number;
}

export interface SampleQuery extends HourRange {
  termIds: number[];
  limit: number;
}

/** One brand's counts for one UTC day (of a range's days; edge days count only the range's part). */
export interface BrandDay {
  /** Days since the epoch. */
  day: number;
  /** Mentions linked to the brand. */
  mentions: number;
  analysed: number;
  /** Distinct authors and distinct near-duplicate clusters that day (analysed mentions). */
  authors: number;
  clusters: number;
  negative: number;
  positive: number;
  /** Complaints among the analysed mentions (effective flag). */
  complaints: number;
  /** Likes + replies + reposts + positive score. */
  engagement: number;
}

/** Analysed mentions of a range the models could not fully score (see AnalysisRecord.scored). */
export interface UnscoredTotals {
  /** No model for the language: no sentiment, complaint or safety. */
  unscored: number;
  /** Sentiment only: no complaint or safety. */
  sentimentOnly: number;
}

/**
 * A mention a report may quote: effective sentiment, complaint and safety flags, the
 * models' complaint and safety scores (null before such a model scored it).
 */
export type SampleRow = StoredMention & {
  sentiment: SentimentLabel;
  complaint: boolean;
  complaintScore: number | null;
  safety: boolean;
  safetyScore: number | null;
  engagement: number;
  voice: number;
  cluster: number;
};
