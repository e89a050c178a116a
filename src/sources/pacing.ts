import { sleep } from '../retry.js';
import { SourceStopped, type FetchContext } from './source.js';

/** What the last response said about the current rate-limit window. */
export interface RateWindow {
  remaining: number;
  /** Epoch milliseconds when the window resets. */
  resetAt: number;
}

type Headers = Record<string, string | string[] | undefined> | globalThis.Headers;

function readHeader(headers: Headers, name: string): string | undefined {
  if (typeof (headers as globalThis.Headers).get === 'function') {
    return (headers as globalThis.Headers).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

function readNumber(headers: Headers, name: string): number | null {
  const raw = readHeader(headers, name);
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** X: `x-rate-limit-remaining` and `x-rate-limit-reset` in epoch seconds. */
export function readXRateWindow(headers: Headers): RateWindow | null {
  const remaining = readNumber(headers, 'x-rate-limit-remaining');
  const reset = readNumber(headers, 'x-rate-limit-reset');
  if (remaining === null || reset === null) return null;
  return { remaining, resetAt: reset * 1000 };
}

/** Bluesky (IETF draft names): `RateLimit-Remaining` and `RateLimit-Reset` in epoch seconds, like X. */
export function readBlueskyRateWindow(headers: Headers): RateWindow | null {
  const remaining = readNumber(headers, 'ratelimit-remaining');
  const reset = readNumber(headers, 'ratelimit-reset');
  if (remaining === null || reset === null) return null;
  return { remaining, resetAt: reset * 1000 };
}

/** Reddit: `x-ratelimit-remaining` is a float string, `x-ratelimit-reset` is seconds from now. */
export function readRedditRateWindow(headers: Headers, now = Date.now()): RateWindow | null {
  const remaining = readNumber(headers, 'x-ratelimit-remaining');
  const reset = readNumber(headers, 'x-ratelimit-reset');
  if (remaining === null || reset === null) return null;
  return { remaining, resetAt: now + reset * 1000 };
}

/** Milliseconds a 429 asks us to wait: Retry-After first, then the window reset, else null. */
export function readRetryAfterMs(headers: Headers, window: RateWindow | null, now = Date.now()): number | null {
  const retryAfter = readNumber(headers, 'retry-after');
  if (retryAfter !== null) return Math.max(0, retryAfter * 1000);
  return window ? Math.max(0, window.resetAt - now) : null;
}

/**
 * Waits out a rate-limit window when it fits in --max-wait, saying how long and why;
 * otherwise stops the source cleanly so the next run resumes from the cursor.
 */
export async function waitOrStop(ms: number, reason: string, ctx: FetchContext): Promise<void> {
  const seconds = Math.ceil(ms / 1000);
  if (ms > ctx.maxWaitMs) {
    throw new SourceStopped(`${reason}; the window resets in ${seconds}s, longer than --max-wait ${Math.round(ctx.maxWaitMs / 1000)}s`);
  }
  ctx.onEvent?.({ kind: 'wait', seconds, reason });
  await sleep(ms, ctx.signal);
}

/** Before the next request: if the window is used up, wait for its reset (or stop). */
export async function paceWindow(window: RateWindow | null, label: string, ctx: FetchContext, now = Date.now()): Promise<void> {
  if (!window || window.remaining >= 1 || window.resetAt <= now) return;
  // A little slack: reset times are whole seconds and clocks drift.
  await waitOrStop(window.resetAt - now + 250, `${label} rate-limit window used up`, ctx);
}
