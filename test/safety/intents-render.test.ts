import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IdeasResult } from '../../src/core/ideas.js';
import type { InboxItem } from '../../src/core/inbox.js';
import { renderIdeasHtml, renderInboxHtml } from '../../src/report/intents-html.js';
import { renderIdeasMarkdown, renderInboxMarkdown } from '../../src/report/intents-text.js';
import type { Report } from '../../src/domain/report.js';
import { renderReportHtml } from '../../src/report/report-html.js';
import { renderReportMarkdown, renderReportTable } from '../../src/report/report-text.js';
import { makeTempDir } from '../support/cli.js';
import { CHROMIUM, hasChromium, layoutFile, visitFile } from '../reliability/chromium.js';

/** Issue 29: the ideas list and the inbox as pages to forward — inert, escaped, and fitting a phone. */
const LONG_WORD = `Pleeease${'e'.repeat(300)}`;
const LONG_URL = `https://example.com/${'very-long-path-segment/'.repeat(20)}?utm_source=${'x'.repeat(120)}`;
const HOSTILE = `<script>document.title='pwned'</script><img src="https://evil.example/x.png" onerror="document.title='pwned'"> "q" &amp;`;

function ideas(long = false): IdeasResult {
  const text = (t: string) => (long ? `${t} ${LONG_WORD} ${LONG_URL} ${'🫖'.repeat(60)}` : t);
  return {
    brand: long ? `Kettleby${'Kettles'.repeat(20)}` : 'Kettleby', since: '2026-11-01T09:31:00.000Z', until: '2026-12-01T09:31:00.000Z', suggestions: 5,
    ideas: [
      { rank: 1, label: long ? LONG_WORD : 'timer', terms: long ? [LONG_WORD, LONG_URL] : ['timer', 'boil'], voices: 3, mentions: 3, earlier: 1, later: 2, trend: 'rising', samples: [
        { ref: 'x:i3', createdAt: '2026-11-27T05:31:00.000Z', author: long ? `@${'someone'.repeat(12)}` : 'amy', text: text(`please add a timer ${HOSTILE}`), url: long ? LONG_URL : 'https://x.com/amy/status/3', engagement: 4 },
        { ref: 'reddit:i2', createdAt: '2026-11-28T05:31:00.000Z', author: null, text: text('kettleby really needs a kettle timer'), url: 'javascript:alert(1)', engagement: 0 },
      ] },
      { rank: 2, label: 'refills', terms: ['refills'], voices: 1, mentions: 2, earlier: 1, later: 0, trend: 'steady', samples: [
        { ref: 'reddit:i4', createdAt: '2026-11-26T05:31:00.000Z', author: 'bo', text: text('sell filter refills in packs of six'), url: null, engagement: 1 },
      ] },
    ],
  };
}

function inbox(long = false): InboxItem[] {
  const text = (t: string) => (long ? `${t} ${LONG_WORD} ${LONG_URL}` : t);
  const item = (id: string, reason: InboxItem['reason'], createdAt: string, t: string, url: string | null): InboxItem => ({
    id, source: 'x', brand: 'Kettleby', createdAt, author: long ? `@${'someone'.repeat(12)}` : 'cy', text: text(t), url,
    safety: reason === 'safety', complaint: reason === 'complaint', question: reason === 'question', engagement: 2, reason, ref: `x:${id}`,
  });
  return [
    item('s1', 'safety', '2026-12-01T08:00:00.000Z', 'the kettle sparked and burnt my hand', 'https://x.com/cy/status/1'),
    item('q1', 'question', '2026-12-01T07:00:00.000Z', `how do i descale it? ${HOSTILE}`, 'javascript:alert(1)'),
    item('q2', 'question', '2026-11-30T07:00:00.000Z', 'does it work on 110v?', long ? LONG_URL : null),
  ];
}

