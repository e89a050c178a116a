import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrandComparison, BrandCounts, Comparison } from '../../src/domain/compare.js';
import { renderCompareHtml } from '../../src/report/compare-html.js';
import { renderCompareCsv, renderCompareMarkdown, renderCompareTable } from '../../src/report/compare-text.js';
import { makeTempDir } from '../support/cli.js';
import { CHROMIUM, hasChromium, layoutFile, visitFile } from '../reliability/chromium.js';

/** Issue 16: the compare page is self-contained, escaped, and readable at 1280 and 390 px with every brand on it. */
const BRANDS: Array<[string, number]> = [
  ['Kettleby Tea', 0.46],
  ['Brindle <b>&amp; Co</b> "tea"', 0.3],
  [`Brand${'Name'.repeat(30)}`, 0.15],
  ['Twinings of London and the Home Counties', 0.08],
  ['Tiny', 0.01],
];
// the page's brand colours: none is the red, green or blue that mean negative, positive or a trend
const COLOURS = ['#1f9aa8', '#d9822b', '#7b52ab', '#8c6d1f', '#c2569b'];

function counts(brand: string, share: number, total: number): BrandCounts {
  const mentions = Math.round(share * total);
  return {
    brand, mentions, analysed: mentions, voices: Math.round(mentions * 0.9), shareOfMentions: share, shareOfVoices: share,
    positiveShare: 0.3, negativeShare: 0.2, netSentiment: 0.1, complaintShare: 0.15, engagement: mentions * 7,
  };
}

function comparison(): Comparison {
  const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(6 + i).padStart(2, '0')}`);
  const brands: BrandComparison[] = BRANDS.map(([name, share], i) => ({
    ...counts(name, share, 20_000), previous: counts(name, share, 18_000), shareChange: i === 1 ? 0.031 : -0.005,
    topIssues: i === 1 ? [{ label: `caddy · lid <script>alert(1)</script> · ${'hinge'.repeat(40)}`, mentions: 27, negativeShare: 0.15, complaintShare: 0.85 }] : [],
  }));
  return {
    set: 'tea <market>', generatedAt: '2026-11-20T12:00:00.000Z', warnings: [],
    period: { from: '2026-11-06T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' },
    previous: { from: '2026-10-23T12:00:00.000Z', to: '2026-11-06T12:00:00.000Z' },
    bucket: 'day', brands,
    buckets: days.map((day) => ({ from: `${day}T00:00:00.000Z`, to: `${day}T23:59:59.999Z`, brands: BRANDS.map(([name, share]) => counts(name, share, 1_400)) })),
    biggestMove: { brand: BRANDS[1]![0], shareChange: 0.031 },
  };
}

/** The distinct brand colours painted along row `y` between x0 and x1 of a screenshot. */
function coloursAlong(png: PNG, y: number, x0: number, x1: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (let x = Math.max(0, Math.floor(x0)); x < Math.min(png.width, Math.ceil(x1)); x++) {
    const at = (png.width * y + x) * 4;
    const hex = `#${[0, 1, 2].map((c) => png.data[at + c]!.toString(16).padStart(2, '0')).join('')}`;
    seen.set(hex, (seen.get(hex) ?? 0) + 1);
  }
  return seen;
}

interface Probe {
  names: Array<{ where: string; text: string; left: number; right: number; width: number; hit: boolean }>;
  bar: { top: number; bottom: number; left: number; right: number };
}

// In the page: every element that shows a brand's name, whether it lies inside the page and is
// what a click at its centre reaches (not hidden under something, not clipped to nothing).
const PROBE = `(() => {
  const names = [];
  for (const [where, selector] of [['legend', '.legend li'], ['sentiment', '.row.sentiment .label'], ['card', '.brand h3']]) {
    for (const el of document.querySelectorAll(selector)) {
      el.scrollIntoView({ block: 'center' });
      const box = el.getBoundingClientRect();
      const hitEl = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      names.push({ where, text: el.textContent, left: box.left, right: box.right, width: box.width, hit: !!hitEl && (el === hitEl || el.contains(hitEl)) });
    }
  }
  window.scrollTo(0, 0);
  const bar = document.querySelector('.bar').getBoundingClientRect();
  return { names, bar: { top: bar.top + window.scrollY, bottom: bar.bottom + window.scrollY, left: bar.left, right: bar.right } };
})()`;

