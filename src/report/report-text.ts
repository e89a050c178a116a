import type { Report, ReportIdeas, ReportIssue, ReportSample } from '../domain/report.js';
import type { DataWarning } from '../domain/warnings.js';
import { renderFitted, type FitColumn } from './fit-table.js';
import { clipText, shortTime } from './table.js';
import { count, growthPhrase, growthText, percent, sparkline } from './sparkline.js';
import { markdownTable } from './md-table.js';
import { readableDay, readableMinute, readableTime, spanText } from './when.js';

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
  if (report.ideas) {
    lines.push('', `${ideasTitle(report.ideas)}:`);
    lines.push(report.ideas.ideas.length === 0 ? NO_IDEAS : renderFitted(IDEA_COLUMNS,
      report.ideas.ideas.map((i) => [i.rank, clipText(i.terms.join(', '), 40), i.voices, i.mentions, i.trend, clipText(i.samples[0]?.text ?? '', 70)]),
      width, color));
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
/** The ideas section: in a narrow terminal the idea and the sample are cut, then mentions and the trend go. */
export const IDEA_COLUMNS: FitColumn[] = [
  { head: '#' }, { head: 'idea', shrink: true, min: 16 }, { head: 'voices' }, { head: 'mentions', drop: 1 }, { head: 'trend', drop: 2 },
  { head: 'sample', shrink: true, min: 20 },
];

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

/**
 * Markdown for a ticket, a chat or a plain-text e-mail: it renders on GitHub and reads as
 * plain text too (no HTML, no entities, tables padded so they line up in a terminal).
 * Post-derived text (brand, labels, terms, samples, warnings) goes through escapeMd, so it
 * cannot format, link or ping; the sentences earshot writes itself are left readable.
 */
export function renderReportMarkdown(report: Report): string {
  const t = report.totals;
  const lines = [`## ${escapeMd(report.brand)}: emerging issues`, '', `**${summaryLine(report, escapeMd)}**`, '',
    `Last ${spanText(report.window.hours)} to ${readableTime(report.at)}, against the ${Math.round(report.baseline.hours / 24)} days before: `
    + `${count(t.windowMentions)} mentions, ${percent(t.windowComplaintShare)} complaints (usually ${percent(t.baselineComplaintShare)}), `
    + `${percent(t.windowNegativeShare)} negative (usually ${percent(t.baselineNegativeShare)})${unscoredNote(t)}.`, ''];
  if (report.warnings.length) lines.push(`> **⚠ ${INCOMPLETE}:**`, ...report.warnings.map((w) => `> - ${escapeMd(w.message)}`), '');
  if (report.issues.length === 0) lines.push(noIssuesText(report), '');
  else {
    const states = report.issues.some((i) => i.state);
    lines.push(markdownTable(['#', ...(states ? ['state'] : []), 'issue', 'mentions', 'authors', '× voices', 'complaints', 'negative', 'last 14 days'],
      report.issues.map((i) => [String(i.rank), ...(states ? [i.state ?? ''] : []), `${i.safety ? '⚠ **safety** · ' : ''}${escapeMd(clipText(i.label, 60))}`,
        count(i.mentions), count(i.authors), growthText(i.growth, i.baselineVoices), percent(i.complaintShare), percent(i.negativeShare), sparkline(i.series)]),
      ['r', ...(states ? ['l' as const] : []), 'l', 'r', 'r', 'r', 'r', 'r', 'l']), '');
    for (const i of report.issues) {
      lines.push(`### ${i.rank}. ${i.safety ? '⚠ Safety: ' : ''}${escapeMd(i.label)}`, '', `${shares(i)}.`, '',
        `Key terms: ${escapeMd(i.terms.slice(0, 8).join(', '))}${i.relatedTerms?.length ? ` (also: ${escapeMd(i.relatedTerms.slice(0, 6).join(', '))})` : ''}`, '');
      for (const s of i.samples) lines.push(`> ${escapeMd(clipText(s.text, 280))}  `, `> — ${sampleByline(s, escapeMd)}`, '');
    }
  }
  if (report.resolved?.length) lines.push(escapeMd(resolvedLine(report)), '');
  if (report.trends.length) {
    lines.push(`### ${TRENDS}`, '');
    for (const t of report.trends) {
      lines.push(`- ${escapeMd(t.label)}: ${count(t.mentions)} mentions, ${growthPhrase(t.growth, t.baselineVoices)}, ${percent(t.complaintShare)} complaints`);
    }
    lines.push('');
  }
  if (report.ideas) {
    lines.push(`### ${ideasTitle(report.ideas)}`, '');
    if (report.ideas.ideas.length === 0) lines.push(NO_IDEAS);
    for (const i of report.ideas.ideas) {
      const sample = i.samples[0];
      lines.push(`- **${escapeMd(i.terms.join(', '))}**: ${count(i.voices)} voice(s), ${count(i.mentions)} mention(s), ${i.trend}`
        + (sample ? ` — “${escapeMd(clipText(sample.text.replace(/\s+/g, ' ').trim(), 200))}”${sample.url && /^https?:\/\//i.test(sample.url) ? ` <${sample.url.replace(/[<>\s"\\]/g, encodeURIComponent)}>` : ''}` : ''));
    }
    lines.push('');
  }
  lines.push(`Generated by earshot as of ${readableTime(report.at)}.`);
  return lines.join('\n').trimEnd();
}

/** "X · amy · 20 Nov, 10:00 · <https://x.com/…>": where a quoted post was said, by whom, and its link (http(s) only). */
export function sampleByline(s: ReportSample, escape: (text: string) => string): string {
  const url = s.url && /^https?:\/\//i.test(s.url) ? ` · <${s.url.replace(/[<>\s"\\]/g, encodeURIComponent)}>` : '';
  return `${escape(sourceName(s.source))}${s.author ? ` · ${escape(clipText(s.author, 60))}` : ''} · ${readableMinute(s.created_at)}${s.complaint ? ' · complaint' : ''}${url}`;
}

const SOURCE_NAMES: Record<string, string> = {
  x: 'X', reddit: 'Reddit', hackernews: 'Hacker News', bluesky: 'Bluesky', rss: 'RSS', news: 'Google News', appstore: 'App Store', mastodon: 'Mastodon',
};

/** A source as its users call it: `hackernews` → "Hacker News"; an unknown one as stored. */
export function sourceName(source: string): string {
  return SOURCE_NAMES[source] ?? source;
}

/**
 * The one line a reader gets before anything else: "1 new issue: tea bag · plastic, 50
 * voices in 48 h, 68% complaints", "No new issues in the last 48 h: …", or no data; and,
 * when the data is incomplete, that this is not the whole picture. `escape` is applied to
 * the post-derived parts (labels), for the format the line goes into.
 */
export function summaryLine(report: Report, escape: (text: string) => string = (text) => text): string {
  const span = spanText(report.window.hours);
  const t = report.totals;
  const incomplete = report.warnings.length > 0;
  if (t.windowMentions === 0) return `No data in the last ${span}: no analysed mentions, so this report cannot tell whether anything is wrong.`;
  const issues = report.issues;
  if (issues.length === 0) {
    const trends = report.trends.length ? `; rising: ${report.trends.slice(0, 2).map((x) => escape(x.label)).join(', ')}${report.trends.length > 2 ? ` and ${report.trends.length - 2} more` : ''} (not complaints)` : '';
    return `No new issues in the last ${span}: ${count(t.windowMentions)} mentions, ${percent(t.windowComplaintShare)} complaints (usually ${percent(t.baselineComplaintShare)})${trends}.`
      + (incomplete ? ` But the data is incomplete (see below), so this is not an all-clear.` : '');
  }
  const top = issues[0]!;
  const states = new Set(issues.map((i) => i.state ?? 'new'));
  const kind = states.size === 1 ? `${[...states][0]} ` : '';
  const safety = issues.filter((i) => i.safety).length;
  const what = `${issues.length} ${kind}${issues.length === 1 ? 'issue' : 'issues'}${safety ? ` (${safety === issues.length && safety === 1 ? 'safety' : `${safety} safety`})` : ''}`;
  const first = `${escape(top.label)}, ${count(top.voices)} ${top.voices === 1 ? 'voice' : 'voices'} in ${span}, ${percent(top.complaintShare)} complaints${top.safety ? `, harm reported by ${top.safetyVoices} people` : ''}`;
  return `${what}: ${issues.length > 1 ? `the largest ${first}; ${issues.length - 1} more below` : first}.`
    + (incomplete ? ` Data incomplete: there may be more (see below).` : '');
}

/**
 * Makes post-derived text inert in Markdown while keeping it readable as plain text: a
 * backslash before Markdown's own control characters, before a list or heading marker at
 * the start, an entity's `&`, a URL scheme's or `www.`'s autolink and an @mention. A `<`
 * that could open an HTML tag or comment becomes `&lt;` (older Markdown renderers ignore
 * a backslash before `<`); any other `<` is backslashed, so "<3" reads as itself.
 */
export const NO_IDEAS = 'No suggestions in this period.';

/** "Ideas from customers: 5 suggestions, 1 Nov to 1 Dec" (the report's ideas section). */
export function ideasTitle(ideas: ReportIdeas): string {
  return `Ideas from customers: ${count(ideas.suggestions)} suggestion${ideas.suggestions === 1 ? '' : 's'}, ${readableDay(ideas.since)} to ${readableDay(ideas.until)}`;
}

export function escapeMd(text: string): string {
  return clipText(text, 10_000)
    .replace(/[\\`*_[\]()>#|~]/g, (c) => `\\${c}`)
    .replace(/^([-+=]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`))
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/<(?=([a-z/!?])?)/gi, (_c, tag: string | undefined) => (tag ? '&lt;' : '\\<'))
    .replace(/\b([a-z][a-z0-9+.-]*):(?=\/\/)|\b(www)\.|@(?=\w)|:(?=\w+:)/gi, (m) => `${m.slice(0, -1)}\\${m.slice(-1)}`);
}
