/** The rows the alert log keeps (./alert-log.ts). */

export interface AlertKey {
  /** A hash of the target's URL (or its name): never the URL, which is a secret. */
  target: string;
  brand: string;
  /** The issue's term keys, sorted and joined with "|". */
  issueKey: string;
}

export interface AlertSentRecord extends AlertKey {
  targetName: string;
  mentions: number;
  sentAt: string;
}

export interface MentionRef {
  source: string;
  id: string;
}

export interface MentionAlertRecord extends MentionRef {
  /** The target's hash, never its URL. */
  target: string;
  targetName: string;
  /** false: the mention matched but the run's cap left it out. */
  posted: boolean;
  sentAt: string;
}

export interface DigestKey {
  target: string;
  brand: string;
  period: 'day' | 'week';
  /** ISO start of the period. */
  periodStart: string;
}

export interface DigestRecord extends DigestKey {
  targetName: string;
  messageId: string;
  sentAt: string;
}

/** One issue of one brand as the last writing run left it; times are ISO strings. */
export interface IssueStateRecord {
  brand: string;
  issueKey: string;
  state: 'new' | 'growing' | 'steady' | 'fading' | 'resolved';
  /** The report time (`at`) of the first and the last run that saw it. */
  firstSeen: string;
  lastSeen: string;
  /** Voices (distinct authors) and mentions at `lastSeen`; the most voices any run saw. */
  voices: number;
  mentions: number;
  peakVoices: number;
  /** The point growth is measured from: voices at `refAt`. */
  refVoices: number;
  refAt: string;
}