describe('ideas and inbox pages', () => {
  it('escape post text, link only http(s) and show each idea with its voices, trend and samples', () => {
    const html = renderIdeasHtml(ideas());
    expect(html).toContain('<title>Ideas for Kettleby</title>');
    expect(html).toContain('default-src \'none\'');
    expect(html).not.toMatch(/<script|<img|\son[a-z]+="|javascript:/i);
    expect(html).toContain('&#60;script&#62;');
    expect(html).toMatch(/#1<\/span> timer <span class="badge rising">rising<\/span>/);
    expect(html).toContain('3 voices · 3 mentions · 1 → 2 voices');
    expect(html).toContain('<a href="https://x.com/amy/status/3" rel="noopener noreferrer nofollow" target="_blank">open on X</a>');
    expect(html).toContain('<span class="source">Reddit</span>');
    expect(html).toContain('<code>x:i3</code>');
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(renderIdeasHtml(ideas())).toBe(html); // deterministic
    expect(renderIdeasHtml({ ...ideas(), ideas: [], suggestions: 0 })).toContain('No suggestions in this period.');

    const page = renderInboxHtml(inbox(), { brand: 'Kettleby', since: '2026-11-24T09:31:00.000Z' });
    expect(page).not.toMatch(/<script|<img|\son[a-z]+="|javascript:/i);
    expect(page.indexOf('1 Dec')).toBeLessThan(page.indexOf('30 Nov'));
    expect(page).toMatch(/<span class="badge safety">safety<\/span> <q>the kettle sparked/);
    expect(page).toContain('<code>x:q1</code>');
    expect(renderInboxHtml([], { since: '2026-11-24T09:31:00.000Z' })).toContain('The inbox is empty');
  });
});

/** A quiet report (no issues) with the month's ideas (`report --ideas`). */
function reportWithIdeas(long = false): Report {
  const { brand: _, ...section } = ideas(long);
  return {
    brand: 'Kettleby', generatedAt: '2026-12-01T09:31:00.000Z', at: '2026-12-01T09:31:00.000Z',
    window: { from: '2026-11-29T09:31:00.000Z', to: '2026-12-01T09:31:00.000Z', hours: 48 },
    baseline: { from: '2026-11-15T09:31:00.000Z', to: '2026-11-29T09:31:00.000Z', hours: 336 },
    totals: { windowMentions: 20, baselineMentions: 90, windowNegativeShare: 0.1, baselineNegativeShare: 0.1, windowComplaintShare: 0.1, baselineComplaintShare: 0.1 },
    warnings: [], daily: Array.from({ length: 16 }, (_d, i) => ({ day: `2026-11-${String(15 + i).padStart(2, '0')}`, mentions: 6, negative: 1, positive: 2, complaints: 1 })),
    issues: [], trends: [], ideas: section,
  };
}

describe('the report\'s ideas section (report --ideas)', () => {
  it('shows each idea in every format, escaped, and leaves a report without it as it was', () => {
    const with_ = reportWithIdeas();
    const { ideas: _, ...without } = with_;
    const html = renderReportHtml(with_);
    expect(html).toMatch(/<section id="ideas"><h2>Ideas from customers: 5 suggestions, 1 Nov to 1 Dec/);
    expect(html).toContain('<span class="rank">#1</span> timer <span class="badge rising">rising</span>');
    expect(html).not.toMatch(/<script|<img|\son[a-z]+="|javascript:/i);
    expect(renderReportHtml(without)).not.toMatch(/id="ideas"|\.card\{/);
    expect(renderReportMarkdown(with_)).toContain('- **timer, boil**: 3 voice(s), 3 mention(s), rising — “please add a timer &lt;script');
    expect(renderReportMarkdown(with_)).not.toContain('javascript:');
    expect(renderReportTable(with_, false)).toMatch(/Ideas from customers: 5 suggestions, 1 Nov to 1 Dec:\n.*\n.*idea.*voices/);
    expect(renderReportTable(without, false)).not.toContain('Ideas');
  });
});

describe('ideas and inbox in Markdown', () => {
  it('keep post text inert and link only http(s): a javascript: URL is never a link, a line break never a heading', () => {
    const r = ideas();
    r.ideas[1]!.samples[0]!.text = 'refills please\n# Not a heading\n[click](https://evil.example)';
    const md = renderIdeasMarkdown(r);
    expect(md).toMatch(/^# Ideas for Kettleby\n/);
    expect(md).toContain('## 1. timer, boil');
    expect(md).toContain(' · <https://x.com/amy/status/3> — `x:i3`');
    expect(md).not.toContain('javascript:');
    expect(md).not.toMatch(/^# Not/m);
    expect(md).toContain('\\[click\\]\\(https\\://evil.example\\)');
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/);
    const inboxMd = renderInboxMarkdown(inbox(), { brand: 'Kettleby', since: '2026-11-24T09:31:00.000Z' });
    expect(inboxMd.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## 1 Dec', '## 30 Nov']);
    expect(inboxMd).toContain('- **safety** the kettle sparked and burnt my hand — X · cy · 1 Dec, 08:00 · 2 engagement · <https://x.com/cy/status/1> · `x:s1`');
    expect(inboxMd).not.toContain('javascript:');
    expect(inboxMd).not.toMatch(/(^|[^\\])<(script|img)/);
  });
});

describe.skipIf(!hasChromium)('ideas and inbox pages in headless Chromium', () => {
  const tmp = makeTempDir('earshot-intents-layout-');
  afterAll(() => tmp.cleanup());
  const shots = process.env.EARSHOT_SCREENSHOTS;
  const pages = { ideas: () => renderIdeasHtml(ideas(true)), report: () => renderReportHtml(reportWithIdeas(true)), inbox: () => renderInboxHtml(inbox(true), { brand: 'Kettleby', since: '2026-11-24T09:31:00.000Z' }) };

  it.each(Object.keys(pages) as Array<keyof typeof pages>)('%s: long words and URLs wrap inside their cards, no sideways scrolling at 1280 and 390 px; nothing runs', async (name) => {
    const path = join(tmp.dir, `${name}.html`);
    writeFileSync(path, pages[name]());
    for (const layout of await layoutFile(path, [1280, 390])) {
      expect(layout.scrollWidth, `${layout.width} px`).toBeLessThanOrEqual(layout.width);
      expect(layout.spills, `${layout.width} px`).toEqual([]);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        writeFileSync(join(shots, `${name}-${layout.width}.png`), layout.screenshot);
      }
    }
    const visit = await visitFile(path);
    expect(visit.requests).toEqual([]);
    expect(visit.scripts).toBe(0);
    expect(visit.console).toEqual([]);
    expect(visit.activeElements).toBe(0);
    expect(visit.title).not.toBe('pwned');
  }, 60_000);
});

if (!hasChromium) console.warn(`[intents-render] ${CHROMIUM} not found: the ideas/inbox layout check in Chromium is SKIPPED (apt-get install -y chromium)`);
