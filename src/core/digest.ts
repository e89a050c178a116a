import type { AlertTarget, EmailTarget } from '../config/schema.js';
import { DEFAULT_REPORT, type Report } from '../domain/report.js';
import { renderDigestMail } from '../report/email-digest.js';
import type { DigestRecord, Store } from '../store/store.js';
import { DEFAULT_RETRY, targetAddress, targetHash, type RetryPolicy } from './alert-delivery.js';
import { rivalBrands, targetName } from './alert.js';
import { composeMail, sendMail, smtpPassword, stableMessageId, type MailMessage } from './mail-delivery.js';
import { buildReport } from './report.js';

export type DigestPeriod = 'day' | 'week';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The last complete period before `at`, in UTC: yesterday (00:00 to 00:00), or last week
 * (Monday 00:00 to Monday 00:00). Any time on the same day (or week) gives the same
 * period, so a cron job that runs late or twice digests the same span.
 */
export function lastCompletePeriod(period: DigestPeriod, at: Date): { start: Date; end: Date } {
  const midnight = Math.floor(at.getTime() / DAY) * DAY;
  if (period === 'day') return { start: new Date(midnight - DAY), end: new Date(midnight) };
  // 1970-01-01 was a Thursday: days since the last Monday
  const sinceMonday = (Math.floor(midnight / DAY) + 3) % 7;
  const end = midnight - sinceMonday * DAY;
  return { start: new Date(end - 7 * DAY), end: new Date(end) };
}

export interface DigestOptions {
  brand: string;
  period: DigestPeriod;
  /** Any time in the period after the one to digest (`--at`, default now). */
  at: Date;
  now: Date;
  /** Compose only: send and record nothing (`--dry-run`, `--out`). */
  dryRun?: boolean;
  retry?: Partial<RetryPolicy>;
  env?: NodeJS.ProcessEnv;
}

export interface DigestDelivery {
  target: string;
  url: string;
  /** sent now; already-sent (recorded before: nothing sent); composed (dry run). */
  status: 'sent' | 'already-sent' | 'composed';
  message: MailMessage;
  /** The message as an .eml file. */
  eml: Buffer;
  previous?: DigestRecord;
}

export interface DigestResult {
  report: Report;
  periodStart: string;
  deliveries: DigestDelivery[];
  failures: Array<{ target: string; message: string }>;
}

/** The e-mail targets a brand's digest goes to: those watching it, issue or opportunity; per-mention targets get mentions only. */
export function digestTargets(targets: readonly AlertTarget[], brand: string): Array<{ target: EmailTarget; name: string }> {
  const rivals = rivalBrands(targets);
  const key = brand.toLowerCase();
  return targets.flatMap((target, i) => {
    if (target.type !== 'email' || target.match) return [];
    const watches = target.brands.length === 0 ? !rivals.has(key) : target.brands.some((b) => b.toLowerCase() === key);
    return watches ? [{ target, name: targetName(target, i) }] : [];
  });
}

/**
 * Renders the brand's report over the last complete period and mails it to each target
 * once per period: a target that has this period's digest recorded gets nothing. A
 * failed send records nothing (the next run sends it); targets do not block each other.
 */
export async function sendDigest(store: Store, targets: Array<{ target: EmailTarget; name: string }>, options: DigestOptions): Promise<DigestResult> {
  const { start, end } = lastCompletePeriod(options.period, options.at);
  const windowHours = (end.getTime() - start.getTime()) / HOUR;
  // a week is measured against the four weeks before it, a day against the default two
  const baselineHours = options.period === 'week' ? 4 * 7 * 24 : DEFAULT_REPORT.baselineHours;
  const built = await buildReport(store, { brand: options.brand, at: end, windowHours, baselineHours, top: DEFAULT_REPORT.top, minMentions: DEFAULT_REPORT.minMentions });
  // the run's clock, not the wall clock: the same period composes to the same mail
  const report = { ...built, generatedAt: options.now.toISOString() };
  const periodStart = start.toISOString();
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const result: DigestResult = { report, periodStart, deliveries: [], failures: [] };
  for (const { target, name } of targets) {
    const messageId = stableMessageId(target.from, ['digest', options.brand.toLowerCase(), options.period, periodStart]);
    const message: MailMessage = { ...renderDigestMail(report, options.period, periodStart), messageId, date: options.now };
    const eml = await composeMail(target, message);
    const key = { target: targetHash(target), brand: options.brand, period: options.period, periodStart };
    const previous = await store.digestSent(key) ?? undefined;
    const delivery = { target: name, url: targetAddress(target), message, eml, previous };
    if (options.dryRun) {
      result.deliveries.push({ ...delivery, status: 'composed' });
      continue;
    }
    if (previous) {
      result.deliveries.push({ ...delivery, status: 'already-sent' });
      continue;
    }
    try {
      await sendMail(target, smtpPassword(target, options.env ?? {}), message, policy);
    } catch (error) {
      result.failures.push({ target: name, message: (error as Error).message });
      continue;
    }
    await store.recordDigestSent({ ...key, targetName: name, messageId, sentAt: options.now.toISOString() });
    result.deliveries.push({ ...delivery, status: 'sent' });
  }
  return result;
}
