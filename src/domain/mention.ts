/** Source names are lowercase words: `x`, `reddit`, `hackernews`, or any other. */
export type SourceName = string;

export interface Metrics {
  likes?: number;
  replies?: number;
  reposts?: number;
  score?: number;
}

/** One mention in earshot's canonical shape, as importers and sources produce it. */
export interface MentionInput {
  /** The platform's own id, always a string (X ids overflow doubles). */
  id: string;
  source: SourceName;
  /** UTC ISO 8601 with milliseconds, e.g. 2026-11-20T10:00:00.000Z. */
  createdAt: string;
  text: string;
  author?: string | null;
  url?: string | null;
  lang?: string | null;
  metrics?: Metrics;
  /** Brand name; importers fill it from `--brand` when the row has none. */
  brand: string;
  /**
   * Other watched brands the mention is linked to as well (it names them); the mention
   * is stored once and counted for each. Links are only ever added, never removed.
   */
  alsoBrands?: string[];
  /** The payload as received (API object or import row), kept for re-analysis. */
  raw?: unknown;
}

/** A stored mention as read back for search, export and reports. */
export interface StoredMention {
  rowId: number;
  id: string;
  source: SourceName;
  brand: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  lang: string | null;
  likes: number | null;
  replies: number | null;
  reposts: number | null;
  score: number | null;
  firstSeen: string;
  lastSeen: string;
}

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export function isSentimentLabel(value: string): value is SentimentLabel {
  return (SENTIMENT_LABELS as readonly string[]).includes(value);
}

/** The human complaint labels of `earshot label`: a complaint, or not one. */
export const COMPLAINT_LABELS = ['complaint', 'not-complaint'] as const;
export type ComplaintLabel = (typeof COMPLAINT_LABELS)[number];

export function isComplaintLabel(value: string): value is ComplaintLabel {
  return (COMPLAINT_LABELS as readonly string[]).includes(value);
}

/** The human safety labels of `earshot label`: reports harm or a risk of harm, or does not. */
export const SAFETY_LABELS = ['safety', 'not-safety'] as const;
export type SafetyLabel = (typeof SAFETY_LABELS)[number];

export function isSafetyLabel(value: string): value is SafetyLabel {
  return (SAFETY_LABELS as readonly string[]).includes(value);
}

/**
 * The human intent labels of `earshot label`: asks something or not, proposes a change or
 * not, and handled (answered: out of the inbox) or not-handled (back in).
 */
export const INTENT_LABELS = ['question', 'not-question', 'suggestion', 'not-suggestion', 'handled', 'not-handled'] as const;
export type IntentLabel = (typeof INTENT_LABELS)[number];

export function isIntentLabel(value: string): value is IntentLabel {
  return (INTENT_LABELS as readonly string[]).includes(value);
}

/** What an intent label sets: which flag, and to what. */
export function intentLabelValue(label: IntentLabel): { kind: 'question' | 'suggestion' | 'handled'; value: boolean } {
  const value = !label.startsWith('not-');
  return { kind: label.replace(/^not-/, '') as 'question' | 'suggestion' | 'handled', value };
}
