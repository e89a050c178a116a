import type { ReplaySource } from './faults.js';

export interface RateLimitSpec {
  limit: number;
  windowSeconds: number;
}

/** One fixed window per source, like X's 15-minute and Reddit's per-minute windows. */
export class RateWindowState {
  private used = 0;
  private resetAt = 0;

  constructor(private readonly spec: RateLimitSpec) {}

  /** Counts a request; false when the window was already used up. */
  consume(now = Date.now()): boolean {
    if (now >= this.resetAt) {
      this.used = 0;
      this.resetAt = now + this.spec.windowSeconds * 1000;
    }
    this.used++;
    return this.used <= this.spec.limit;
  }

  headers(source: ReplaySource, now = Date.now()): Record<string, string> {
    return rateHeaders(source, this.spec.limit, Math.max(0, this.spec.limit - this.used), (this.resetAt - now) / 1000);
  }
}

/** Each platform's own convention: X resets in epoch seconds, Reddit in seconds from now. */
export function rateHeaders(source: ReplaySource, limit: number, remaining: number, resetInSeconds: number): Record<string, string> {
  if (source === 'x') {
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(remaining),
      'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000 + resetInSeconds)),
    };
  }
  if (source === 'bluesky') {
    return {
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': String(remaining),
      'ratelimit-reset': String(Math.ceil(Date.now() / 1000 + resetInSeconds)),
      'ratelimit-policy': `${limit};w=${Math.max(1, Math.round(resetInSeconds))}`,
    };
  }
  // feed hosts and Apple say only how long to wait
  if (source === 'rss' || source === 'appstore') return { 'retry-after': String(Math.ceil(resetInSeconds)) };
  if (source === 'reddit') {
    return {
      'x-ratelimit-used': String(limit - remaining),
      'x-ratelimit-remaining': remaining.toFixed(1),
      'x-ratelimit-reset': String(Math.ceil(resetInSeconds)),
    };
  }
  return {};
}

export const DEFAULT_RATE_LIMITS: Record<'x' | 'reddit' | 'bluesky', RateLimitSpec> = {
  x: { limit: 450, windowSeconds: 900 },
  reddit: { limit: 100, windowSeconds: 60 },
  // per IP: 3,000 requests per 5 minutes
  bluesky: { limit: 3000, windowSeconds: 300 },
};
