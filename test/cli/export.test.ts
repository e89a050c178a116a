import { parse } from 'csv-parse/sync';
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../support/cli.js';

const tmp = makeTempDir('earshot-export-');
afterAll(() => tmp.cleanup());

async function writeJsonl(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const row = { id: String(1e15 + i), source: i % 3 ? 'x' : 'reddit', created_at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      text: `mention ${i}, "quoted" and =formula-ish text about tea bags and plastic, long enough to look real #${i % 50}`,
      author: `user${i % 997}`, metrics: { likes: i % 17 } };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function peakRss(args: string[]): Promise<number> {
  const probe = join(tmp.dir, 'rss.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nRSS_MB=${process.resourceUsage().maxRSS / 1024}\\n`));");
  const result = await runCli(args, { cwd: tmp.dir, env: { NODE_OPTIONS: `--require ${probe} --max-old-space-size=64` } });
  expect(result.code, result.stderr).toBe(0);
  return Number(/RSS_MB=([\d.]+)/.exec(result.stderr)![1]);
}

describe('earshot export (built binary)', () => {
  beforeAll(async () => {
    await writeJsonl(join(tmp.dir, 'small.jsonl'), 10_000);
    await writeJsonl(join(tmp.dir, 'big.jsonl'), 100_000);
    for (const [db, file] of [['small.db', 'small.jsonl'], ['big.db', 'big.jsonl']]) {
      const r = await runCli(['--db', db!, 'import', file!, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);

  it('exports 100k rows in bounded memory, to a file or stdout', async () => {
    const small = await peakRss(['--db', 'small.db', 'export', '--out', 'small.csv']);
    const big = await peakRss(['--db', 'big.db', 'export', '--out', 'big.csv']);
    expect(big - small).toBeLessThan(40);
    expect(big).toBeLessThan(200);
    expect(statSync(join(tmp.dir, 'big.csv')).size).toBeGreaterThan(10_000_000);
    const rows = parse(readFileSync(join(tmp.dir, 'big.csv')), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(100_000);
    expect(rows[99_999]!.id).toBe(String(1e15 + 99_999));
    const piped = await peakRss(['--db', 'big.db', 'export', '--format', 'jsonl']);
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
