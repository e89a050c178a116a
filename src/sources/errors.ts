import { UserError } from '../errors.js';

/**
 * A source failed in a way a person should read: one line naming the source and the
 * endpoint, never a token. The scan marks the source `failed` and keeps what it stored.
 */
export class SourceError extends UserError {
  constructor(message: string, hint?: string, readonly httpStatus?: number) {
    super(message, hint);
    this.name = 'SourceError';
  }
}

/** Worth another try after a backoff: 5xx, a dropped connection, a timeout. */
export class TransientError extends SourceError {
  constructor(message: string, httpStatus?: number) {
    super(message, undefined, httpStatus);
    this.name = 'TransientError';
  }
}

/** The response arrived but cannot be read: not JSON, not a feed, not the shape the API documents. */
export class UnreadableResponseError extends SourceError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'UnreadableResponseError';
  }
}

/** A 429: `waitMs` is how long the API asked us to wait, or null when it did not say. */
export class RateLimitedError extends SourceError {
  constructor(
    message: string,
    readonly waitMs: number | null,
  ) {
    super(message, undefined, 429);
    this.name = 'RateLimitedError';
  }
}

/** The API refused the credentials; Reddit's client refreshes its token once on this. */
export class AuthRejectedError extends SourceError {
  constructor(message: string, hint?: string, httpStatus?: number) {
    super(message, hint, httpStatus);
    this.name = 'AuthRejectedError';
  }
}

/** Shortens an error from below (fetch, JSON.parse) to a single line for our messages. */
export function describeCause(error: unknown): string {
  const err = error as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const base = typeof err?.message === 'string' && err.message ? err.message : error == null ? 'no response (network error or timeout)' : String(error);
  const code = err?.cause?.code ?? err?.cause?.message;
  const text = code && !base.includes(String(code)) ? `${base} (${String(code)})` : base;
  return text.split('\n')[0]!.slice(0, 200);
}

/**
 * How a scan ended, in the words status shows (issue 27 #1): `ok`, `empty` (ok, no posts),
 * `rate-limited` (429s past the retries, or a rate window longer than --max-wait), `auth`
 * (a login refused: 401), `blocked` (403: access refused), `network` (no answer: refused,
 * reset, timed out), `http` (another 4xx/5xx), `parse` (an answer that cannot be read), `other`.
 */
export type OutcomeKind = 'ok' | 'empty' | 'rate-limited' | 'auth' | 'blocked' | 'network' | 'http' | 'parse' | 'other';

/** The kind and HTTP status of a scan's failure, from the error it ended with. */
export function failureKind(error: unknown): { kind: OutcomeKind; httpStatus: number | null } {
  // the retries gave up on a transient failure: it is what the last attempt was
  if (error instanceof SourceError && error.cause instanceof TransientError) return failureKind(error.cause);
  const httpStatus = error instanceof SourceError && error.httpStatus !== undefined ? error.httpStatus : null;
  // a 403 is a refusal of access whatever the source calls it (a keyless feed behind a firewall, an X app
  // without the access level): "blocked"; a 401 is a login refused
  const kind: OutcomeKind = error instanceof RateLimitedError ? 'rate-limited'
    : httpStatus === 403 ? 'blocked'
      : error instanceof AuthRejectedError ? 'auth'
        : error instanceof UnreadableResponseError ? 'parse'
          : httpStatus !== null ? 'http'
            : error instanceof TransientError ? 'network'
              : 'other';
  return { kind, httpStatus };
}
