import { DURATION_EXAMPLES, durationMs, parseTimestamp } from '../domain/time-input.js';
import { UsageError } from '../errors.js';

/** A duration like `48h`, `14d`, `30m`, `2w`, in milliseconds; anything else is a usage error naming the flag. */
export function parseDuration(value: string, flag: string): number {
  const ms = durationMs(value);
  if (ms === null) throw new UsageError(`${flag} "${value}" is not a duration`, `use e.g. ${DURATION_EXAMPLES}`);
  return ms;
}

/** An ISO date/time, or a duration meaning "that long before now". */
export function parseTimePoint(value: string, flag: string, now: Date): string {
  const ago = durationMs(value);
  if (ago !== null) return new Date(now.getTime() - ago).toISOString();
  const iso = parseTimestamp(value);
  if (!iso) throw new UsageError(`${flag} "${value}" is not a date`, 'use an ISO date like 2026-11-20 or a duration like 7d');
  return iso;
}

/**
 * `--since` and `--until` together: `--until` counts back from now; a `--since` duration
 * counts back from `--until` when one is given (`--since 14d --until 2026-11-20` is the 14
 * days before the 20th, not "14 days ago"); `--since` must come before `--until`.
 */
export function parseTimeRange(flags: { since?: string; until?: string }, now: Date): { since?: string; until?: string } {
  const until = flags.until === undefined ? undefined : parseTimePoint(flags.until, '--until', now);
  const since = flags.since === undefined ? undefined : parseTimePoint(flags.since, '--since', until ? new Date(until) : now);
  if (since !== undefined && until !== undefined && Date.parse(since) >= Date.parse(until)) {
    throw new UsageError('--since must be before --until', `got --since ${since.slice(0, 16).replace('T', ' ')} and --until ${until.slice(0, 16).replace('T', ' ')} UTC`);
  }
  return { since, until };
}

/** The configured scan schedule (`scan.every`) in milliseconds, when there is one. */
export function scanEveryMs(ctx: { settings(): { config: { scan: { every?: string | undefined } } } }): number | undefined {
  const every = ctx.settings().config.scan.every;
  return every === undefined ? undefined : parseDuration(every, 'scan.every');
}
