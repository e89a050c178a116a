import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli, TEST_NOW, type CliResult } from '../support/cli.js';
import { recordFigures } from './figures.js';

/**
 * Everything a user types reaches SQL only as a bound parameter, and bad paths and
 * numbers end in one clear line: quotes, `--`, `'; DROP TABLE` and FTS syntax in every
 * filter leave the database as it was.
 */
const tmp = makeTempDir('earshot-validation-');
let injectionAttempts = 0;
afterAll(() => {
  tmp.cleanup();
  recordFigures('validation', { injectionAttempts });
});

const ATTACKS = [
  "'; DROP TABLE mentions; --",
  '"unterminated',
  '* OR text:* NEAR(a b',
];

function expectClean(result: CliResult, what: string): void {
  expect([0, 1, 2], `${what}: ${result.stderr}`).toContain(result.code);
  expect(result.stderr, what).not.toContain('unexpected error');
  if (result.code !== 0) expect(result.stderr.trimEnd().split('\n'), `${what}: ${result.stderr}`).toHaveLength(1);
}

/** Runs the binary four at a time: each is a separate user action, but time is short. */
async function inBatches<T>(items: T[], check: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 4) await Promise.all(items.slice(i, i + 4).map(check));
}

function snapshot(): { mentions: number; tables: string[]; integrity: string } {
  const db = new Database(join(tmp.dir, 'v.db'), { readonly: true });
  try {
    return {
      mentions: (db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n,
      tables: db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[],
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

describe('input validation (built binary)', () => {
  beforeAll(async () => {
    const rows = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `v${i}`, source: i % 2 ? 'x' : 'reddit',
      created_at: new Date(TEST_NOW - i * 3_600_000).toISOString(), text: `plain mention ${i} about kettles`, author: `a${i}` }));
    writeFileSync(join(tmp.dir, 'v.jsonl'), `${rows.join('\n')}\n`);
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Acme' }] }), { mode: 0o600 });
    const r = await runCli(['--db', 'v.db', 'import', 'v.jsonl', '--brand', 'Acme'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
  }, 60_000);

  it('quotes, `--`, DROP TABLE and FTS syntax in every filter are data, never SQL', async () => {
    const before = snapshot();
    expect(before.mentions).toBe(30);
    const commands = (attack: string): string[][] => [
      ['report', '--brand', attack, '--format', 'json'],
      ['report', '--brand', 'Acme', '--source', attack, '--format', 'json'],
      ['export', '--brand', attack],
      ['export', '--search', attack],
      ['export', '--source', attack, '--format', 'jsonl'],
      ['search', attack, '--format', 'json'],
      ['search', 'kettles', '--brand', attack, '--format', 'json'],
      ['label', attack, 'negative'],
      ['label', `x:${attack}`, 'positive'],
      ['scan', '--brand', attack],
      ['alert', '--dry-run', '--brand', attack],
    ];
    await inBatches(ATTACKS.flatMap(commands), async (args) => {
      injectionAttempts++;
      expectClean(await runCli(['--db', 'v.db', ...args], { cwd: tmp.dir }), args.join(' '));
    });
    expect(snapshot()).toEqual(before);
    // a source that matches no stored mention is refused (it was not turned into `OR 1=1`,
    // which would have found rows and let it through); issue 27: an unknown name is an error
    const none = await runCli(['--db', 'v.db', 'export', '--format', 'jsonl', '--source', "x' OR '1'='1"], { cwd: tmp.dir });
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toMatch(/^earshot: unknown source "x' OR '1'='1" — did you mean x\?/);
  }, 120_000);

  it('bad numbers are usage errors (exit 2) with the flag named', async () => {
    const cases: string[][] = [
      ['export', '--limit', '-1'], ['export', '--limit', '10abc'], ['export', '--limit', '99999999999999999999999'], ['export', '--limit', '2.5'],
      ['search', 'kettles', '--limit', '-5'], ['report', '--top', 'lots'], ['report', '--min-mentions', '0'],
      ['scan', '--max-posts', '0'], ['scan', '--max-wait', '-1'], ['report', '--window', 'soon'], ['export', '--since', 'last tuesday'],
      ['run', '--stale-after', '-5m'],
    ];
    await inBatches(cases, async (args) => {
      const r = await runCli(['--db', 'v.db', ...args], { cwd: tmp.dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^earshot: .*${args[args.length - 2]!.replace(/^--/, '')}.* — .+\\n$`));
    });
  }, 120_000);

  it('bad --db, --out and --config paths end in one line; odd but valid paths work', async () => {
    mkdirSync(join(tmp.dir, 'a folder'), { recursive: true });
    const bad: string[][] = [
      ['--db', 'a folder', 'status'],
      ['--db', 'no/such/dir/x.db', 'status'],
      ['--db', 'v.db', 'export', '--out', 'a folder'],
      ['--db', 'v.db', 'export', '--out', 'no/such/dir/out.csv'],
      ['--db', 'v.db', 'report', '--brand', 'Acme', '--format', 'html', '--out', 'no/such/dir/r.html'],
      ['--db', 'v.db', '--config', 'missing.json', 'status'],
      ['--db', 'v.db', '--config', 'a folder', 'status'],
      ['--db', 'v.db', 'import', 'a folder', '--brand', 'Acme'],
    ];
    for (const args of bad) {
      const r = await runCli(args, { cwd: tmp.dir });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeGreaterThan(0);
      expect(r.stderr, args.join(' ')).toMatch(/^earshot: [^\n]+ — [^\n]+\n$/);
    }
    expect(existsSync(join(tmp.dir, 'no'))).toBe(false);
    const odd = "it's \"odd\"; --db $(x).db";
    const made = await runCli(['--db', odd, 'import', 'v.jsonl', '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, odd))).toBe(true);
    const out = await runCli(['--db', odd, 'export', '--out', `${odd}.csv`], { cwd: tmp.dir });
    expect(out.code, out.stderr).toBe(0);
    expect(existsSync(join(tmp.dir, `${odd}.csv`))).toBe(true);
  }, 60_000);
});
