import type { MentionInput, SourceName } from '../domain/mention.js';
import type { BrandConfig } from '../config/schema.js';

/**
 * A cursor update travels with the page it came from and is committed in the same
 * transaction, so a run killed at any point resumes without gaps or duplicates.
 * `stream` names one incremental feed of a brand on a source (e.g. `search`,
 * `comments:r/tea`); `value` is opaque to the store (adapters use JSON).
 */
export interface CursorUpdate {
  stream: string;
  value: string;
}

export interface SourcePage {
  mentions: MentionInput[];
  /** Posts the API returned (and billed) for this page, before local filtering. */
  postsRead: number;
  cursor: CursorUpdate | null;
}

/** What a source reports while it works; the CLI turns these into spinner text. */
export type SourceEvent =
  | { kind: 'page'; stream: string; posts: number }
  | { kind: 'wait'; seconds: number; reason: string }
  | { kind: 'retry'; attempt: number; reason: string; delayMs: number }
  | { kind: 'notice'; message: string };

/**
 * Logins that outlive a run, kept by the store per source account (Bluesky's refresh
 * token). Values are opaque to the store; a source encrypts what it saves.
 */
export interface SessionBook {
  get(account: string): Promise<string | null>;
  save(account: string, value: string | null): Promise<void>;
}

export interface FetchContext {
  /** Reads the last committed cursor for this brand+source+stream. */
  getCursor(stream: string): Promise<string | null>;
  /** Stop once this many posts were read in this run (X bills per post read). */
  maxPosts: number;
  /** Longest wait for a rate-limit window before stopping the source cleanly. */
  maxWaitMs: number;
  /** Safety cap on pages per stream, against cursors that never end. */
  maxPages: number;
  onEvent?: (event: SourceEvent) => void;
  signal?: AbortSignal;
  /** Where a source keeps its login between runs; without it, a source logs in every run. */
  sessions?: SessionBook;
  /** The clock, for items that carry no time of their own (a feed item without a date). */
  now?: () => Date;
}

export interface Source {
  readonly name: SourceName;
  /**
   * Whether a brand configures this source at all (feeds, app ids); absent means every
   * brand can be searched. The scan skips the others without recording a run.
   */
  appliesTo?(brand: BrandConfig): boolean;
  /** Yields pages newest-first; each page's cursor is safe to commit with it. */
  fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncIterable<SourcePage>;
}

/** Thrown by a source when it stops early but cleanly (rate limit past max-wait). */
export class SourceStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceStopped';
  }
}
