import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/report/export-columns.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-safety-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();

/** Ten mentions over the last hours, as of the harness's fixed "now". */
function writeMentions(path: string, edited = false): void {
  const rows = Array.from({ length: 10 }, (_, i) => ({
    id: `s${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(TEST_NOW - (i + 1) * 3_600_000).toISOString(), author: `user${i}`,
    text: i % 3 ? `lovely toaster number ${i}, crisp every time` : `the toaster sparked and burnt my fingers ${i}${edited ? ', again' : ''}`,
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

// Which mentions the safety model flags is the model's business: these tests hold only
// what the labels decide and what must add up, so they stand whatever the model says.
for (const backend of backends) describe.skipIf(!backend.available)(`safety through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('label ID safety|not-safety (and in a label file) wins in export, search and status, and survives re-analysis', async () => {
    const db = backend.fresh(tmp.dir, 'safety.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writeMentions(join(tmp.dir, 'toasters.jsonl'));
    const imported = await run(['import', 'toasters.jsonl', '--brand', 'Toastly']);
    expect(imported.code, imported.stderr).toBe(0);
    for (const [ref, label] of [['reddit:s0', 'not-safety'], ['x:s1', 'safety']]) {
      const labelled = await run(['label', ref!, label!]);
      expect(labelled.code, labelled.stderr).toBe(0);
      expect(labelled.stderr).toMatch(new RegExp(`labelled \\w+:${ref!.replace(/^\w+:/, '')} as ${label}`));
    }
    writeFileSync(join(tmp.dir, 'labels.csv'), 'id,label\ns3,negative complaint safety\ns6,not-safety\n');
    const fromFile = await run(['label', '--file', 'labels.csv']);
    expect(fromFile.code, fromFile.stderr).toBe(0);

    const check = async () => {
      const jsonl = await run(['export', '--format', 'jsonl']);
      expect(jsonl.code, jsonl.stderr).toBe(0);
      const all = jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(Object.keys(all[0]!)).toEqual([...EXPORT_COLUMNS]);
      const rows = new Map(all.map((r) => [r.id, r]));
      expect(rows.size).toBe(10);
      expect(['s0', 's1', 's3', 's6'].map((id) => rows.get(id)!.is_safety)).toEqual([false, true, true, false]);
      expect([rows.get('s3')!.sentiment_label, rows.get('s3')!.is_complaint]).toEqual(['negative', true]);
      for (const row of rows.values()) {
        // the score is the model's, 0–1 with 3 decimals; the flag a boolean
        expect(typeof row.safety).toBe('number');
        expect(Math.round((row.safety as number) * 1000) / 1000).toBe(row.safety);
        expect(row.safety as number).toBeGreaterThanOrEqual(0);
        expect(row.safety as number).toBeLessThanOrEqual(1);
        expect(typeof row.is_safety).toBe('boolean');
      }
      const csv = await run(['export', '--safety', '--columns', 'id,safety,is_safety']);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout.split('\r\n')[0]).toBe('id,safety,is_safety');
      const reports = parse(csv.stdout, { columns: true }) as Array<{ id: string; safety: string; is_safety: string }>;
      expect(reports.every((r) => r.is_safety === 'true' && /^(0|1|0\.\d{1,3})$/.test(r.safety))).toBe(true);
      expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining(['s1', 's3']));
      expect(reports.map((r) => r.id)).not.toContain('s0');
      const others = parse((await run(['export', '--safety', 'no', '--columns', 'id,is_safety'])).stdout, { columns: true }) as Array<{ id: string; is_safety: string }>;
      expect(others.every((r) => r.is_safety === 'false')).toBe(true);
      expect(others.map((r) => r.id)).toEqual(expect.arrayContaining(['s0', 's6']));
      expect(reports.length + others.length).toBe(10);
      const found = await run(['search', 'toaster', '--safety', '--format', 'json']);
      expect(found.code, found.stderr).toBe(0);
      const hits = (JSON.parse(found.stdout) as Array<{ id: string }>).map((h) => h.id).sort();
      expect(hits).toEqual(reports.map((r) => r.id).sort());
      const status = JSON.parse((await run(['status', '--format', 'json'])).stdout) as { rows: Array<{ source: string; safety: number }> };
      const bySource = Object.fromEntries(status.rows.map((r) => [r.source, r.safety]));
      expect(bySource.x! + bySource.reddit!).toBe(reports.length);
      expect(bySource.x).toBe(reports.filter((r) => Number(r.id.slice(1)) % 2 === 1).length);
    };
    await check();
    const table = await run(['status', '--format', 'table']);
    expect(table.stdout).toMatch(/complaints\s*│\s*safety/);

    // edited texts invalidate the analyses; the re-analysis keeps the human labels
    writeMentions(join(tmp.dir, 'toasters-edited.jsonl'), true);
    const again = await run(['import', 'toasters-edited.jsonl', '--brand', 'Toastly']);
    expect(again.code, again.stderr).toBe(0);
    await check();
  }, 60_000);

  it('refuses a --safety value it does not know and a bad safety label, in one line with exit 2', async () => {
    const db = backend.fresh(tmp.dir, 'bad.db');
    writeMentions(join(tmp.dir, 'bad.jsonl'));
    expect((await runCli(['--db', db, 'import', 'bad.jsonl', '--brand', 'Toastly', '--no-analyze'], { cwd: tmp.dir })).code).toBe(0);
    const label = await runCli(['--db', db, 'label', 's1', 'unsafe'], { cwd: tmp.dir });
    expect(label.code).toBe(2);
    expect(label.stderr.trim().split('\n')).toHaveLength(1);
    expect(label.stderr).toMatch(/safety, not-safety/);
    for (const args of [['search', '--safety', 'toaster'], ['export', '--safety', 'maybe']]) {
      const bad = await runCli(['--db', db, ...args], { cwd: tmp.dir });
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/--safety takes yes or no/);
    }
  }, 60_000);
});
