import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../support/cli.js';
import { peakRss, writeMentionsJsonl } from '../support/memory.js';

const exportText = (i: number) => `mention ${i}, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #${i % 50}`;

const tmp = makeTempDir('earshot-export-');
afterAll(() => tmp.cleanup());

describe('earshot export (built binary)', () => {
  beforeAll(async () => {
    await writeMentionsJsonl(join(tmp.dir, 'small.jsonl'), 10_000, exportText);
    await writeMentionsJsonl(join(tmp.dir, 'big.jsonl'), 100_000, exportText);
    for (const [db, file] of [['small.db', 'small.jsonl'], ['big.db', 'big.jsonl']]) {
      const r = await runCli(['--db', db!, 'import', file!, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  it('exports 100k rows in bounded memory, to a file or stdout', async () => {
    const small = await peakRss(tmp.dir, ['--db', 'small.db', 'export', '--out', 'small.csv']);
    const big = await peakRss(tmp.dir, ['--db', 'big.db', 'export', '--out', 'big.csv']);
    expect(big - small).toBeLessThan(40);
    expect(big).toBeLessThan(200);
    expect(statSync(join(tmp.dir, 'big.csv')).size).toBeGreaterThan(10_000_000);
    const rows = parse(readFileSync(join(tmp.dir, 'big.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(100_000);
    expect(rows[99_999]!.id).toBe(String(1e15 + 99_999));
    const piped = await peakRss(tmp.dir, ['--db', 'big.db', 'export', '--format', 'jsonl']);
    expect(piped - small).toBeLessThan(60);
  }, 120_000);

  it('writes data to stdout and nothing else; --columns and --limit apply', async () => {
    const r = await runCli(['--db', 'small.db', 'export', '--columns', 'id,text', '--limit', '2', '--source', 'reddit'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\r\n')[0]).toBe('id,text');
    expect(parse(r.stdout, { columns: true })).toEqual([
      { id: '1000000000000000', text: 'mention 0, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #0' },
      { id: '1000000000000003', text: 'mention 3, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #3' },
    ]);
  });

  it('rejects unknown columns and labels with exit 2, leaving no file behind', async () => {
    const bad = await runCli(['--db', 'small.db', 'export', '--columns', 'id,body', '--out', 'bad.csv'], { cwd: tmp.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^earshot: unknown column "body" — columns are: id, source/);
    expect(existsSync(join(tmp.dir, 'bad.csv'))).toBe(false);
    const label = await runCli(['--db', 'small.db', 'export', '--sentiment', 'angry'], { cwd: tmp.dir });
    expect(label.code).toBe(2);
  });
});
