import type { Report, ReportIssue } from '../domain/report.js';
import type { DataWarning } from '../domain/warnings.js';
import { renderFitted, type FitColumn } from './fit-table.js';
import { clipText, shortTime } from './table.js';
import { count, growthPhrase, growthText, percent, sparkline } from './sparkline.js';

export const NO_ISSUES = 'No emerging issues: no complaint or negative talk is rising above its baseline.';
export const TRENDS = 'Rising trends (not complaints or negative)';
/** What a report with no data says instead of NO_ISSUES: it could not look, which is not an all-clear. */
export const NO_DATA = 'No data: no analysed mentions in the window, so this report cannot tell whether anything is wrong.';
export const INCOMPLETE = 'Data incomplete';

/** The sentence under the issue heading when there are no issues: no data is not "no issues". */
export function noIssuesText(report: Pick<Report, 'totals'>): string {
  return report.totals.windowMentions === 0 ? NO_DATA : NO_ISSUES;
}

/** The warnings as "⚠ Data incomplete:" and one bullet each, or nothing. */
export function warningLines(warnings: readonly DataWarning[], bullet = '  • '): string[] {
  return warnings.length ? [`⚠ ${INCOMPLETE}:`, ...warnings.map((w) => `${bullet}${w.message}`), ''] : [];
}

/** The terminal report: a ranked table, then evidence per issue; tables fit `width` columns (null: no limit). */
export function renderReportTable(report: Report, color: boolean, width: number | null = null): string {
  const lines = [headline(report), '', ...warningLines(report.warnings)];
  if (report.issues.length === 0) {
    lines.push(noIssuesText(report));
  } else {
    lines.push(issueTable(report.issues, color, width), '');
    for (const issue of report.issues) lines.push(...evidence(issue), '');
  }
  if (report.resolved?.length) lines.push(resolvedLine(report), '');
  if (report.trends.length) {
    lines.push(`${TRENDS}:`, issueTable(report.trends, color, width));
  }
  return lines.join('\n').trimEnd();
}

function headline(report: Report): string {
  const t = report.totals;
  return `${report.brand} — ${report.window.hours}h to ${shortTime(report.at)} UTC vs the ${Math.round(report.baseline.hours / 24)} days before: `
    + `${t.windowMentions.toLocaleString('en-US')} mentions (${percent(t.windowComplaintShare)} complaints, ${percent(t.windowNegativeShare)} negative; `
    + `baseline ${percent(t.baselineComplaintShare)} and ${percent(t.baselineNegativeShare)})${unscoredNote(t)}`;
}

/** How many of the window's mentions the shares leave out, by what could not be scored. */
export function unscoredNote(t: Report['totals']): string {
  const parts = [t.windowUnscored ? `${t.windowUnscored.toLocaleString('en-US')} in languages with no model (unscored)` : '',
    t.windowSentimentOnly ? `${t.windowSentimentOnly.toLocaleString('en-US')} with sentiment only (no complaint score)` : ''].filter(Boolean);
  return parts.length > 0 ? `; of them ${parts.join(', ')}` : '';
}

/** The issue table's columns; in a narrow terminal the key terms go first, then first seen, authors, the sparkline, negative. */
const ISSUE_COLUMNS: FitColumn[] = [
  { head: '#' }, { head: 'issue', shrink: true, min: 16 }, { head: 'key terms', shrink: true, min: 16, drop: 1 },
  { head: 'mentions' }, { head: 'authors', drop: 3 }, { head: '× voices' }, { head: 'complaints' }, { head: 'negative', drop: 5 },
  { head: 'last 14 days', drop: 4 }, { head: 'first seen', drop: 2 },
];

function issueTable(issues: ReportIssue[], color: boolean, width: number | null): string {
  // the state column appears once a writing run (run, alert) has recorded states
  const states = issues.some((i) => i.state);
  const columns = states ? [ISSUE_COLUMNS[0]!, { head: 'state', drop: 6 }, ...ISSUE_COLUMNS.slice(1)] : ISSUE_COLUMNS;
  return renderFitted(
    columns,
    issues.map((i) => [String(i.rank), ...(states ? [i.state ?? ''] : []), clipText(`${i.safety ? '⚠ SAFETY · ' : ''}${i.label}`, 40), clipText(i.terms.slice(0, 6).join(', '), 40),
      count(i.mentions), count(i.authors), growthText(i.growth, i.baselineVoices), percent(i.complaintShare), percent(i.negativeShare), sparkline(i.series), shortTime(i.firstSeen)]),
    width,
    color,
  );
}

