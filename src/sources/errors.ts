import { UserError } from '../errors.js';

/**
 * A source failed in a way a person should read: one line naming the source and the
 * endpoint, never a token. The scan marks the source `failed` and keeps what it stored.
 */
export class SourceError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'SourceError';
  }
}

/** Worth another try after a backoff: 5xx, a dropped connection, a timeout. */
export class TransientError extends SourceError {
  constructor(message: string) {
    super(message);
    this.name = 'TransientError';
  }
}

/** A 429: `waitMs` is how long the API asked us to wait, or null when it did not say. */
export class RateLimitedError extends SourceError {
  constructor(
    message: string,
    readonly waitMs: number | null,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/** The API refused the credentials; Reddit's client refreshes its token once on this. */
export class AuthRejectedError extends SourceError {
  constructor(message: string, hint?: string) {
    super(message, hint);
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
