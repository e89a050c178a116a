import { camelSample } from '../report/report-json.js';
import type { AlertTarget } from '../config/schema.js';
import type { IssueState, Report, ReportIssue } from '../domain/report.js';
import { renderSlackMessage } from '../report/slack.js';
import { issueKeyOf, termOverlap } from './issue-key.js';
import type { AlertLog, AlertSentRecord } from '../store/store.js';
import { renderIssueMail } from '../report/email-issue.js';
import { DEFAULT_RETRY, deliver, targetAddress, targetHash, webhookRequest, type HttpRequest, type RetryPolicy } from './alert-delivery.js';
import { sendMail, smtpPassword, stableMessageId, type MailMessage } from './mail-delivery.js';
import { brandKey } from '../domain/brand-key.js';

export interface AlertOptions {
  now: Date;
  /** Build and return the payloads, send nothing, record nothing. */
  dryRun?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Where e-mail targets read their SMTP password (`smtp.passwordEnv`). */
  env?: NodeJS.ProcessEnv;
}

/** One alert for one issue to one target, as sent (or as it would be with --dry-run). */
export interface AlertDelivery {
  target: string;
  /** The URL with its secret path masked, or the SMTP server: safe to print. */
  url: string;
  brand: string;
  /** `opportunity` when the target watches this brand as a rival. */
  kind: AlertTarget['kind'];
  issueKey: string;
  rank: number;
  label: string;
  mentions: number;
  /** The issue's state when posted: what a receiver shows and deduplicates on with `issueKey` and the report's `at`. */
  state: IssueState;
  /** What a Slack or webhook target is POSTed. */
  request?: HttpRequest;
  /** What an e-mail target is sent. */
  mail?: MailMessage;
}

export interface AlertFailure {
  target: string;
  brand: string;
  label: string;
  message: string;
}

export interface AlertSummary {
  sent: AlertDelivery[];
  /** Issues that matched a target's rules but are cooling down. */
  coolingDown: number;
  failures: AlertFailure[];
}

export { issueKeyOf } from './issue-key.js';

/** Share of terms two issue keys must have in common (Jaccard) to be the same issue. */
export const SAME_ISSUE_OVERLAP = 0.5;

/**
 * The alert already sent for this issue, if any: the same key, or else the most
 * similar key by term overlap. An issue's term set drifts between runs as terms
 * join or leave its group ("tea bag · plastic" → "tea bag · plastic · microplastic");
 * matching keys exactly would alert the same issue again on every drift.
 * `recent` is newest first.
 */
export function findPreviousAlert(recent: readonly AlertSentRecord[], issueKey: string): AlertSentRecord | null {
  const exact = recent.find((r) => r.issueKey === issueKey);
  if (exact) return exact;
  let best: AlertSentRecord | null = null;
  let bestOverlap = SAME_ISSUE_OVERLAP;
  for (const record of recent) {
    const overlap = termOverlap(issueKey, record.issueKey);
    if (overlap > bestOverlap || (overlap === bestOverlap && best === null)) [best, bestOverlap] = [record, overlap];
  }
  return best;
}

/**
 * Brands some `opportunity` target names: declared rivals. A target with no `brands` of its
 * own watches every brand except these, so a rival's issue is never posted as one's own.
 */
export function rivalBrands(targets: readonly AlertTarget[]): Set<string> {
  return new Set(targets.filter((t) => t.kind === 'opportunity').flatMap((t) => t.brands.map(brandKey)));
}

/**
 * A target's rules: brands (empty = every brand but declared rivals), minimum score,
 * mentions, negative and complaint share. A safety issue (harm reported) is not held back
 * by the minimum shares: a burn told calmly is neither negative nor a complaint by numbers.
 */
export function matchesRules(target: AlertTarget, brand: string, issue: ReportIssue, rivals: ReadonlySet<string>): boolean {
  const key = brandKey(brand);
  const brandOk = target.brands.length === 0 ? !rivals.has(key) : target.brands.some((b) => brandKey(b) === key);
  const sharesOk = issue.safety === true || (issue.negativeShare >= target.minNegativeShare && issue.complaintShare >= target.minComplaintShare);
  return brandOk && issue.score >= target.minScore && issue.mentions >= target.minMentions && sharesOk;
}

/**
 * Cooldown: an issue alerts once; it alerts again when `cooldownHours` have passed since
 * the last alert (it is still emerging a day later), or sooner when it has grown to
 * `regrowFactor` times the mentions it had then — but growth counts only once
 * `regrowAfterHours` have passed: two runs seconds apart on a fresh store see the first
 * scan's partial data, then the rest of it, and that is not a second wave.
 */