describe('issue 27: compare figures read the same in every format', () => {
  // net sentiment read +4.6 in the table, +0.05 in HTML and 0.046 in JSON
  const c = comparison();
  c.brands[0] = { ...c.brands[0]!, netSentiment: 0.046, mentions: 20_000 };
  it.each([['table', renderCompareTable(c)], ['markdown', renderCompareMarkdown(c)], ['html', renderCompareHtml(c)]])('%s shows net sentiment in points and counts with separators', (_name, text) => {
    expect(text).toContain('+4.6 pt');
    expect(text).not.toContain('+0.05');
    expect(text).toContain('20,000');
  });
  it('JSON and CSV keep the 0–1 scale of the shares', () => {
    expect(JSON.parse(JSON.stringify(c)).brands[0].netSentiment).toBe(0.046);
    expect(renderCompareCsv(c)).toContain(',0.046,');
  });
  it('warnings show above the figures in table, markdown and HTML', () => {
    const warned = { ...c, warnings: [{ kind: 'budget' as const, brand: 'Tiny', source: 'x', message: 'Tiny · x: backlog not fully read' }] };
    for (const text of [renderCompareTable(warned), renderCompareMarkdown(warned), renderCompareHtml(warned)]) {
      expect(text).toContain('Data incomplete');
      expect(text).toContain('backlog not fully read');
    }
  });
});

describe('the compare page', () => {
  it('escapes every name and label and allows no script', () => {
    const html = renderCompareHtml(comparison());
    expect(html).toContain('Brindle &#60;b&#62;&#38;amp; Co&#60;/b&#62; &#34;tea&#34;');
    expect(html).toContain('tea &#60;market&#62;: share of voice');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/Content-Security-Policy/);
  });
});

describe.skipIf(!hasChromium)('the compare page in headless Chromium', () => {
  const tmp = makeTempDir('earshot-compare-layout-');
  afterAll(() => tmp.cleanup());
  const shots = process.env.EARSHOT_SCREENSHOTS;

  it('runs no script and fetches nothing', async () => {
    const path = join(tmp.dir, 'compare.html');
    writeFileSync(path, renderCompareHtml(comparison()));
    const visit = await visitFile(path);
    expect(visit.requests).toEqual([]);
    expect(visit.scripts).toBe(0);
    expect(visit.activeElements).toBe(0);
    expect(visit.console).toEqual([]);
  });

  it('fits 1280 and 390 px with no sideways scrolling; every brand\'s name is visible and its share painted in the chart', async () => {
    const path = join(tmp.dir, 'compare.html');
    writeFileSync(path, renderCompareHtml(comparison()));
    const layouts = await layoutFile(path, [1280, 390], PROBE);
    for (const layout of layouts) {
      const at = `${layout.width} px`;
      if (shots) {
        mkdirSync(shots, { recursive: true });
        writeFileSync(join(shots, `compare-${layout.width}.png`), layout.screenshot);
      }
      expect(layout.scrollWidth, at).toBeLessThanOrEqual(layout.width);
      expect(layout.spills, at).toEqual([]);
      const probe = layout.probe as Probe;
      for (const where of ['legend', 'sentiment', 'card']) {
        const shown = probe.names.filter((n) => n.where === where);
        expect(shown.map((n) => n.text), `${at} ${where}`).toEqual(BRANDS.map(([name]) => name));
        for (const name of shown) {
          expect(name.width, `${at} ${where} ${name.text}`).toBeGreaterThan(0);
          expect(name.left, `${at} ${where} ${name.text}`).toBeGreaterThanOrEqual(0);
          expect(name.right, `${at} ${where} ${name.text}`).toBeLessThanOrEqual(layout.width + 0.5);
          expect(name.hit, `${at} ${where} ${name.text} is covered`).toBe(true);
        }
      }
      // the screenshot: the first row painted mostly in the first brand's colour is the
      // whole-period bar; along its middle every brand's colour is painted, in the brands'
      // order, about as wide as its share — the 1 % brand too
      const png = PNG.sync.read(layout.screenshot);
      const rows = Array.from({ length: png.height }, (_, y) => y).filter((y) => (coloursAlong(png, y, 0, png.width).get(COLOURS[0]!) ?? 0) > png.width * 0.2);
      expect(rows.length, `${at}: the stacked bars are painted`).toBeGreaterThan(0);
      let last = rows[0]!;
      while (rows.includes(last + 1)) last++;
      const y = Math.round((rows[0]! + last) / 2);
      const painted = coloursAlong(png, y, 0, png.width);
      const barWidth = COLOURS.reduce((n, c) => n + (painted.get(c) ?? 0), 0);
      expect(barWidth, at).toBeGreaterThan(probe.bar.right - probe.bar.left - 6);
      for (const [i, [name, share]] of BRANDS.entries()) {
        expect(painted.get(COLOURS[i]!) ?? 0, `${at}: ${name}'s segment`).toBeGreaterThanOrEqual(Math.max(1, Math.floor(share * barWidth) - 2));
      }
      expect([...painted.keys()].filter((c) => COLOURS.includes(c)), at).toEqual(COLOURS);
    }
  }, 60_000);
});
if (!hasChromium) console.warn(`[compare-render] ${CHROMIUM} not found: the compare page's layout check in Chromium is SKIPPED (apt-get install -y chromium)`);
