import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFormat } from '../../src/cli/options.js';
import { renderReportJson } from '../../src/report/report-json.js';
import { makeIssue, makeReport } from '../support/report-fixtures.js';
import { makeTempDir, runCli } from '../support/cli.js';

/** Issue 28 #6: from a search hit to a label and back, through the built binary. */
const tmp = makeTempDir('earshot-search-label-');
const TEXTS = [
  'Acme tea bags leak plastic, really disappointed', 'love the Acme lemon tea', 'Acme or Rival kettle, which one lasts?',
  'Acme delivery took three weeks and the box was crushed', 'is the Acme peppermint tea caffeine free?', 'Acme tea arrived today',
  'worst Acme customer service ever, nobody answers', 'the Acme tea is ok I guess', 'you should sell bigger Acme boxes',
  'not sure if I like Acme tea or hate it honestly', 'Acme chai with oat milk this morning', 'my Acme kettle lid cracked again',
];
const run = (...args: string[]) => runCli(['--db', 'l.db', ...args], { cwd: tmp.dir, env: { COLUMNS: '250' } });
type Hit = { id: string; source: string; brand: string; brands: string[]; sentiment: string | null; complaint: boolean | null };
const search = async (...args: string[]) => JSON.parse((await run('search', ...args, '--format', 'json')).stdout) as Hit[];

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Acme' }, { name: 'Rival' }] }));
  writeFileSync(join(tmp.dir, 'm.jsonl'), TEXTS.map((text, i) =>
    JSON.stringify({ id: String(i + 1), source: 'x', created_at: `2026-11-20T${String(i + 8).padStart(2, '0')}:00:00Z`, text, brand: 'Acme' })).join('\n'));
  const imported = await run('import', 'm.jsonl');
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('search', () => {
  it('shows id, brand, sentiment and complaint, and a post linked to two brands once', async () => {
    const table = await run('search', 'kettle', '--format', 'table');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/│ id\s+│ when\s+│ brand\s+│ sentiment\s+│ complaint\s+│/);
    expect(table.stdout).toMatch(/│ x:3\s+│ 2026-11-20 10:00 │ Acme, Rival\s+│ (negative|neutral|positive)\s+│ (yes|no)\s+│/);
    expect(table.stdout.match(/x:3 /g)).toHaveLength(1);
    const hits = await search('kettle');
    expect(hits.map((h) => [h.id, h.brands])).toEqual([['12', ['Acme']], ['3', ['Acme', 'Rival']]]);
    expect(hits[1]).toMatchObject({ source: 'x', brand: 'Acme', sentiment: expect.stringMatching(/^(negative|neutral|positive)$/), complaint: expect.any(Boolean) });
  });
});

describe('labels', () => {
  it('are listed by brand and kind, and one is cleared, bringing the model\'s value back', async () => {
    const [before] = await search('lid');
    expect((await run('labels', '--format', 'table')).stdout).toMatch(/^No labels yet/);
    const flipped = before!.complaint ? 'not-complaint' : 'complaint';
    expect((await run('label', '12', flipped)).code).toBe(0);
    expect((await run('label', '12', 'positive')).code).toBe(0);
    expect((await search('lid'))[0]).toMatchObject({ complaint: !before!.complaint, sentiment: 'positive' });

    const listed = await run('labels', '--brand', 'acme', '--format', 'table');
    expect(listed.stdout).toMatch(/│ x:12\s+│ Acme\s+│ complaint\s+│ (not-)?complaint\s+│ my Acme kettle lid cracked again/);
    expect(listed.stdout).toMatch(/│ x:12\s+│ Acme\s+│ sentiment\s+│ positive/);
    const json = JSON.parse((await run('labels', '--kind', 'complaint', '--format', 'json')).stdout);
    expect(json).toEqual([{ id: '12', source: 'x', brand: 'Acme', kind: 'complaint', label: flipped, labeledAt: expect.any(String), text: 'my Acme kettle lid cracked again' }]);
    expect(JSON.parse((await run('labels', '--brand', 'Rival', '--format', 'json')).stdout)).toEqual([]);

    const cleared = await run('label', '12', '--clear', 'complaint');
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stderr).toContain('cleared the complaint label of x:12');
    expect((await search('lid'))[0]).toMatchObject({ complaint: before!.complaint, sentiment: 'positive' });
    expect(JSON.parse((await run('labels', '--format', 'json')).stdout).map((l: { kind: string }) => l.kind)).toEqual(['sentiment']);

    const again = await run('label', '12', '--clear', 'complaint');
    expect(again).toMatchObject({ code: 1, stderr: 'earshot: 12 has no complaint label to clear — list labels with: earshot labels\n' });
    expect((await run('label', '12', '--clear', 'mood')).code).toBe(2);
    expect((await run('label', '12', '--clear')).code).toBe(0);
    expect(JSON.parse((await run('labels', '--format', 'json')).stdout)).toEqual([]);
  });
});

describe('review', () => {
  it('says what the models doubt, in figures that differ from row to row', async () => {
    const r = await run('review', '--limit', '8', '--format', 'json');
    const items = JSON.parse(r.stdout) as Array<{ doubt: string; doubtAbout: string; margin: number; uncertainty: number }>;
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.doubt).toMatch(/^(\w+ vs \w+, \d\.\d{3} apart|complaint \d\.\d{3} vs threshold \d\.\d{3})$/);
    expect(new Set(items.map((i) => i.doubt)).size).toBeGreaterThan(1);
    const table = await run('review', '--limit', '8', '--format', 'table');
    expect(table.stdout).not.toMatch(/│ 1\.00 │/);
  });
});

describe('the format when none is asked for', () => {
  it('is a table on a terminal, JSON when piped or written to a file, or what --out\'s extension names', () => {
    expect(chooseFormat(undefined, { isTTY: true })).toBe('table');
    expect(chooseFormat(undefined, { isTTY: false })).toBe('json');
    expect(chooseFormat(undefined, { isTTY: undefined })).toBe('json');
    expect(chooseFormat(undefined, { isTTY: true, out: 'r.json' })).toBe('json');
    expect(chooseFormat(undefined, { isTTY: true, out: 'r.HTML', byExtension: ['html'] })).toBe('html');
    expect(chooseFormat(undefined, { isTTY: true, out: 'r.csv', byExtension: ['html'] })).toBe('json');
    expect(chooseFormat('markdown', { isTTY: false, out: 'r.html', byExtension: ['html'] })).toBe('markdown');
  });

  it('is JSON in a pipe for every command that prints a table too (search, status, labels, review, inbox, ideas)', async () => {
    for (const args of [['search', 'kettle'], ['status'], ['labels'], ['review', '--limit', '3'], ['inbox', '--since', '30d'], ['ideas', '--brand', 'Acme']]) {
      const r = await run(...args);
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      expect(() => JSON.parse(r.stdout), `${args[0]}: ${r.stdout.slice(0, 80)}`).not.toThrow();
    }
  });
});

describe('JSON field names', () => {
  it('are camelCase in the report too: a sample\'s createdAt (created_at kept for old scripts)', () => {
    const report = makeReport('Acme', [makeIssue()]);
    const sample = JSON.parse(renderReportJson(report)).issues[0].samples[0];
    expect(sample.createdAt).toBe(report.issues[0]!.samples[0]!.created_at);
    expect(sample.created_at).toBe(sample.createdAt);
  });
});
