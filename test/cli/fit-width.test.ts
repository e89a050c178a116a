import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableWidth } from '../../src/cli/context.js';
import { displayWidth, renderFitted } from '../../src/report/fit-table.js';
import { renderReportTable } from '../../src/report/report-text.js';
import { renderTable } from '../../src/report/table.js';
import { makeIssue, makeReport } from '../support/report-fixtures.js';
import { makeTempDir, runCli } from '../support/cli.js';

/** Issue 28 #4: tables fit the terminal (COLUMNS pins it here); --wide shows everything. */
const tmp = makeTempDir('earshot-fit-');
let server: Server;
const LONG = 'the lid of the caddy cracked after two weeks and the tea went stale, which is the third time this year';

/** Table lines wider than `width` terminal columns (the lines that would wrap). */
const tooWide = (text: string, width: number) => text.split('\n').filter((l) => /^[│┌├└]/.test(l) && displayWidth(l) > width);
const tableLines = (text: string) => text.split('\n').filter((l) => /^[│┌├└]/.test(l));

beforeAll(async () => {
  // a Hacker News that is down: the scan table carries a long failure note
  server = createServer((_req, res) => { res.writeHead(503); res.end(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({
    brands: [{ name: 'Kettleby Tea Company', queries: { hackernews: 'Kettleby' } }, { name: 'Brindle' }],
    sources: { hackernews: { apiBase: `http://127.0.0.1:${port}/some/long/path/to/the/api/` } },
  }));
  writeFileSync(join(tmp.dir, 'm.jsonl'), Array.from({ length: 6 }, (_, i) => JSON.stringify({
    id: `18592364571224514${i}`, source: i % 2 ? 'reddit' : 'x', created_at: `2026-11-20T1${i}:00:00Z`, author: `a_rather_long_author_name_${i}`,
    text: `Kettleby Tea Company ${LONG} ${i}`, url: `https://example.com/a/very/long/link/to/the/post/number/${i}`, brand: i < 4 ? 'Kettleby Tea Company' : 'Brindle',
  })).join('\n'));
  const imported = await runCli(['--db', 'f.db', 'import', 'm.jsonl'], { cwd: tmp.dir });
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  tmp.cleanup();
});

const run = (width: string | null, ...args: string[]) =>
  runCli(['--db', 'f.db', ...args], { cwd: tmp.dir, env: { ...(width ? { COLUMNS: width } : {}), EARSHOT_RETRY_DELAY_MS: '0', EARSHOT_HTTP_TIMEOUT_MS: '2000' } });

describe('tables at 80 and 120 columns', () => {
  for (const width of [80, 120]) {
    it(`inbox, review, labels and compare never run past ${width} columns either`, async () => {
      const period = ['--since', '2026-11-13T00:00:00Z', '--until', '2026-11-21T00:00:00Z'];
      const labelled = await run(null, 'label', 'x:185923645712245140', 'complaint');
      expect(labelled.code, labelled.stderr).toBe(0);
      for (const args of [['inbox', ...period, '--format', 'table'], ['review', '--format', 'table'], ['labels', '--format', 'table'], ['compare', '--brands', 'Kettleby Tea Company,Brindle', ...period, '--format', 'table']]) {
        const out = await run(String(width), ...args);
        expect(out.code, `${args[0]}: ${out.stderr}`).toBe(0);
        expect(tableLines(out.stdout).length, args[0]).toBeGreaterThan(0);
        expect(tooWide(out.stdout, width), args[0]).toEqual([]);
      }
      // --wide: every column in full, however narrow the terminal
      const wide = await run('80', 'inbox', ...period, '--wide', '--format', 'table');
      expect(wide.stdout).toContain('https://example.com/a/very/long/link/to/the/post/number/');
    });

    it(`search, status and scan (with a failure note) never run past ${width} columns`, async () => {
      const search = await run(String(width), 'search', 'caddy', '--format', 'table');
      expect(search.code, search.stderr).toBe(0);
      expect(tooWide(search.stdout, width)).toEqual([]);
      // what search is for stays: the id to label, brand, sentiment, complaint; long text is cut with …
      expect(search.stdout).toMatch(/│ id\s+│ (when\s+│ )?brand\s+│ sentiment\s+│ complaint\s+│/);
      expect(search.stdout).toContain('x:185923645712245144');
      expect(search.stdout).toContain('…');
      const status = await run(String(width), 'status', '--format', 'table');
      expect(tooWide(status.stdout, width)).toEqual([]);
      expect(status.stdout).toMatch(/│ brand\s+│ source\s+│ mentions\s+│/);
      const scan = await run(String(width), 'scan', '--no-analyze', '--source', 'hackernews');
      expect(scan.code).toBe(1);
      expect(tableLines(scan.stdout).length).toBeGreaterThan(0);
      expect(tooWide(scan.stdout, width)).toEqual([]);
      expect(scan.stdout).toMatch(/│ hackernews: GET [^│]*…\s*│/);
    });
  }

  it('--wide shows every column in full, and so does a pipe without COLUMNS', async () => {
    for (const args of [['search', 'caddy', '--wide'], ['search', 'caddy']]) {
      const wide = await run(args.length === 3 ? '80' : null, ...args, '--format', 'table');
      expect(wide.stdout).toMatch(/│ id\s+│ when\s+│ brand\s+│ sentiment\s+│ complaint\s+│ author\s+│ text\s+│ link\s+│/);
      expect(wide.stdout).toContain('https://example.com/a/very/long/link/to/the/post/number/4');
      expect(tooWide(wide.stdout, 150).length).toBeGreaterThan(0);
    }
    const status = await run('80', 'status', '--wide', '--format', 'table');
    expect(status.stdout).toMatch(/│ first mention\s+│ last mention\s+│ last scan\s+│ outcome\s+│ last success\s+│/);
  });
});

describe('the report table', () => {
  const issue = makeIssue({ label: 'caddy lid cracked and the tea went stale', terms: ['caddy', 'lid', 'cracked', 'stale', 'weeks', 'third time'] });
  const report = makeReport('Kettleby Tea Company', [issue, { ...issue, rank: 2, safety: true }]);

  it('fits 80 and 120 columns, keeping the issue, mentions, growth and complaints', () => {
    for (const width of [80, 120]) {
      const text = renderReportTable(report, false, width);
      expect(tooWide(text, width), String(width)).toEqual([]);
      expect(text).toMatch(/│ # │ issue\s+│ mentions │ (authors │ )?× voices │ complaints │/);
      expect(text).toContain('caddy lid cracked and the tea went stale');
    }
    expect(renderReportTable(report, false, 120)).toContain('last 14 days');
  });

  it('is the same bytes as before when there is room (a pipe, --wide, a wide terminal)', () => {
    const full = renderReportTable(report, false, null);
    expect(renderReportTable(report, false, 400)).toBe(full);
    expect(full).toContain('key terms');
    expect(full).toContain('first seen');
  });
});

describe('the fitting itself', () => {
  it('leaves a table that fits as it was, and cuts text with … by terminal width', () => {
    const rows = [['1', 'short']];
    expect(renderFitted([{ head: 'n' }, { head: 'text', shrink: true }], rows, 80)).toBe(renderTable(['n', 'text'], rows));
    const cut = renderFitted([{ head: 'n' }, { head: 'text', shrink: true, min: 10 }], [['1', '🫖🫖🫖 tea tea tea tea tea tea tea tea tea tea tea']], 30);
    expect(tooWide(cut, 30)).toEqual([]);
    expect(cut).toContain('…');
    expect(displayWidth('🫖a')).toBe(3);
    expect(displayWidth('▁▂█')).toBe(3);
  });

  it('takes the width from COLUMNS, else the terminal; a pipe and --wide have none', () => {
    expect(tableWidth({ COLUMNS: '80' }, { isTTY: true, columns: 200 })).toBe(80);
    expect(tableWidth({}, { isTTY: true, columns: 97 })).toBe(97);
    expect(tableWidth({}, { isTTY: false })).toBeNull();
    expect(tableWidth({ COLUMNS: '80' }, { isTTY: true, columns: 97 }, true)).toBeNull();
    expect(tableWidth({ COLUMNS: 'wide' }, { isTTY: false })).toBeNull();
  });
});
