export type ReplaySource = 'x' | 'reddit' | 'hackernews' | 'bluesky' | 'rss' | 'appstore';

/** Page-level faults: the route shapes the page, keeping the data set intact. */
export type PageMode = 'empty-page' | 'repeat-page' | 'endless';

export type FaultKind =
  /** Answers with this status, and this JSON body when given. */
  | { kind: 'status'; status: number; body?: unknown }
  /** 429; `resetSeconds` becomes the source's own reset header, or no header when omitted. */
  | { kind: 'rate-limit'; resetSeconds?: number }
  /** A complete response whose JSON body is cut in half. */
  | { kind: 'truncated-json' }
  | { kind: 'invalid-json' }
  /** Answers normally after a delay. */
  | { kind: 'slow'; delayMs: number }
  /** Closes the connection before answering. */
  | { kind: 'reset' }
  /** Sends the headers and half the body, then closes the connection. */
  | { kind: 'drop-mid-body' }
  /** An empty page that still carries a cursor to the next one. */
  | { kind: 'empty-page' }
  /** Serves the page and points the cursor back at it, so it comes twice. */
  | { kind: 'repeat-page' }
  /** A cursor that never ends: past the data, empty pages with a next cursor. */
  | { kind: 'endless' };

export type Fault = FaultKind & {
  /** Only requests to this source (default: any). */
  source?: ReplaySource;
  /** Only requests whose path contains this (default: any). */
  path?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** How many matching requests it hits (default 1; Infinity for always). */
  times?: number;
};

interface Armed {
  fault: Fault;
  skipLeft: number;
  timesLeft: number;
}

/** Scripted faults, consumed in order by the requests they match. */
export class FaultBook {
  private armed: Armed[] = [];

  set(faults: Fault[]): void {
    this.armed = faults.map((fault) => ({ fault, skipLeft: fault.skip ?? 0, timesLeft: fault.times ?? 1 }));
  }

  take(source: ReplaySource, path: string): Fault | null {
    for (const entry of this.armed) {
      if (entry.timesLeft <= 0) continue;
      if (entry.fault.source && entry.fault.source !== source) continue;
      if (entry.fault.path && !path.includes(entry.fault.path)) continue;
      if (entry.skipLeft > 0) {
        entry.skipLeft--;
        continue;
      }
      entry.timesLeft--;
      return entry.fault;
    }
    return null;
  }

  /** Faults that have not fired yet, so a test can check its script was used up. */
  pending(): Fault[] {
    return this.armed.filter((entry) => entry.timesLeft > 0 && Number.isFinite(entry.timesLeft)).map((entry) => entry.fault);
  }
}

export function pageModeOf(fault: Fault | null): PageMode | null {
  if (!fault) return null;
  return fault.kind === 'empty-page' || fault.kind === 'repeat-page' || fault.kind === 'endless' ? fault.kind : null;
}
