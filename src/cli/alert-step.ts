import type { AlertSummary } from '../core/alert.js';
import { runAlertStep as runAlerts } from '../core/alert-step.js';
import type { MentionAlertSummary } from '../core/mention-alerts.js';
import { EXIT, UserError } from '../errors.js';
import type { Store } from '../store/store.js';
import { watchedBrands } from './brands.js';
import type { CliContext } from './context.js';
import { reportIncomplete } from './options.js';
import { scanEveryMs } from './time.js';

export interface AlertStepFlags {
  brand?: string;
  dryRun?: boolean;
  failOnAlert?: boolean;
  /** Exit 4 (after sending) when a brand's report is incomplete: failing, stale or overdue sources, no data, mixed models. */
  strict?: boolean;
}

/**
 * The alert step shared by `alert` and `run` (src/core/alert-step.ts), told on stderr:
 * failed targets end in one error line (exit 1) after every other target had its turn;
 * with --fail-on-alert a successful send ends the command with exit 3.
 */
export async function runAlertStep(ctx: CliContext, store: Store, flags: AlertStepFlags, requireTargets: boolean): Promise<AlertSummary | null> {
  const { config } = ctx.settings();
  if (config.alerts.length === 0 && requireTargets) {
    throw new UserError('no alert targets are configured', 'add one under "alerts" in earshot.config.json (see docs/alerts.md)');
  }
  const result = await runAlerts(store, {
    brands: await watchedBrands(ctx, store, flags.brand), targets: config.alerts, scanEveryMs: scanEveryMs(ctx),
    now: ctx.now, dryRun: flags.dryRun, retry: retryFromEnv(ctx.env), env: ctx.env,
  });
  const { issues: summary, mentions, failures, sent } = result;
  if (!summary) {
    ctx.out.info('no alert targets configured; skipping alerts');
    return null;
  }
  if (flags.dryRun) printDryRun(ctx, summary, mentions);
  else {
    for (const d of summary.sent) ctx.out.info(`alerted ${d.target}: ${d.kind === 'opportunity' ? 'opportunity, rival ' : ''}${d.brand} issue ${d.rank} "${d.label}" (${d.state}, ${d.mentions} mentions)`);
    for (const b of mentions?.sent ?? []) ctx.out.info(`alerted ${b.target}: ${b.mentions.length} new mention(s)${b.leftOut ? `, ${b.leftOut} more left out by the cap (match.maxPerRun)` : ''}`);
  }
  const verb = flags.dryRun ? 'would send' : 'sent';
  ctx.out.info(`alerts: ${verb} ${summary.sent.length}, ${summary.coolingDown} cooling down, ${failures.length} failed${mentions ? `; mention messages: ${verb} ${mentions.sent.length}` : ''}`);
  if (failures.length > 0) {
    const failed = failures.map((f) => `${f.target} (${f.brand}: ${f.label}): ${f.message}`).join('; ');
    throw new UserError(`alert delivery failed for ${failed}`, `${sent} other alert(s) sent; unsent alerts are retried on the next run`);
  }
  // each warning on stderr, for the cron mail; an alert sent under --fail-on-alert (exit 3) outranks it
  if (flags.strict) reportIncomplete(ctx, result.warnings, true, 'each');
  if (flags.failOnAlert && !flags.dryRun && sent > 0) ctx.finish(EXIT.alertsFired);
  return summary;
}

/** Payloads on stdout, one JSON object per line; the URL is masked, never printed in full. */
function printDryRun(ctx: CliContext, summary: AlertSummary, mentions: MentionAlertSummary | null): void {
  for (const d of summary.sent) {
    ctx.out.data(JSON.stringify({
      target: d.target, url: d.url, kind: d.kind, brand: d.brand, rank: d.rank, label: d.label, issueKey: d.issueKey, state: d.state,
      ...(d.request ? { headers: d.request.headers, payload: JSON.parse(d.request.body) as unknown } : {}),
      ...(d.mail ? { mail: { subject: d.mail.subject, messageId: d.mail.messageId, text: d.mail.text } } : {}),
    }));
  }
  for (const b of mentions?.sent ?? []) {
    ctx.out.data(JSON.stringify({
      target: b.target, url: b.url, kind: 'mentions', mentions: b.mentions.length, leftOut: b.leftOut,
      ...(b.request ? { headers: b.request.headers, payload: JSON.parse(b.request.body) as unknown } : {}),
      ...(b.mail ? { mail: { subject: b.mail.subject, messageId: b.mail.messageId, text: b.mail.text } } : {}),
    }));
  }
}

/** Short retry delays for tests and impatient crontabs: EARSHOT_ALERT_RETRY_DELAY_MS. */
export function retryFromEnv(env: NodeJS.ProcessEnv) {
  const ms = Number(env.EARSHOT_ALERT_RETRY_DELAY_MS);
  return Number.isFinite(ms) && ms >= 0 && env.EARSHOT_ALERT_RETRY_DELAY_MS ? { minDelayMs: ms, maxDelayMs: ms * 8 } : {};
}
