// The ideas list and the inbox as Markdown: post text made inert with the report's escapeMd,
// and only http(s) links, as autolinks (a `javascript:` URL never becomes a link).
import { escapeMd, sourceName } from './report-text.js';
import { count } from './sparkline.js';
import { clipText } from './table.js';
import { readableDay, readableMinute, readableTime } from './when.js';

interface Sample { ref: string; createdAt: string; author: string | null; text: string; url: string | null; engagement: number }
interface IdeasResult {
  brand: string | null; since: string; until: string; suggestions: number;
  ideas: Array<{ rank: number; terms: string[]; voices: number; mentions: number; earlier: number; later: number; trend: string; samples: Sample[] }>;
}
interface InboxItem extends Sample { source: string; brand: string; reason: string }

export function renderIdeasMarkdown(r: IdeasResult): string {
  const lines = [`# Ideas for ${escapeMd(r.brand ?? 'all brands')}`, '', `${r.suggestions} suggestion(s), ${r.since.slice(0, 10)} to ${r.until.slice(0, 10)}.`, ''];
  if (r.ideas.length === 0) return [...lines, 'No suggestions in this period.'].join('\n');
  for (const i of r.ideas) {
    lines.push(`## ${i.rank}. ${escapeMd(i.terms.join(', '))}`, '', `${i.voices} voice(s), ${i.mentions} mention(s), ${i.trend} (${i.earlier} → ${i.later} voices)`, '');
    for (const s of i.samples) lines.push(`- ${oneLine(clipText(s.text, 200))}${link(s.url)} — \`${s.ref.replace(/`/g, '')}\``);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

export function renderInboxMarkdown(items: readonly InboxItem[], page: { brand?: string; since: string; until?: string }): string {
  const range = `since ${readableTime(page.since)}${page.until ? `, before ${readableTime(page.until)}` : ''}`;
  const lines = [`# Inbox${page.brand ? ` for ${escapeMd(page.brand)}` : ''}`, '', `${count(items.length)} mention(s) that likely need a reply, ${range}.`, ''];
  if (items.length === 0) return [...lines, 'The inbox is empty: no questions, complaints or safety reports waiting.'].join('\n');
  let day = '';
  for (const i of items) {
    if (i.createdAt.slice(0, 10) !== day) {
      if (day) lines.push('');
      day = i.createdAt.slice(0, 10);
      lines.push(`## ${readableDay(day)}`, '');
    }
    lines.push(`- **${i.reason}** ${oneLine(clipText(i.text, 280))} — ${escapeMd(sourceName(i.source))}${i.author ? ` · ${escapeMd(clipText(i.author, 60))}` : ''}`
      + ` · ${readableMinute(i.createdAt)} · ${count(i.engagement)} engagement${link(i.url)} · \`${i.ref.replace(/`/g, '')}\``);
  }
  return lines.join('\n').trimEnd();
}

/** A post on one list line: its line breaks would end the item (or start a heading). */
function oneLine(text: string): string {
  return escapeMd(text.replace(/\s+/g, ' ').trim());
}

function link(url: string | null): string {
  return url && /^https?:\/\//i.test(url) ? ` · <${url.replace(/[<>\s"\\]/g, encodeURIComponent)}>` : '';
}
