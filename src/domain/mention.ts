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
  /**
   * The author's follower count when the source gives it (X's user expansion), else
   * unknown; stored per author (migration 22) as reach, the inbox's last tie-breaker.
   */
  authorFollowers?: number | null;
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

/** The earliest date a mention may carry: no platform earshot reads has posts from before it. */
export const EARLIEST_MENTION = Date.parse('2000-01-01T00:00:00.000Z');
/** EARLIEST_MENTION as days since 1970 (the rollups' day numbers). */
export const EARLIEST_MENTION_DAY = EARLIEST_MENTION / 86_400_000;
/** How far past the command's clock a mention may be dated (clock skew between platforms and us). */
export const FUTURE_SKEW_MS = 86_400_000;

/**
 * Why a mention's date cannot be kept, or null: before 2000-01-01 or more than a day past
 * `now`. A year-0001 post would make every per-day rollup span 739,000 days, and a post
 * from 2999 would sit on top of every report forever.
 */
export function dateOutOfRange(createdAt: string, now: Date): string | null {
  const at = Date.parse(createdAt);
  if (!Number.isFinite(at)) return `created_at ${JSON.stringify(createdAt.slice(0, 40))} is not a date`;
  if (at < EARLIEST_MENTION) return `created_at ${JSON.stringify(createdAt.slice(0, 40))} is before 2000-01-01, outside the dates earshot keeps`;
  if (at > now.getTime() + FUTURE_SKEW_MS) return `created_at ${JSON.stringify(createdAt.slice(0, 40))} is more than a day after now (${now.toISOString()}), outside the dates earshot keeps`;
  return null;
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
