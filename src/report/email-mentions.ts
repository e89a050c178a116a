import type { MailContent } from './email-types.js';
import { clip, headerText, linkHtml, mailPage, oneLine, S, textLink } from './email-parts.js';
import { escapeHtml } from './report-html.js';
import { mentionsTitle, mentionTags, type MentionItem } from './slack-mentions.js';

/** The per-mention mail: every new matching mention of the run, and how many the cap left out. */
export function renderMentionsMail(mentions: readonly MentionItem[], leftOut: number, exportHint: string): MailContent {
  const title = mentionsTitle(mentions);
  const byline = (m: MentionItem) => `${m.brand} · ${m.source}${m.author ? ` · ${m.author}` : ''} · ${m.createdAt.slice(0, 16).replace('T', ' ')} UTC · ${m.engagement} engagement${mentionTags(m).map((t) => ` · ${t}`).join('')}`;
  const more = leftOut > 0 ? `${leftOut} more matching mention(s) not shown (cap per run). All of them:` : '';
  const html = mailPage(title, `<h1 style="${S.h1}">${escapeHtml(title)}</h1>
${mentions.map((m) => `<blockquote style="${S.quote}">${escapeHtml(clip(m.text, 600))}<br><span style="${S.small}">${escapeHtml(byline(m))} ${linkHtml(m.url)}</span></blockquote>`).join('\n')}
${more ? `<p style="${S.small}">${escapeHtml(more)}</p><code style="${S.code}">${escapeHtml(exportHint)}</code>` : ''}`);
  const text = [title, '', ...mentions.flatMap((m) => [`> ${oneLine(clip(m.text, 600))}`, `  ${oneLine(byline(m))}${textLink(m.url)}`, '']),
    ...(more ? [more, `  ${exportHint}`, ''] : []), '-- ', 'Sent by earshot.'].join('\n');
  return { subject: headerText(`[earshot] ${title}`), html, text };
}
