import { retry } from '../retry.js';
import { SourceStopped, type FetchContext } from './source.js';
import { RateLimitedError, SourceError, TransientError } from './errors.js';
import { waitOrStop } from './pacing.js';

export interface RetryPolicy {
  /** Retries after the first attempt for 5xx and network errors. */
  retries: number;
  /** First backoff; doubles per attempt, times a random factor in [1, 2) for jitter. */
  baseDelayMs: number;
  /** 429s waited out in a row before the source stops. */
  maxRateLimitWaits: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxRateLimitWaits: 3 };

/** X's 429 may carry no reset at all; a minute is a guess that --max-wait can veto. */
const UNKNOWN_WAIT_MS = 60_000;

/**
 * Runs one API call under the shared policy: transient failures are retried with
 * backoff and jitter; 429s are waited out (within --max-wait) or stop the source.
 */
export async function callWithPolicy<T>(label: string, ctx: FetchContext, policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await retryTransient(ctx, policy, attempt);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      if (waits >= policy.maxRateLimitWaits) {
        throw new SourceStopped(`${label} still rate-limited after ${waits} waits`);
      }
      await waitOrStop(error.waitMs ?? UNKNOWN_WAIT_MS, `${label} answered 429 Too Many Requests`, ctx);
    }
  }
}

async function retryTransient<T>(ctx: FetchContext, policy: RetryPolicy, attempt: () => Promise<T>): Promise<T> {
  try {
    return await retry(attempt, {
      backoff: { retries: policy.retries, baseDelayMs: policy.baseDelayMs, jitter: true },
      retryable: (error) => error instanceof TransientError,
      signal: ctx.signal,
      onRetry: ({ attempt: n, error, delayMs }) => ctx.onEvent?.({ kind: 'retry', attempt: n, reason: (error as Error).message, delayMs }),
    });
  } catch (error) {
    if (error instanceof TransientError) {
      // no longer worth a retry, but still what it was (status reads "network" or "http, 503")
      throw Object.assign(new SourceError(`${error.message}; gave up after ${policy.retries} retries`, undefined, error.httpStatus), { cause: error });
    }
    throw error;
  }
}
