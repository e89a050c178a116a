import type { Report } from '../domain/report.js';
import type { MailContent } from './email-types.js';
import { clip, headerText, issueFigures, issueHtml, issueText, mailPage, oneLine, S, warningsMailHtml, warningsMailText } from './email-parts.js';
import { escapeHtml, renderReportHtml } from './report-html.js';
import { noIssuesText, resolvedLine, TRENDS } from './report-text.js';
import { percent } from './sparkline.js';

export interface DigestMail extends MailContent {
  /** The full HTML report (the report renderer's page), attached for a browser. */
  attachments: Array<{ filename: string; content: string; contentType: string }>;
}

/**
 * A digest: the report over the last complete day or week as a mail. The body is the
 * report in short (totals, warnings, each issue with its samples and export command,
 * trends) in inline-styled HTML and in plain text; the full HTML report is attached.
 */
export function renderDigestMail(report: Report, period: 'day' | 'week', periodStart: string): DigestMail {
  const span = period === 'day' ? periodStart.slice(0, 10) : `week of ${periodStart.slice(0, 10)}`;
  const issues = report.issues.length;
  const title = `${report.brand} ${period === 'day' ? 'daily' : 'weekly'} digest, ${span}`;
  const headline = report.warnings.some((w) => w.kind === 'no-data') ? 'no data'
    : `${issues} emerging issue${issues === 1 ? '' : 's'}`;
  const t = report.totals;
  const meta = `${report.window.from.slice(0, 16).replace('T', ' ')} to ${report.window.to.slice(0, 16).replace('T', ' ')} UTC · ${t.windowMentions.toLocaleString('en-US')} mentions · ${percent(t.windowComplaintShare)} complaints (usually ${percent(t.baselineComplaintShare)}) · ${percent(t.windowNegativeShare)} negative (usually ${percent(t.baselineNegativeShare)})`;
  const file = `${report.brand.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'brand'}-${period}-${periodStart.slice(0, 10)}.html`;
  const html = mailPage(title, `<h1 style="${S.h1}">${escapeHtml(title)}</h1>
<p style="${S.meta}">${escapeHtml(meta)}</p>
${warningsMailHtml(report.warnings)}
${issues ? report.issues.map((i) => issueHtml(report, i, 2)).join('\n') : `<p>${escapeHtml(noIssuesText(report))}</p>`}
${report.resolved?.length ? `<p style="${S.small}">${escapeHtml(resolvedLine(report))}</p>` : ''}
${report.trends.length ? `<h2 style="${S.h2}">${escapeHtml(TRENDS)}</h2><ul>${report.trends.map((i) => `<li style="font-size:14px;">${escapeHtml(i.label)}: ${escapeHtml(issueFigures(report, i))}</li>`).join('')}</ul>` : ''}
<p style="${S.small}">The full report is attached (${escapeHtml(file)}).</p>`);
  const text = [
    title, meta, '', ...warningsMailText(report.warnings),
    ...(issues ? report.issues.flatMap((i) => issueText(report, i, 2)) : [noIssuesText(report), '']),
    ...(report.resolved?.length ? [oneLine(resolvedLine(report)), ''] : []),
    ...(report.trends.length ? [TRENDS, ...report.trends.map((i) => `  - ${oneLine(clip(i.label, 200))}: ${issueFigures(report, i)}`), ''] : []),
    `The full report is attached (${file}).`, '-- ', 'Sent by earshot.',
  ].join('\n');
  return {
    subject: headerText(`[earshot] ${title}: ${headline}`), html, text,
    attachments: [{ filename: file, content: renderReportHtml(report), contentType: 'text/html; charset=utf-8' }],
  };
}