/** "Resolved since the last run: plastic|teabag (seen 2026-11-18 09:00 to 2026-11-20 09:00, up to 40 voices)". */
export function resolvedLine(report: Report): string {
  return `Resolved (no longer found): ${(report.resolved ?? []).map((r) => `${r.issueKey} (seen ${shortTime(r.firstSeen)} to ${shortTime(r.lastSeen)}, up to ${r.peakVoices} voices)`).join('; ')}`;
}

function evidence(issue: ReportIssue): string[] {
  return [
    `#${issue.rank} ${issue.safety ? 'SAFETY: ' : ''}${clipText(issue.label, 60)} (score ${issue.score}; ${shares(issue)})`,
    ...issue.samples.map((s) => `  • ${clipText(s.text, 140)}${s.url ? `\n    ${clipText(s.url, 200)}` : ''}`),
  ];
}

/** "62% complaints, usually 5%; 14% negative, usually 9%". */
export function shares(issue: ReportIssue): string {
  return `${issue.safety ? `harm reported by ${issue.safetyVoices} people (${percent(issue.safetyShare)} of mentions); ` : ''}`
    + `${percent(issue.complaintShare)} complaints, usually ${percent(issue.baselineComplaintShare)}; `
    + `${percent(issue.negativeShare)} negative, usually ${percent(issue.baselineNegativeShare)}`;
}

/** Markdown for a ticket or a chat; mention text is escaped so it cannot format or link. */
export function renderReportMarkdown(report: Report): string {
  const lines = [`## ${escapeMd(report.brand)}: emerging issues`, '', `_${escapeMd(headline(report))}_`, ''];
  if (report.warnings.length) lines.push(`> **⚠ ${INCOMPLETE}:**`, ...report.warnings.map((w) => `> - ${escapeMd(w.message)}`), '');
  if (report.issues.length === 0) lines.push(noIssuesText(report), '');
  else {
    const states = report.issues.some((i) => i.state);
    lines.push(`| # |${states ? ' state |' : ''} issue | mentions | authors | × voices | complaints | negative | last 14 days |`, `|---|${states ? '---|' : ''}---|---|---|---|---|---|---|`);
    for (const i of report.issues) {
      lines.push(`| ${i.rank} |${states ? ` ${i.state ?? ''} |` : ''} ${i.safety ? '⚠ **safety** · ' : ''}${escapeMd(i.label)} | ${count(i.mentions)} | ${count(i.authors)} | ${growthText(i.growth, i.baselineVoices)} | ${percent(i.complaintShare)} | ${percent(i.negativeShare)} | ${sparkline(i.series)} |`);
    }
    lines.push('');
    for (const i of report.issues) {
      lines.push(`### ${i.rank}. ${i.safety ? '⚠ Safety: ' : ''}${escapeMd(i.label)}`, '', `_${escapeMd(shares(i))}_`, '', `Key terms: ${escapeMd(i.terms.slice(0, 8).join(', '))}${i.relatedTerms?.length ? ` (also: ${escapeMd(i.relatedTerms.slice(0, 6).join(', '))})` : ''}`, '');
      for (const s of i.samples) lines.push(`> ${escapeMd(clipText(s.text, 280))}${s.url && /^https?:\/\//.test(s.url) ? ` — [link](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : ''}`, '');
    }
  }
  if (report.resolved?.length) lines.push(escapeMd(resolvedLine(report)), '');
  if (report.trends.length) {
    lines.push(`### ${TRENDS}`, '');
    for (const t of report.trends) {
      lines.push(`- ${escapeMd(t.label)}: ${count(t.mentions)} mentions, ${growthPhrase(t.growth, t.baselineVoices)}, ${percent(t.complaintShare)} complaints`);
    }
  }
  return lines.join('\n').trimEnd();
}

/** Backslash-escapes every character Markdown (and GitHub's HTML pass) could act on. */
export function escapeMd(text: string): string {
  return clipText(text, 10_000).replace(/[\\`*_{}[\]()#+\-.!|<>~&"':@]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
