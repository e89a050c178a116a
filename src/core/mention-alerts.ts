import type { AlertTarget, MentionMatch } from '../config/schema.js';
import { isSuggestionForBrand } from '../analysis/intent/addressee.js';
import { renderMentionsMail } from '../report/email-mentions.js';
import { mentionsExportCommand, renderSlackMentions, type MentionItem } from '../report/slack-mentions.js';
import type { ExportQuery, ExportRow, Store } from '../store/store.js';
import { DEFAULT_RETRY, deliver, targetAddress, targetHash, webhookRequest, type HttpRequest, type RetryPolicy } from './alert-delivery.js';
import { rivalBrands, targetName, type AlertFailure, type AlertOptions } from './alert.js';
import { sendMail, smtpPassword, stableMessageId, type MailMessage } from './mail-delivery.js';
import { compileMentionQuery } from './mention-query.js';
import { brandKey, compareKeys } from '../domain/brand-key.js';

/** What one run gave one per-mention target: one message with the new matching mentions. */
export interface MentionBatch {
  target: string;
  url: string;
  /** The mentions shown, most engaging first. */
  mentions: MentionItem[];
  /** New matching mentions the cap (`match.maxPerRun`) left out: counted, never posted later. */
  leftOut: number;
  request?: HttpRequest;
  mail?: MailMessage;
}

export interface MentionAlertSummary {
  sent: MentionBatch[];
  failures: AlertFailure[];
}

/** Rows read per brand and run at most: a per-mention target is for a trickle, not an archive. */
const MAX_ROWS = 5_000;
const HOUR = 3_600_000;

/**
 * Each target with `match` rules gets the new mentions of its brands that pass them, in
 * one message per run, capped; a mention is recorded once posted (or left out), so no
 * run posts it again. A failed delivery records nothing: the next run tries again.
 */
export async function sendMentionAlerts(store: Store, brands: string[], targets: AlertTarget[], options: AlertOptions): Promise<MentionAlertSummary> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const rivals = rivalBrands(targets);
  const summary: MentionAlertSummary = { sent: [], failures: [] };
  const results = await Promise.all(targets.map(async (target, i) => (target.match
    ? alertMentions(store, watchedBrands(target, brands, rivals), target, target.match, targetName(target, i), policy, options) : null)));
  for (const r of results) {
    if (r?.sent) summary.sent.push(r.sent);
    if (r?.failure) summary.failures.push(r.failure);
  }
  return summary;
}

function watchedBrands(target: AlertTarget, brands: string[], rivals: ReadonlySet<string>): string[] {
  if (target.brands.length === 0) return brands.filter((b) => !rivals.has(brandKey(b)));
  const wanted = new Set(target.brands.map(brandKey));
  return brands.filter((b) => wanted.has(brandKey(b)));
}

