import type { SentimentLabel } from './mention.js';

/** What the analyser reads of a stored mention and what it gives back: shared by the analysis workers, core and the store. */

export interface AnalysisInput {
  rowId: number;
  id: string;
  source: string;
  author: string | null;
  text: string;
  lang: string | null;
  /** Every brand the mention is linked to; the first is the one that stored it. */
  brands: string[];
  /**
   * A digest of the text as stored, where the store gives one (PostgreSQL: md5). It comes
   * back on the result, and the result is saved only if the stored text still has it: a
   * mention edited while its analysis was in flight (by this process or another) stays
   * pending instead of keeping the old text's scores.
   */
  textHash?: string;
}

export interface AnalysisRecord {
  rowId: number;
  modelVersion: string;
  sentimentScore: number;
  sentimentLabel: SentimentLabel;
  /** P(complaint) from the complaint model, 0–1 (3 decimals). */
  complaintScore: number;
  /** The model's yes/no at its threshold (a human complaint label, where set, wins in the store). */
  complaint: boolean;
  /** P(safety) from the safety model, 0–1 (3 decimals): harm or a risk of harm to people, animals or property. */
  safetyScore: number;
  /** The safety model's yes/no (a human safety label, where set, wins in the store). */
  safety: boolean;
  /** P(question) and P(suggestion) from the intent model (3 decimals), and its yes/no; absent: not scored (NULL stored). */
  questionScore?: number;
  question?: boolean;
  suggestionScore?: number;
  suggestion?: boolean;
  /** Near-duplicate key (hex) and its 32-bit form, used to count one voice once. */
  clusterKey: string;
  cluster: number;
  /** 32-bit key of the author (or of the mention when anonymous). */
  voice: number;
  /** Topic terms, without the (first) brand's own names. */
  terms: Array<{ key: string; display: string }>;
  /**
   * Per linked brand, its terms without that brand's own names (a post naming two brands
   * keeps the rival's name as a term of each). A brand not listed gets `terms`.
   */
  termsByBrand?: Array<{ brand: string; terms: Array<{ key: string; display: string }> }>;
  /** The input's textHash, when it had one. */
  textHash?: string;
  /** ISO 639-1 code of the post's language (the source's tag, else detected), `und` when not known. */
  lang?: string;
  /**
   * What the models could score: `all` (sentiment, complaint and safety: English, or unknown
   * and read as English, by the English models; fr, de, es, pt and it by their sentiment model
   * and cue lists, with no question or suggestion score), `sentiment` (a language with a
   * sentiment model only, ar: complaint and safety are not scored), `none`
   * (no model for the language: sentiment, complaint and safety are stored as 0 and mean nothing).
   */
  scored?: Scored;
}

export type Scored = 'all' | 'sentiment' | 'none';

export interface AnalysisFailure {
  rowId: number;
  modelVersion: string;
  /** One line: the analyser's error. */
  reason: string;
}
