import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/domain/compare.js';
import type { DailyPoint, Report } from '../../src/domain/report.js';
import { renderCompareHtml } from '../../src/report/compare-html.js';
import { bucketLabel, renderCompareMarkdown } from '../../src/report/compare-text.js';
import { niceTicks } from '../../src/report/daily-chart.js';
import { textWidth } from '../../src/report/md-table.js';
import { renderReportHtml } from '../../src/report/report-html.js';
import { escapeMd, renderReportMarkdown, summaryLine } from '../../src/report/report-text.js';
import { readableTime } from '../../src/report/when.js';
import { makeIssue, makeReport } from '../support/report-fixtures.js';

/** Issue 28 #3: a report worth forwarding — what it says first, its chart, its samples, its times, its Markdown. */
const WARNING = { kind: 'source-failed' as const, brand: 'Kettleby Tea', source: 'x', message: 'Kettleby Tea · x: the last scan failed' };

function days(from: string, n: number, mentions = (i: number) => 10 + i): DailyPoint[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({ day: new Date(start + i * 86_400_000).toISOString().slice(0, 10), mentions: mentions(i), negative: 2, positive: 3, complaints: 1 }));
}

function report(extra: Partial<Report> = {}): Report {
  const issue = makeIssue({ label: 'tea bag · plastic', voices: 50, complaintShare: 0.68 });
  return { ...makeReport('Kettleby Tea', [issue]), daily: days('2026-11-04', 17), ...extra };
}

describe('the one-line summary says what matters first', () => {
  it.each<[string, Partial<Report>, string]>([
    ['one issue', {}, '1 new issue: tea bag · plastic, 50 voices in 48 h, 68% complaints.'],
    ['two issues', { issues: [makeIssue({ label: 'tea bag · plastic', voices: 50, complaintShare: 0.68 }), makeIssue({ rank: 2, label: 'lid' })] },
      '2 new issues: the largest tea bag · plastic, 50 voices in 48 h, 68% complaints; 1 more below.'],
    ['a growing issue', { issues: [makeIssue({ label: 'lid', voices: 12, complaintShare: 0.5, state: 'growing' })] }, '1 growing issue: lid, 12 voices in 48 h, 50% complaints.'],
    ['a safety issue', { issues: [makeIssue({ label: 'kettle · burn', voices: 9, complaintShare: 0.2, safety: true, safetyVoices: 7 })] },
      '1 new issue (safety): kettle · burn, 9 voices in 48 h, 20% complaints, harm reported by 7 people.'],
    ['no issues', { issues: [] }, 'No new issues in the last 48 h: 100 mentions, 30% complaints (usually 5%).'],
    ['no issues, a rising trend', { issues: [], trends: [makeIssue({ label: 'oolong launch' })] },
      'No new issues in the last 48 h: 100 mentions, 30% complaints (usually 5%); rising: oolong launch (not complaints).'],
    ['no issues, data incomplete', { issues: [], warnings: [WARNING] },
      'No new issues in the last 48 h: 100 mentions, 30% complaints (usually 5%). But the data is incomplete (see below), so this is not an all-clear.'],
    ['an issue, data incomplete', { warnings: [WARNING] }, '1 new issue: tea bag · plastic, 50 voices in 48 h, 68% complaints. Data incomplete: there may be more (see below).'],
    ['no data', { issues: [], totals: { ...makeReport('K', []).totals, windowMentions: 0 } },
      'No data in the last 48 h: no analysed mentions, so this report cannot tell whether anything is wrong.'],
  ])('%s', (_name, extra, line) => {
    const r = report(extra);
    expect(summaryLine(r)).toBe(line);
    expect(renderReportHtml(r)).toContain(`<p id="summary" class="summary`);
    expect(renderReportMarkdown(r).split('\n')[2]).toBe(`**${line}**`);
  });

  it('is escaped in every format: a label cannot inject markup', () => {
    const r = report({ issues: [makeIssue({ label: '<img src=x onerror=alert(1)> · *bold* [a](http://e.example)' })] });
    expect(renderReportHtml(r)).toContain('1 new issue: &#60;img src=x onerror=alert(1)&#62; · *bold*');
    expect(renderReportHtml(r)).not.toContain('<img');
    expect(renderReportMarkdown(r).split('\n')[2]).toContain('&lt;img src=x onerror=alert\\(1\\)\\> · \\*bold\\* \\[a\\]\\(http\\://e.example\\)');
  });

  it('keeps the data-incomplete box prominent, right under the summary', () => {
    const html = renderReportHtml(report({ warnings: [WARNING] }));
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('id="warnings"'));
    expect(html.indexOf('id="warnings"')).toBeLessThan(html.indexOf('class="chart"'));
    expect(html).toMatch(/class="summary issues incomplete"/);
  });
});