async function alertMentions(
  store: Store, brands: string[], target: AlertTarget, match: MentionMatch, name: string, policy: RetryPolicy, options: AlertOptions,
): Promise<{ sent?: MentionBatch; failure?: AlertFailure } | null> {
  const since = new Date(options.now.getTime() - match.withinHours * HOUR).toISOString();
  const candidates = await matchingMentions(store, brands, match, since, options.now.toISOString());
  const hash = targetHash(target);
  const seen = await store.mentionAlertsSent(hash, candidates.map((m) => ({ source: m.source, id: m.id })));
  const fresh = candidates.filter((m) => !seen.has(`${m.source}:${m.id}`))
    // byte order, not localeCompare: the order must not depend on the machine's locale
    .sort((a, b) => b.engagement - a.engagement || compareKeys(b.createdAt, a.createdAt) || compareKeys(a.id, b.id));
  if (fresh.length === 0) return null;
  const shown = fresh.slice(0, match.maxPerRun);
  const leftOut = fresh.length - shown.length;
  const exportHint = mentionsExportCommand(brands, since, options.now.toISOString(), match.only);
  const batch: MentionBatch = { target: name, url: targetAddress(target), mentions: shown, leftOut };
  if (target.type === 'email') {
    const messageId = stableMessageId(target.from, ['mentions', hash, ...shown.map((m) => `${m.source}:${m.id}`)]);
    batch.mail = { ...renderMentionsMail(shown, leftOut, exportHint), messageId, date: options.now };
  } else if (target.type === 'slack') {
    batch.request = { body: JSON.stringify(renderSlackMentions(shown, leftOut, exportHint)), headers: { 'content-type': 'application/json', 'user-agent': 'earshot' } };
  } else {
    batch.request = webhookRequest({ kind: 'mentions', at: options.now.toISOString(), mentions: shown, leftOut }, target.secret, options.now);
  }
  if (options.dryRun) return { sent: batch };
  try {
    if (target.type === 'email') await sendMail(target, smtpPassword(target, options.env ?? {}), batch.mail!, policy);
    else await deliver(target.url, batch.request!, policy);
  } catch (error) {
    return { failure: { target: name, brand: brands.join(', '), label: `${shown.length} mention(s)`, message: (error as Error).message } };
  }
  const sentAt = options.now.toISOString();
  await store.recordMentionAlerts(fresh.map((m, i) => ({ target: hash, targetName: name, source: m.source, id: m.id, posted: i < shown.length, sentAt })));
  return { sent: batch };
}

/** The brands' mentions in the time span that pass the rules, each once (a mention of two brands is one post). */
async function matchingMentions(store: Store, brands: string[], match: MentionMatch, since: string, until: string): Promise<MentionItem[]> {
  const test = match.query ? compileMentionQuery(match.query) : () => true;
  const found = new Map<string, MentionItem>();
  for (const brand of brands) {
    // an answered mention (labelled handled) is no news to the team that answered it
    for await (const row of store.exportMentions({ brand, since, until, ...onlyFilter(match.only), unhandled: true, limit: MAX_ROWS })) {
      const key = `${row.source}:${row.id}`;
      if (found.has(key) || !passes(row, match) || !test(row.text)) continue;
      found.set(key, toItem(row));
    }
  }
  return [...found.values()];
}

type OnlyKind = MentionMatch['only'][number];

/** One kind is filtered in the store (fewer rows read); several are checked per row in `passes`. */
function onlyFilter(only: readonly OnlyKind[]): Partial<ExportQuery> {
  if (only.length !== 1) return {};
  const kind = only[0]!;
  return kind === 'complaint' ? { complaint: true } : kind === 'safety' ? { safety: true } : { intent: kind };
}

function flagOf(row: ExportRow, kind: OnlyKind): boolean {
  const flags = { complaint: row.isComplaint, safety: row.isSafety, question: row.isQuestion, suggestion: isIdea(row) };
  return flags[kind] === true;
}

/** A suggestion alert is for ideas addressed to the brand, not customers' tips to each other (as `ideas` lists them). */
function isIdea(row: ExportRow): boolean {
  return row.isSuggestion === true && isSuggestionForBrand(row.text);
}

function passes(row: ExportRow, match: MentionMatch): boolean {
  if (match.sources.length > 0 && !match.sources.includes(row.source as MentionMatch['sources'][number])) return false;
  if (match.only.length > 0 && !match.only.some((kind) => flagOf(row, kind))) return false;
  return engagementOf(row) >= match.minEngagement;
}

/** As the store counts it: likes + replies + reposts + a positive score. */
function engagementOf(row: ExportRow): number {
  return (row.likes ?? 0) + (row.replies ?? 0) + (row.reposts ?? 0) + Math.max(row.score ?? 0, 0);
}

function toItem(row: ExportRow): MentionItem {
  return {
    brand: row.brand, source: row.source, id: row.id, createdAt: row.createdAt, author: row.author, text: row.text, url: row.url,
    engagement: engagementOf(row), complaint: row.isComplaint === true, safety: row.isSafety === true,
    question: row.isQuestion === true, suggestion: isIdea(row),
  };
}
