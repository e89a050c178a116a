import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { peakRss, writeMentionsJsonl } from '../support/memory.js';

const exportText = (i: number) => `mention ${i}, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #${i % 50}`;

const tmp = makeTempDir('earshot-export-');
const backends = await cliBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

/**
 * Rows in the small and big stores: 10k and 100k on SQLite; 2k and 20k on PostgreSQL,
 * whose import is slower (the test is that export streams through its cursor in bounded memory).
 */
const SMALL = { sqlite: 10_000, postgres: 2_000 } as const;
const BIG = { sqlite: 100_000, postgres: 20_000 } as const;

beforeAll(async () => {
  await writeMentionsJsonl(join(tmp.dir, 'small.jsonl'), 10_000, exportText);
  await writeMentionsJsonl(join(tmp.dir, 'big.jsonl'), 100_000, exportText);
  await writeMentionsJsonl(join(tmp.dir, 'small-pg.jsonl'), SMALL.postgres, exportText);
  await writeMentionsJsonl(join(tmp.dir, 'big-pg.jsonl'), BIG.postgres, exportText);
});

for (const backend of backends) describe.skipIf(!backend.available)(`earshot export on ${backend.name} (built binary)`, () => {
  const small = backend.fresh(tmp.dir, 'small.db');
  const big = backend.fresh(tmp.dir, 'big.db');
  const bigRows = BIG[backend.name];
  const out = (name: string) => `${backend.name}-${name}`;

  beforeAll(async () => {
    const suffix = backend.name === 'sqlite' ? '' : '-pg';
    for (const [db, file] of [[small, `small${suffix}.jsonl`], [big, `big${suffix}.jsonl`]]) {
      const r = await runCli(['--db', db!, 'import', file!, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  it(`exports ${bigRows / 1000}k rows in bounded memory, to a file or stdout`, async () => {
    const smallRss = await peakRss(tmp.dir, ['--db', small, 'export', '--out', out('small.csv')]);
    const bigRss = await peakRss(tmp.dir, ['--db', big, 'export', '--out', out('big.csv')]);
    expect(bigRss - smallRss).toBeLessThan(40);
    expect(bigRss).toBeLessThan(200);
    expect(statSync(join(tmp.dir, out('big.csv'))).size).toBeGreaterThan(bigRows * 100);
    const rows = parse(readFileSync(join(tmp.dir, out('big.csv'))), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(bigRows);
    expect(rows[bigRows - 1]!.id).toBe(String(1e15 + bigRows - 1));
    const piped = await peakRss(tmp.dir, ['--db', big, 'export', '--format', 'jsonl']);
    expect(piped - smallRss).toBeLessThan(60);
  }, 120_000);

  it(`exports ${bigRows / 1000}k rows as xlsx in bounded memory (streaming writer)`, async () => {
    const smallRss = await peakRss(tmp.dir, ['--db', small, 'export', '--format', 'xlsx', '--out', out('small.xlsx')]);
    const bigRss = await peakRss(tmp.dir, ['--db', big, 'export', '--format', 'xlsx', '--out', out('big.xlsx')]);
    expect(bigRss - smallRss).toBeLessThan(60);
    let rows = 0;
    let last = '';
    const { default: ExcelJS } = await import('exceljs');
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(join(tmp.dir, out('big.xlsx')), {})) {
      for await (const row of sheet) {
        rows++;
        last = String((row.getCell(1).value as { richText: Array<{ text: string }> }).richText?.[0]?.text ?? row.getCell(1).value);
      }
    }
    expect(rows).toBe(bigRows + 1);
    expect(last).toBe(String(1e15 + bigRows - 1));
  }, 180_000);

  it('writes data to stdout and nothing else; --columns and --limit apply', async () => {
    const r = await runCli(['--db', small, 'export', '--columns', 'id,text', '--limit', '2', '--source', 'reddit'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\r\n')[0]).toBe('id,text');
    expect(parse(r.stdout, { columns: true })).toEqual([
      { id: '1000000000000000', text: 'mention 0, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #0' },
      { id: '1000000000000003', text: 'mention 3, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #3' },
    ]);
  });

  it('rejects unknown columns and labels with exit 2, leaving no file behind', async () => {
    const bad = await runCli(['--db', small, 'export', '--columns', 'id,body', '--out', out('bad.csv')], { cwd: tmp.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^earshot: unknown column "body" — columns are: id, source/);
    expect(existsSync(join(tmp.dir, out('bad.csv')))).toBe(false);
    const label = await runCli(['--db', small, 'export', '--sentiment', 'angry'], { cwd: tmp.dir });
    expect(label.code).toBe(2);
  });
});
