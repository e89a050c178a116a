import type { Report, ReportIssue } from '../domain/report.js';
import type { MailContent } from './email-types.js';
import { escapeHtml } from './report-html.js';
import { headerText, issueHtml, issueText, mailPage, S, warningsMailHtml, warningsMailText } from './email-parts.js';

/**
 * The alert mail for one issue: the subject names brand and issue; the body carries the
 * figures, three samples with links and the export command, as HTML and as plain text.
 * `opportunity` (a target watching a rival) says so in the subject and the first line.
 */
export function renderIssueMail(report: Report, issue: ReportIssue, kind: 'issue' | 'opportunity'): MailContent {
  const what = issue.safety ? 'safety issue' : 'emerging issue';
  const title = kind === 'opportunity'
    ? `Opportunity: rival ${report.brand} has an ${what}: ${issue.label}`
    : `${report.brand}: ${what}: ${issue.label}`;
  const intro = kind === 'opportunity'
    ? `A competitor's customers are complaining; ${report.brand} is watched as a rival.`
    : `A new ${what} in ${report.brand}'s mentions (report at ${report.at.slice(0, 16).replace('T', ' ')} UTC).`;
  const html = mailPage(title, `<h1 style="${S.h1}">${escapeHtml(title)}</h1>
<p style="${S.meta}">${escapeHtml(intro)}</p>
${warningsMailHtml(report.warnings)}
${issueHtml(report, issue)}`);
  const text = [title, '', intro, '', ...warningsMailText(report.warnings), ...issueText(report, issue), '-- ', 'Sent by earshot.'].join('\n');
  return { subject: headerText(`[earshot] ${title}`), html, text };
}