describe('times are readable and come from the report, never the wall clock', () => {
  it('prints "20 Nov 2026, 12:00 UTC" from --at, and the same bytes whenever it is rendered', () => {
    expect(readableTime('2026-12-07T14:00:00.000Z')).toBe('7 Dec 2026, 14:00 UTC');
    const a = renderReportHtml(report({ generatedAt: '2026-12-07T20:17:20.754Z' }));
    const b = renderReportHtml(report({ generatedAt: '2027-01-01T00:00:00.000Z' }));
    expect(a).toBe(b);
    expect(a).toContain('<footer>Generated by earshot as of 20 Nov 2026, 12:00 UTC</footer>');
    expect(renderReportMarkdown(report())).toContain('Generated by earshot as of 20 Nov 2026, 12:00 UTC.');
    // no raw ISO time left in what a person reads
    expect(a.replace(/<[^>]*>/g, '')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d/);
  });
});

describe('the daily chart', () => {
  const html = renderReportHtml(report());
  it('has a y axis with round values from 0 past the largest day', () => {
    expect(niceTicks(228)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(26)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(html).toContain('<div class="y"><span>30</span><span>20</span><span>10</span><span>0</span></div>');
  });
  const labels = (page: string, kind: 'd' | 'm') => [...page.matchAll(new RegExp(`<span class="${kind}" style="left:[\\d.]+%">(\\w+)</span>`, 'g'))].map((m) => m[1]);
  it('labels every day up to three weeks, with the month under the first and where it changes', () => {
    expect(labels(html, 'd')).toEqual(['4', ...Array.from({ length: 16 }, (_, i) => String(5 + i))]);
    expect(labels(html, 'm')).toEqual(['Nov']);
    expect(html).toContain('<span class="d" style="left:2.94%">4</span>');
    expect(html).toContain('<span class="m" style="left:2.94%">Nov</span>');
    expect(labels(renderReportHtml(report({ daily: days('2026-11-20', 17) })), 'm')).toEqual(['Nov', 'Dec']);
    // a chart that starts on the 31st names only the month that follows, not two months on top of each other
    expect(labels(renderReportHtml(report({ daily: days('2026-10-31', 17) })), 'm')).toEqual(['Nov']);
    expect(labels(renderReportHtml(report({ daily: days('2026-10-30', 17) })), 'm')).toEqual(['Oct', 'Nov']);
  });
  it('labels weeks (Mondays) over three weeks, and months over four', () => {
    const long = renderReportHtml(report({ daily: days('2026-09-01', 91) }));
    expect(labels(long, 'd')).toEqual(['7', '14', '21', '28', '5', '12', '19', '26', '2', '9', '16', '23', '30']);
    expect(labels(long, 'm')).toEqual(['Sep', 'Oct', 'Nov']);
    const year = renderReportHtml(report({ daily: days('2026-01-01', 200) }));
    expect(labels(year, 'd')).toEqual(['1', '1', '1', '1', '1', '1', '1']);
    expect(labels(year, 'm')).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul']);
  });
  it('shades the window: from 18 Nov 12:00 through the last (partial) day, of 17 days from 4 Nov', () => {
    const left = (14.5 / 17) * 100;
    expect(html).toContain(`<div class="win" style="left:${Math.round(left * 100) / 100}%;width:${Math.round((100 - left) * 100) / 100}%"><span>last 48 h</span></div>`);
  });
  it('marks the partial first and last days (12 of 24 hours) as partial, not as a drop', () => {
    expect(html.match(/class="col partial"/g)).toHaveLength(2);
    expect(html).toContain('title="4 Nov (12 of 24 h): 10 mentions');
    expect(html).toContain('title="20 Nov (12 of 24 h): 26 mentions');
    expect(html.match(/<span class="hours">12 h<\/span>/g)).toHaveLength(2);
    // a report at midnight covers whole days
    const midnight = renderReportHtml(report({ at: '2026-11-20T00:00:00.000Z', baseline: { ...report().baseline, from: '2026-11-04T00:00:00.000Z' }, daily: days('2026-11-04', 16) }));
    expect(midnight).not.toContain('class="col partial"');
  });
  it('has a legend for every mark it draws', () => {
    expect(html).toMatch(/<p class="legend">.*negative.*neutral.*positive.*report window.*part of a day/);
  });
});

describe('issues and trends in colours that mean something', () => {
  const r = report({ trends: [makeIssue({ label: 'oolong launch', negativeShare: 0.02, complaintShare: 0 })] });
  const html = renderReportHtml(r);
  it('an issue card is issue red, a rising trend trend blue, on both pages the same palette', () => {
    expect(html).toMatch(/<article class="issue" data-rank="1">[\s\S]*plastic/);
    expect(html).toMatch(/<article class="trend" data-rank="1">[\s\S]*oolong launch/);
    expect(html).toContain('--issue:#c0392b');
    expect(html).toContain('--trend:#2f6db5');
    expect(html).toMatch(/\.trend\{[^}]*border-left-color:var\(--trend\)/);
    expect(html).toMatch(/\.trend \.spark polyline\{stroke:var\(--trend\)\}/);
    const compare = renderCompareHtml(comparison());
    for (const colour of ['--neg:#c0392b', '--neu:#b7b7b0', '--pos:#2e8b57', '--issue:#c0392b']) expect(compare).toContain(colour);
  });
  it('no brand on the compare page is painted in the red or green of sentiment, or the blue of trends', () => {
    const compare = renderCompareHtml({ ...comparison(), brands: Array.from({ length: 8 }, (_, i) => ({ ...comparison().brands[0]!, brand: `B${i}` })) });
    const brandColours = [...compare.matchAll(/class="swatch" style="background:(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(brandColours).toHaveLength(16);
    for (const c of brandColours) expect(['#c0392b', '#2e8b57', '#c23b3b', '#3a9a5b', '#2f6db5']).not.toContain(c);
  });
});

describe('each sample says where it was said and links there', () => {
  it('names the platform and links only http(s), escaped', () => {
    const r = report({ issues: [makeIssue({ samples: [
      { id: '1', source: 'hackernews', author: 'pg', text: 'plastic?', url: 'https://news.ycombinator.com/item?id=1', created_at: '2026-11-20T10:05:00.000Z', sentiment: 'negative', complaint: true },
      { id: '2', source: 'reddit', author: null, text: 'plastic!', url: 'javascript:alert(1)', created_at: '2026-11-19T08:00:00.000Z', sentiment: 'neutral', complaint: false },
      { id: '3', source: '<b>odd</b>', author: 'x', text: 'hm', url: null, created_at: '2026-11-19T08:00:00.000Z', sentiment: 'neutral', complaint: false },
    ] })] });
    const html = renderReportHtml(r);
    expect(html).toContain('<small><span class="source">Hacker News</span> · pg · 20 Nov, 10:05 · complaint · <a href="https://news.ycombinator.com/item?id=1" rel="noopener noreferrer nofollow" target="_blank">open on Hacker News</a></small>');
    expect(html).toContain('<small><span class="source">Reddit</span> · 19 Nov, 08:00</small>');
    expect(html).toContain('<span class="source">&#60;b&#62;odd&#60;/b&#62;</span>');
    expect(html).not.toContain('javascript:');
    const md = renderReportMarkdown(r);
    expect(md).toContain('> — Hacker News · pg · 20 Nov, 10:05 · complaint · <https://news.ycombinator.com/item?id=1>');
    expect(md).toContain('> — Reddit · 19 Nov, 08:00\n');
    expect(md).toContain('> — &lt;b\\>odd&lt;/b\\> · x · 19 Nov, 08:00');
  });
});

describe('Markdown reads as plain text', () => {
  const md = renderReportMarkdown(report({ warnings: [WARNING], trends: [makeIssue({ label: 'oolong' })] }));
  it('has no HTML; its only <…> are http(s) links, its only entity a tag-like <', () => {
    expect(md).toContain('Plastic in my &lt;b\\>tea&lt;/b\\> & bags?! &lt;https\\://evil.example\\|click\\>');
    expect(escapeMd('I <3 tea, 2 < 3')).toBe('I \\<3 tea, 2 \\< 3');
    expect(md.replace(/<https:\/\/[^\s<>]+>/g, '').replace(/^> /gm, '').replace(/&lt;/g, '')).not.toMatch(/(^|[^\\])[<>]|&[#\w]+;/);
  });
  it('pads its table so the pipes line up in a terminal', () => {
    const table = md.split('\n').filter((line) => line.startsWith('|'));
    expect(table.length).toBe(3);
    const pipes = (line: string) => [...line].map((c, i) => (c === '|' ? textWidth([...line].slice(0, i).join('')) : -1)).filter((i) => i >= 0);
    for (const line of table) expect(pipes(line), line).toEqual(pipes(table[0]!));
  });
  it('leaves ordinary punctuation alone and escapes only what would format, link or ping', () => {
    expect(escapeMd('Well. 10:30, it\'s "fine" - really!')).toBe('Well. 10:30, it\'s "fine" - really!');
    expect(escapeMd('- not a list')).toBe('\\- not a list');
    expect(escapeMd('1. not a list')).toBe('1\\. not a list');
    expect(escapeMd('# not a heading')).toBe('\\# not a heading');
    expect(escapeMd('see https://evil.example or www.evil.example, ask @someone :tada:')).toBe('see https\\://evil.example or www\\.evil.example, ask \\@someone \\:tada:');
    expect(escapeMd('&amp; &copy; & fine')).toBe('\\&amp; \\&copy; & fine');
    expect(md).toContain('Last 48 h to 20 Nov 2026, 12:00 UTC, against the 14 days before: 100 mentions, 30% complaints (usually 5%), 40% negative (usually 10%).');
  });
  it('the compare page\'s Markdown too: readable dates, partial buckets named, tables lined up', () => {
    const cmd = renderCompareMarkdown(comparison());
    expect(cmd).toContain('6 Nov 2026, 12:00 UTC to 20 Nov 2026, 12:00 UTC.');
    expect(cmd).toContain('| 6 Nov (12 h only)  |');
    expect(cmd).not.toMatch(/<|&\w+;/);
    const rows = cmd.split('\n').filter((l) => l.startsWith('|'));
    for (const block of [rows.slice(0, 4), rows.slice(4)]) for (const line of block) expect(textWidth(line)).toBe(textWidth(block[0]!));
  });
});

describe('compare buckets are named as a person would, and partial ones say so', () => {
  it.each([
    [{ from: '2026-11-06T12:00:00.000Z', to: '2026-11-07T00:00:00.000Z' }, 'day', '6 Nov (12 h only)'],
    [{ from: '2026-11-07T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' }, 'day', '7 Nov'],
    [{ from: '2026-11-07T00:00:00.000Z', to: '2026-11-07T23:59:59.999Z' }, 'day', '7 Nov'], // whole to the hour
    [{ from: '2026-11-09T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z' }, 'week', '9 Nov – 15 Nov'],
    [{ from: '2026-11-06T12:00:00.000Z', to: '2026-11-09T00:00:00.000Z' }, 'week', '6 Nov – 8 Nov (2.5 days only)'],
    [{ from: '2026-12-28T00:00:00.000Z', to: '2026-12-29T06:00:00.000Z' }, 'week', '28 Dec – 29 Dec (30 h only)'],
  ] as const)('%j per %s is "%s"', (bucket, kind, label) => {
    expect(bucketLabel(bucket, kind)).toBe(label);
  });
  it('the page marks partial buckets and has a 0–100 % scale and a summary', () => {
    const html = renderCompareHtml(comparison());
    expect(html.match(/<div class="row partial">/g)).toHaveLength(2);
    expect(html).toContain('<span style="left:50%">50%</span>');
    expect(html).toContain('<p id="summary" class="summary">Kettleby Tea has 70% of the mentions (Brindle Tea 30%); biggest move: Brindle Tea +3.1 pt against the period before.</p>');
    expect(html).toContain('<footer>Generated by earshot as of 20 Nov 2026, 12:00 UTC</footer>');
  });
});

function comparison(): Comparison {
  const counts = (brand: string, share: number) => ({ brand, mentions: Math.round(share * 1000), analysed: Math.round(share * 1000), voices: Math.round(share * 900),
    shareOfMentions: share, shareOfVoices: share, positiveShare: 0.3, negativeShare: 0.2, netSentiment: 0.1, complaintShare: 0.15, engagement: 10 });
  const brands = [['Kettleby Tea', 0.7], ['Brindle Tea', 0.3]] as const;
  const bucket = (from: string, to: string) => ({ from, to, brands: brands.map(([b, s]) => counts(b, s)) });
  return {
    set: 'tea market', generatedAt: '2026-12-07T20:00:00.000Z', warnings: [],
    period: { from: '2026-11-06T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
    previous: { from: '2026-10-23T12:00:00.000Z', to: '2026-11-06T12:00:00.000Z' },
    bucket: 'day',
    brands: brands.map(([b, s], i) => ({ ...counts(b, s), previous: counts(b, s), shareChange: i ? 0.031 : -0.031, topIssues: [] })),
    buckets: [bucket('2026-11-06T12:00:00.000Z', '2026-11-07T00:00:00.000Z'), bucket('2026-11-07T00:00:00.000Z', '2026-11-08T00:00:00.000Z'),
      bucket('2026-11-20T00:00:00.000Z', '2026-11-20T12:00:00.000Z')],
    biggestMove: { brand: 'Brindle Tea', shareChange: 0.031 },
  };
}