export function isDue(target: AlertTarget, last: AlertSentRecord | null, issue: ReportIssue, now: Date): boolean {
  if (!last) return true;
  const hours = (now.getTime() - Date.parse(last.sentAt)) / 3_600_000;
  if (hours >= target.cooldownHours) return true;
  return hours >= target.regrowAfterHours && issue.mentions >= last.mentions * target.regrowFactor;
}

/**
 * The state an alert carries: the issue's tracked state when the report has one, else
 * what the alert history says (new when never posted, growing when it regrew, steady).
 */
export function alertState(target: AlertTarget, last: AlertSentRecord | null, issue: ReportIssue): IssueState {
  if (issue.state) return issue.state;
  if (!last) return 'new';
  return issue.mentions >= last.mentions * target.regrowFactor ? 'growing' : 'steady';
}

export function targetName(target: AlertTarget, index: number): string {
  return target.name ?? `${target.type} #${index + 1}`;
}

/**
 * Sends each target the issues that pass its rules and cooldown. Targets run side by
 * side, so one that is down never blocks another; a target stops at its first failed
 * delivery (the rest are retried next run, as nothing unsent is recorded).
 */
export async function sendAlerts(store: AlertLog, reports: Report[], targets: AlertTarget[], options: AlertOptions): Promise<AlertSummary> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const rivals = rivalBrands(targets);
  // targets with `match` post mentions, not issues (mention-alerts.ts)
  const results = await Promise.all(targets.map((target, i) => (target.match ? { sent: [], coolingDown: 0, failures: [] }
    : alertTarget(store, reports, target, targetName(target, i), rivals, policy, options))));
  return {
    sent: results.flatMap((r) => r.sent),
    coolingDown: results.reduce((n, r) => n + r.coolingDown, 0),
    failures: results.flatMap((r) => r.failures),
  };
}

async function alertTarget(
  store: AlertLog, reports: Report[], target: AlertTarget, name: string, rivals: ReadonlySet<string>, policy: RetryPolicy, options: AlertOptions,
): Promise<AlertSummary> {
  const summary: AlertSummary = { sent: [], coolingDown: 0, failures: [] };
  const hash = targetHash(target);
  // only alerts inside the cooldown can hold an issue back: older ones leave it due anyway
  const since = new Date(options.now.getTime() - target.cooldownHours * 3_600_000).toISOString();
  for (const report of reports) {
    const recent = await store.alertsSentSince({ target: hash, brand: report.brand }, since);
    for (const issue of report.issues) {
      if (!matchesRules(target, report.brand, issue, rivals)) continue;
      const issueKey = issue.issueKey ?? issueKeyOf(issue);
      const last = findPreviousAlert(recent, issueKey);
      if (!isDue(target, last, issue, options.now)) {
        summary.coolingDown++;
        continue;
      }
      const delivery = buildDelivery(target, name, report, issue, issueKey, alertState(target, last, issue), options.now);
      if (!options.dryRun) {
        try {
          if (target.type === 'email') await sendMail(target, smtpPassword(target, options.env ?? {}), delivery.mail!, policy);
          else await deliver(target.url, delivery.request!, policy);
        } catch (error) {
          summary.failures.push({ target: name, brand: report.brand, label: issue.label, message: (error as Error).message });
          return summary;
        }
        await store.recordAlertSent({
          target: hash, targetName: name, brand: report.brand, issueKey, mentions: issue.mentions, sentAt: options.now.toISOString(),
        });
      }
      summary.sent.push(delivery);
    }
  }
  return summary;
}

function buildDelivery(
  target: AlertTarget, name: string, report: Report, issue: ReportIssue, issueKey: string, state: IssueState, now: Date,
): AlertDelivery {
  const base = {
    target: name, url: targetAddress(target), brand: report.brand, kind: target.kind, issueKey,
    rank: issue.rank, label: issue.label, mentions: issue.mentions, state,
  };
  if (target.type === 'email') {
    // the same issue in the same report is the same mail: a re-send carries the same Message-ID
    const messageId = stableMessageId(target.from, ['issue', target.kind, report.brand, issueKey, report.at]);
    return { ...base, mail: { ...renderIssueMail(report, { ...issue, state }, target.kind), messageId, date: now } };
  }
  // issueKey, state and the report's time let a receiver drop a repeat of what it already has
  const request: HttpRequest = target.type === 'slack'
    ? { body: JSON.stringify(renderSlackMessage(report, { ...issue, state }, target.kind)), headers: { 'content-type': 'application/json', 'user-agent': 'earshot' } }
    : webhookRequest({
      kind: target.kind, brand: report.brand, issueKey, at: report.at, ...issue, samples: issue.samples.map(camelSample), state, warnings: report.warnings ?? [],
    }, target.secret, now);
  return { ...base, request };
}
