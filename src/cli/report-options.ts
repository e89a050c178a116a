import type { Command } from 'commander';
import { LATEST_REPORT } from '../core/latest-report.js';
import { UsageError } from '../errors.js';
import { parseDuration, parseTimePoint } from './time.js';

export interface ReportPeriodFlags {
  at?: string;
  window: string;
  baseline: string;
}

export interface ReportPeriod {
  at: Date;
  windowHours: number;
  baselineHours: number;
}

/** `--at`, `--window` and `--baseline`, meaning the same on `report` and `export --issue`. */
export function addReportPeriodOptions(cmd: Command): Command {
  return cmd
    .option('--at <when>', 'report as of this time: the window ends here, exclusive (ISO date or a duration ago; default now)')
    .option('--window <duration>', 'recent window', `${LATEST_REPORT.windowHours}h`)
    .option('--baseline <duration>', 'baseline before the window', `${LATEST_REPORT.baselineHours / 24}d`);
}

export function parseReportPeriod(flags: ReportPeriodFlags, now: Date): ReportPeriod {
  const windowHours = Math.round(parseDuration(flags.window, '--window') / 3_600_000);
  const baselineHours = Math.round(parseDuration(flags.baseline, '--baseline') / 3_600_000);
  if (windowHours < 1 || baselineHours < windowHours) {
    throw new UsageError('--baseline must be at least as long as --window, and --window at least 1h');
  }
  const at = flags.at ? new Date(parseTimePoint(flags.at, '--at', now)) : now;
  return { at, windowHours, baselineHours };
}
