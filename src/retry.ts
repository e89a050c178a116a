import { setTimeout as wait } from 'node:timers/promises';

/**
 * The one retry helper: an API page, a webhook POST and an SMTP send all retry the same
 * way, each saying which failures are worth another try and how long to back off.
 */

export interface Backoff {
  /** Tries after the first one. */
  retries: number;
  /** The wait before the first retry; it doubles for each one after. */
  baseDelayMs: number;
  /** No wait is longer (default: no cap). */
  maxDelayMs?: number;
  /** Each wait times a random factor in [1, 2), so many clients retrying at once spread out. */
  jitter?: boolean;
}

/** The wait before retry `n` (1 for the first): base × 2^(n−1), capped, times [1, 2) with jitter. */
export function backoffDelay(backoff: Backoff, n: number, random: () => number = Math.random): number {
  const delay = Math.min(backoff.baseDelayMs * 2 ** (n - 1), backoff.maxDelayMs ?? Infinity);
  return Math.round(backoff.jitter ? delay * (1 + random()) : delay);
}

export interface RetryOptions {
  backoff: Backoff;
  /** Whether a failure is worth another try; any other is thrown at once. */
  retryable: (error: unknown) => boolean;
  /** Told before each wait. */
  onRetry?: (retry: { attempt: number; error: unknown; delayMs: number }) => void;
  signal?: AbortSignal;
}

/**
 * Runs `attempt` (given its number, from 1) until it succeeds, fails in a way that is not
 * retryable, or has had its retries; then the last failure is thrown as it was.
 */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n > options.backoff.retries || !options.retryable(error)) throw error;
      const delayMs = backoffDelay(options.backoff, n);
      options.onRetry?.({ attempt: n, error, delayMs });
      await sleep(delayMs, options.signal);
    }
  }
}

/** Waits `ms`; an abort of `signal` ends the wait early with its reason. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw signal.reason;
  try {
    await wait(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
