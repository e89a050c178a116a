import type { Report, ReportIssue, ReportSample } from '../domain/report.js';
import type { DataWarning } from '../domain/warnings.js';
import { escapeHtml } from './report-html.js';
import { INCOMPLETE } from './report-text.js';
import { exportCommandFor } from './slack.js';
import { count, growthPhrase, percent } from './sparkline.js';

/**
 * Pieces every earshot e-mail shares. Mail clients drop <style> blocks and scripts and
 * fetch remote images only to track: styles are inline, there is no script and no image,
 * every post-derived string goes through escapeHtml and only http(s) links become hrefs.
 */

const FONT = 'font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;';
export const S = {
  body: `${FONT}margin:0;padding:16px;background:#f6f7f9;color:#1f2328;`,
  card: 'max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;padding:16px 20px;',
  h1: 'font-size:20px;margin:0 0 8px;',
  h2: 'font-size:16px;margin:20px 0 6px;',
  meta: 'font-size:13px;color:#57606a;margin:0 0 12px;',
  warn: 'background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;font-size:13px;margin:0 0 12px;',
  quote: 'margin:8px 0;padding:6px 10px;border-left:3px solid #d0d7de;font-size:14px;',
  small: 'font-size:12px;color:#57606a;',
  code: 'font-family:SFMono-Regular,Consolas,monospace;font-size:12px;background:#f6f8fa;padding:6px 8px;display:block;word-break:break-all;',
  link: 'color:#0969da;',
  footer: 'font-size:12px;color:#57606a;margin-top:16px;',
};

/** A header value on one line: no CR, LF or other control character can start a header of its own. */
export function headerText(text: string, max = 180): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The whole HTML document: one card, inline styles only. */
export function mailPage(title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="${S.body}"><div style="${S.card}">
${inner}
<p style="${S.footer}">Sent by earshot.</p>
</div></body></html>
`;
}

/** An http(s) link as an anchor, or nothing. */
export function linkHtml(url: string | null, text = 'open'): string {
  if (!url || !/^https?:\/\//i.test(url)) return '';
  return `<a href="${escapeHtml(url)}" style="${S.link}">${escapeHtml(text)}</a>`;
}

export function warningsMailHtml(warnings: readonly DataWarning[]): string {
  if (warnings.length === 0) return '';
  return `<div style="${S.warn}"><strong>⚠ ${INCOMPLETE}:</strong> ${warnings.map((w) => escapeHtml(w.message)).join(' · ')}</div>`;
}

export function warningsMailText(warnings: readonly DataWarning[]): string[] {
  return warnings.length === 0 ? [] : [`⚠ ${INCOMPLETE}:`, ...warnings.map((w) => `  - ${oneLine(w.message)}`), ''];
}

/** What a sample says about where it came from: platform, author, time. */
export function sampleByline(s: Pick<ReportSample, 'source' | 'author' | 'created_at'>): string {
  return `${s.source}${s.author ? ` · ${s.author}` : ''} · ${s.created_at.slice(0, 16).replace('T', ' ')} UTC`;
}

export function issueFigures(report: Pick<Report, 'window'>, issue: ReportIssue): string {
  return [
    ...(issue.state ? [issue.state] : []),
    ...(issue.safety ? [`harm reported by ${count(issue.safetyVoices)} people (${percent(issue.safetyShare)})`] : []),
    `${count(issue.mentions)} mentions from ${count(issue.authors)} people in ${report.window.hours}h`,
    growthPhrase(issue.growth, issue.baselineVoices),
    `${percent(issue.complaintShare)} complaints (usually ${percent(issue.baselineComplaintShare)})`,
    `${percent(issue.negativeShare)} negative (usually ${percent(issue.baselineNegativeShare)})`,
  ].join(' · ');
}

/** One issue as a block of the mail: label, figures, terms, samples with links, the export command. */
export function issueHtml(report: Report, issue: ReportIssue, samples = 3): string {
  return `<h2 style="${S.h2}">#${issue.rank} ${issue.safety ? '⚠ safety: ' : ''}${escapeHtml(issue.label)}</h2>
<p style="${S.meta}">${escapeHtml(issueFigures(report, issue))}</p>
<p style="${S.small}">Terms: ${escapeHtml(issue.terms.slice(0, 10).join(', '))}</p>
${issue.samples.slice(0, samples).map((s) => `<blockquote style="${S.quote}">${escapeHtml(clip(s.text, 400))}<br><span style="${S.small}">${escapeHtml(sampleByline(s))} ${linkHtml(s.url)}</span></blockquote>`).join('\n')}
<p style="${S.small}">Get the mentions as CSV:</p><code style="${S.code}">${escapeHtml(exportCommandFor(report, issue.rank))}</code>`;
}

export function issueText(report: Report, issue: ReportIssue, samples = 3): string[] {
  return [
    `#${issue.rank} ${issue.safety ? 'SAFETY: ' : ''}${oneLine(issue.label)}`,
    `  ${issueFigures(report, issue)}`,
    `  Terms: ${oneLine(issue.terms.slice(0, 10).join(', '))}`,
    ...issue.samples.slice(0, samples).flatMap((s) => [`  > ${oneLine(clip(s.text, 400))}`, `    ${oneLine(sampleByline(s))}${textLink(s.url)}`]),
    '  Get the mentions as CSV:',
    `  ${exportCommandFor(report, issue.rank)}`,
    '',
  ];
}

export function textLink(url: string | null): string {
  return url && /^https?:\/\//i.test(url) ? ` ${oneLine(url)}` : '';
}

/** Post text on one line: a line break in a post must not look like a line of the mail's own. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
