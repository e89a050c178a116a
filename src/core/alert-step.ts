import type { AlertTarget } from '../config/schema.js';
import type { DataWarning } from '../domain/warnings.js';
import type { Store } from '../store/store.js';
import { sendAlerts, type AlertFailure, type AlertOptions, type AlertSummary } from './alert.js';
import { readIssueStates, trackIssueStates } from './issue-states.js';
import { latestReport } from './latest-report.js';
import { sendMentionAlerts, type MentionAlertSummary } from './mention-alerts.js';

export interface AlertStepOptions extends AlertOptions {
  /** The brands whose latest reports are built (and whose issue states move on). */
  brands: string[];
  targets: AlertTarget[];
  scanEveryMs?: number;
}

export interface AlertStepResult {
  /** Null when no target is configured: the states were recorded, nothing was sent. */
  issues: AlertSummary | null;
  mentions: MentionAlertSummary | null;
  /** Issue and mention deliveries that failed, every other target having had its turn. */
  failures: AlertFailure[];
  /** Messages sent (or, dry, that would be): issue alerts plus per-mention messages. */
  sent: number;
  /** What the reports behind the alerts say is missing from their data. */
  warnings: DataWarning[];
}

/**
 * The alert step of `alert` and `run`: the latest report of each brand, its issue states
 * moved on (only read on a dry run, which records nothing), then each target's rules,
 * cooldown and delivery, and the per-mention targets' new mentions.
 */
export async function runAlertStep(store: Store, options: AlertStepOptions): Promise<AlertStepResult> {
  const { brands, targets, scanEveryMs, ...alertOptions } = options;
  const states = options.dryRun ? readIssueStates : trackIssueStates;
  const reports = [];
  for (const brand of brands) reports.push(await states(store, await latestReport(store, brand, options.now, scanEveryMs)));
  const warnings = reports.flatMap((r) => r.warnings);
  if (targets.length === 0) return { issues: null, mentions: null, failures: [], sent: 0, warnings };
  const issues = await sendAlerts(store, reports, targets, alertOptions);
  const mentions = targets.some((t) => t.match) ? await sendMentionAlerts(store, brands, targets, alertOptions) : null;
  return {
    issues, mentions, warnings,
    failures: [...issues.failures, ...(mentions?.failures ?? [])],
    sent: issues.sent.length + (mentions?.sent.length ?? 0),
  };
}
