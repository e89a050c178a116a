import { escapeSlack, type SlackMessage } from './slack.js';
import { shellCommand } from './shell-quote.js';

/** One mention as a per-mention alert carries it (Slack, webhook JSON, e-mail). */
export interface MentionItem {
  brand: string;
  source: string;
  id: string;
  createdAt: string;
  author: string | null;
  text: string;
  url: string | null;
  engagement: number;
  complaint: boolean;
  safety: boolean;
  question: boolean;
  suggestion: boolean;
}

/** What the mention is, most urgent first: the tags a per-mention message shows. */
export function mentionTags(m: MentionItem): string[] {
  return (['safety', 'complaint', 'question', 'suggestion'] as const).filter((kind) => m[kind]);
}

/** The command that lists every mention of the run's span, left-out ones included (only the one kind a target takes, when it takes one). */
export function mentionsExportCommand(brands: readonly string[], since: string, until: string, only: readonly string[] = []): string {
  const kind = only.length !== 1 ? [] : only[0] === 'question' || only[0] === 'suggestion' ? ['--intent', only[0]] : [`--${only[0]}`];
  return shellCommand(['earshot', 'export', ...(brands.length === 1 ? ['--brand', brands[0]!] : []), ...kind, '--since', since, '--until', until]);
}

export function mentionsTitle(mentions: readonly MentionItem[]): string {
  const brands = [...new Set(mentions.map((m) => m.brand))];
  return `${mentions.length} new mention${mentions.length === 1 ? '' : 's'} of ${brands.join(', ')}`;
}

/** A Block Kit message: a header, one section per mention (quote, where, engagement, link), what the cap left out. */
export function renderSlackMentions(mentions: readonly MentionItem[], leftOut: number, exportHint: string): SlackMessage {
  const title = mentionsTitle(mentions);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: title.replace(/@(channel|here|everyone)\b/gi, '@\u200b$1').slice(0, 150), emoji: true } },
    ...mentions.map((m) => ({ type: 'section', text: { type: 'mrkdwn', text: mentionText(m) } })),
    ...(leftOut > 0 ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${leftOut} more matching mention(s) not shown (cap per run): \`${escapeSlack(exportHint)}\`` }] }] : []),
  ];
  return { text: escapeSlack(leftOut > 0 ? `${title} (${leftOut} more not shown)` : title), blocks };
}

function mentionText(m: MentionItem): string {
  const quote = m.text.replace(/\s+/g, ' ').trim();
  const clipped = quote.length > 280 ? `${quote.slice(0, 279)}…` : quote;
  const tags = mentionTags(m);
  const link = m.url && /^https?:\/\//i.test(m.url) ? ` · <${m.url.replace(/[|<>&\s]/g, (c) => encodeURIComponent(c))}|open>` : '';
  return `>${escapeSlack(clipped)}\n— ${escapeSlack(m.brand)} · ${escapeSlack(m.source)}${m.author ? ` · ${escapeSlack(m.author)}` : ''}, ${m.createdAt.slice(0, 16).replace('T', ' ')} · ${m.engagement} engagement${tags.length ? ` · ${tags.join(', ')}` : ''}${link}`;
}
