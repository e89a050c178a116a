import { DEFAULT_REPORT, type Report, type ReportIssue, type ReportSample } from '../domain/report.js';
import { shellCommand } from './shell-quote.js';
import { growthPhrase } from './sparkline.js';

/**
 * Slack mrkdwn treats `&`, `<` and `>` as control characters (`<!channel>`, `<url|text>`),
 * so every piece of untrusted text is escaped; plain `@channel`/`@here`/`@everyone` get a
 * zero-width space so no mention post can page a whole channel.
 */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/**
 * The command that exports the mentions behind an issue, shown in the alert. It names the
 * report's --at (and any non-default window, baseline or source), so it returns the same
 * mentions when someone runs it a day later, when "issue N" of a new report is another issue.
 */
export function exportCommandFor(report: Pick<Report, 'brand' | 'at' | 'window' | 'baseline' | 'source'>, rank: number): string {
  const args = ['earshot', 'export', '--brand', report.brand, '--issue', String(rank), '--at', report.at];
  if (report.window.hours !== DEFAULT_REPORT.windowHours) args.push('--window', `${report.window.hours}h`);
  if (report.baseline.hours !== DEFAULT_REPORT.baselineHours) args.push('--baseline', `${report.baseline.hours}h`);
  if (report.source) args.push('--source', report.source);
  // quoted for the shell: the brand name may come from an imported row
  return shellCommand(args);
}

/**
 * A Block Kit message for one issue: label, counts, growth, complaint and negative shares,
 * two samples, the CSV command. `opportunity` (a target watching a rival) says so in the
 * header, the notification text and a context line.
 */
export function renderSlackMessage(report: Report, issue: ReportIssue, kind: 'issue' | 'opportunity' = 'issue'): SlackMessage {
  const brand = escapeSlack(report.brand);
  const label = escapeSlack(issue.label);
  const what = issue.safety ? 'Safety issue' : 'Emerging issue';
  const title = (name: string, issueLabel: string) => (kind === 'opportunity'
    ? `Opportunity: rival ${name} has an emerging ${issue.safety ? 'safety ' : ''}issue: ${issueLabel}` : `${what} for ${name}: ${issueLabel}`);
  // the header is plain text; the notification text is mrkdwn, so it takes the escaped names
  const headline = title(report.brand, issue.label);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(neutraliseMentions(headline), 150), emoji: true } },
    ...(kind === 'opportunity'
      ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:dart: *Opportunity* — a competitor's customers are complaining; ${brand} is watched as a rival.` }] }]
      : []),
    ...(issue.safety
      ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: *Safety* — ${issue.safetyVoices} people report harm or a risk of harm (${percent(issue.safetyShare)} of the mentions).` }] }]
      : []),
    { type: 'section', text: { type: 'mrkdwn', text: summaryLine(report, issue) } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Terms:* ${issue.terms.map(escapeSlack).join(', ')}${issue.relatedTerms?.length ? ` (also: ${issue.relatedTerms.slice(0, 6).map(escapeSlack).join(', ')})` : ''}` } },
    ...issue.samples.slice(0, 2).map((sample) => ({ type: 'section', text: { type: 'mrkdwn', text: sampleText(sample) } })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Get the mentions as CSV: \`${escapeSlack(exportCommandFor(report, issue.rank))}\`` }] },
  ];
  return { text: `${title(brand, label)} (${issue.state ? `${issue.state}, ` : ''}${issue.mentions} mentions)`, blocks };
}

function summaryLine(report: Report, issue: ReportIssue): string {
  return [
    ...(issue.state ? [`*${issue.state[0]!.toUpperCase()}${issue.state.slice(1)}*`] : []),
    `*${issue.mentions}* mentions from *${issue.authors}* people in the last ${report.window.hours}h`,
    `*${growthPhrase(issue.growth, issue.baselineMentions)}*`,
    `*${percent(issue.complaintShare)}* complaints (usually ${percent(issue.baselineComplaintShare)})`,
    `*${percent(issue.negativeShare)}* negative (usually ${percent(issue.baselineNegativeShare)})`,
  ].join(' · ');
}

function sampleText(sample: ReportSample): string {
  const quote = clip(sample.text.replace(/\s+/g, ' ').trim(), 280);
  const who = sample.author ? `${escapeSlack(sample.author)} on ${escapeSlack(sample.source)}` : escapeSlack(sample.source);
  const link = safeLink(sample.url);
  return `>${escapeSlack(quote)}\n— ${who}, ${sample.created_at.slice(0, 16).replace('T', ' ')}${link ? ` · <${link}|open>` : ''}`;
}

/** Only http(s) links, with the characters that would end Slack's `<url|text>` encoded. */
function safeLink(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return url.replace(/[|<>&\s]/g, (c) => encodeURIComponent(c));
}

/** Header blocks are plain text (no `<!here>` parsing), but keep `@channel` inert anyway. */
function neutraliseMentions(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
