import type { FetchContext } from './source.js';

/**
 * How far ahead of the command's clock an item's time may be and still be trusted: clocks
 * drift, but a post dated next year is a broken or hostile server, and made a cursor it
 * would hide everything older than itself — every post for years.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** The latest time a cursor may stand at, in epoch ms: the command's clock plus the skew. */
export function latestTrusted(ctx: Pick<FetchContext, 'now'>): number {
  return (ctx.now ?? (() => new Date()))().getTime() + CLOCK_SKEW_MS;
}

/** The first item (pages come newest-first) whose time is not in the future, for the cursor. */
export function firstTrusted<T>(items: readonly T[], timeOf: (item: T) => number | null, limit: number): T | undefined {
  return items.find((item) => {
    const ms = timeOf(item);
    return ms === null || ms <= limit;
  });
}
