import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-complaints-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();

/** Twelve mentions over the last hours, as of the harness's fixed "now". */
function writeMentions(path: string, edited = false): void {
  const rows = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(TEST_NOW - (i + 1) * 3_600_000).toISOString(), author: `user${i}`,
    text: i % 3 ? `lovely kettle number ${i}, boils fast` : `the kettle lid cracked the first time I used it ${i}${edited ? ', still cracked' : ''}`,
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

for (const backend of backends) describe.skipIf(!backend.available)(`complaints through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('label ID complaint|not-complaint wins in export, search and status, and survives re-analysis', async () => {
    const db = backend.fresh(tmp.dir, 'complaints.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writeMentions(join(tmp.dir, 'kettles.jsonl'));
    const imported = await run(['import', 'kettles.jsonl', '--brand', 'Kettleby']);
    expect(imported.code, imported.stderr).toBe(0);
    for (const [ref, label] of [['reddit:c0', 'not-complaint'], ['x:c1', 'complaint'], ['c4', 'complaint']]) {
      const labelled = await run(['label', ref!, label!]);
      expect(labelled.code, labelled.stderr).toBe(0);
      expect(labelled.stderr).toMatch(new RegExp(`labelled \\w+:${ref!.replace(/^\w+:/, '')} as ${label}`));
    }

    const check = async () => {
      const jsonl = await run(['export', '--format', 'jsonl', '--columns', 'id,complaint,is_complaint,sentiment_label']);
      expect(jsonl.code, jsonl.stderr).toBe(0);
      const rows = new Map(jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).map((r) => [r.id, r]));
      expect(rows.size).toBe(12);
      expect([rows.get('c0')!.is_complaint, rows.get('c1')!.is_complaint, rows.get('c4')!.is_complaint]).toEqual([false, true, true]);
      for (const row of rows.values()) {
        // the score is the model's, 0–1 with 3 decimals; the flag a boolean
        expect(typeof row.complaint).toBe('number');
        expect(Math.round((row.complaint as number) * 1000) / 1000).toBe(row.complaint);
        expect(row.complaint as number).toBeGreaterThanOrEqual(0);
        expect(row.complaint as number).toBeLessThanOrEqual(1);
        expect(typeof row.is_complaint).toBe('boolean');
      }
      const csv = await run(['export', '--complaint', '--columns', 'id,is_complaint']);
      const complaints = parse(csv.stdout, { columns: true }) as Array<{ id: string; is_complaint: string }>;
      expect(complaints.every((r) => r.is_complaint === 'true')).toBe(true);
      expect(complaints.map((r) => r.id)).toEqual(expect.arrayContaining(['c1', 'c4']));
      expect(complaints.map((r) => r.id)).not.toContain('c0');
      const others = parse((await run(['export', '--complaint', 'no', '--columns', 'id,is_complaint'])).stdout, { columns: true }) as Array<{ id: string; is_complaint: string }>;
      expect(others.every((r) => r.is_complaint === 'false')).toBe(true);
      expect(others.map((r) => r.id)).toContain('c0');
      expect(complaints.length + others.length).toBe(12);
      const found = await run(['search', 'kettle', '--complaint', '--format', 'json']);
      expect(found.code, found.stderr).toBe(0);
      const hits = (JSON.parse(found.stdout) as Array<{ id: string }>).map((h) => h.id);
      expect(hits).toEqual(expect.arrayContaining(['c1', 'c4']));
      expect(hits).not.toContain('c0');
      const status = JSON.parse((await run(['status', '--format', 'json'])).stdout) as { rows: Array<{ source: string; complaints: number }> };
      const bySource = Object.fromEntries(status.rows.map((r) => [r.source, r.complaints]));
      expect(bySource.x! + bySource.reddit!).toBe(complaints.length);
      expect(bySource.x).toBeGreaterThanOrEqual(1); // c1
    };
    await check();
    const table = await run(['status', '--format', 'table']);
    expect(table.stdout).toMatch(/complaints/);

    // edited texts invalidate the analyses; the re-analysis keeps the human labels
    writeMentions(join(tmp.dir, 'kettles-edited.jsonl'), true);
    const again = await run(['import', 'kettles-edited.jsonl', '--brand', 'Kettleby']);
    expect(again.code, again.stderr).toBe(0);
    await check();
  }, 60_000);

  it('refuses a label or a --complaint value it does not know, in one line with exit 2', async () => {
    const db = backend.fresh(tmp.dir, 'bad.db');
    writeMentions(join(tmp.dir, 'bad.jsonl'));
    expect((await runCli(['--db', db, 'import', 'bad.jsonl', '--brand', 'Kettleby', '--no-analyze'], { cwd: tmp.dir })).code).toBe(0);
    const label = await runCli(['--db', db, 'label', 'c1', 'complaining'], { cwd: tmp.dir });
    expect(label.code).toBe(2);
    expect(label.stderr.trim().split('\n')).toHaveLength(1);
    expect(label.stderr).toMatch(/complaint, not-complaint/);
    for (const args of [['search', '--complaint', 'kettle'], ['export', '--complaint', 'maybe']]) {
      const bad = await runCli(['--db', db, ...args], { cwd: tmp.dir });
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/--complaint takes yes or no/);
    }
  }, 60_000);
});
