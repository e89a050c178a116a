import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, makeTempDir, runCli } from '../support/cli.js';

/** Issue 24 #1 (`--out` never renames over what is not a regular file) and #21 (a busy database), through the built binary. */
const tmp = makeTempDir('earshot-out-');
const cli = (args: string[]) => runCli(['--db', 'earshot.db', ...args], { cwd: tmp.dir });
const ROWS = Array.from({ length: 30 }, (_, i) => JSON.stringify({
  id: String(100 + i), source: 'x', created_at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, text: `tea row ${i}`, brand: i % 3 ? 'Acme' : 'Other' })).join('\n');
const HEADER = /^id,/;

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'rows.jsonl'), ROWS);
  expect((await cli(['import', 'rows.jsonl', '--no-analyze'])).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('--out on what is not a plain file', () => {
  it('a symlink to a file: the target is replaced, the link stays a link', async () => {
    writeFileSync(join(tmp.dir, 'real.csv'), 'old');
    symlinkSync('real.csv', join(tmp.dir, 'link.csv'));
    const r = await cli(['export', '--out', 'link.csv']);
    expect(r.code).toBe(0);
    expect(lstatSync(join(tmp.dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(tmp.dir, 'link.csv'))).toBe('real.csv');
    expect(readFileSync(join(tmp.dir, 'real.csv'), 'utf8')).toMatch(HEADER);
    const report = await cli(['report', '--brand', 'Acme', '--format', 'json', '--out', 'link.csv']);
    expect(report.code).toBe(0);
    expect(lstatSync(join(tmp.dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(tmp.dir, 'real.csv'), 'utf8')).toMatch(/^\{/);
  });

  it('a character device (a copy of /dev/null) stays a device', async () => {
    const node = join(tmp.dir, 'null');
    if (spawnSync('mknod', [node, 'c', '1', '3']).status !== 0) return; // not allowed here: nothing to check
    for (const args of [['export', '--out', 'null'], ['report', '--brand', 'Acme', '--out', 'null'], ['compare', '--brands', 'Acme,Other', '--format', 'json', '--out', 'null']]) {
      const r = await cli(args);
      expect(r.stderr).not.toMatch(/unexpected/);
      expect([r.code, r.stderr]).toEqual([0, expect.any(String)]);
      expect(statSync(node).isCharacterDevice()).toBe(true);
    }
  });

  it('a FIFO is written through to its reader and stays a FIFO', async () => {
    const fifo = join(tmp.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const chunks: Buffer[] = [];
    const reader = new Promise<string>((resolve, reject) => {
      createReadStream(fifo).on('data', (c: Buffer | string) => chunks.push(Buffer.from(c))).on('end', () => resolve(Buffer.concat(chunks).toString())).on('error', reject);
    });
    const r = await cli(['export', '--out', 'pipe']);
    expect(r.code).toBe(0);
    expect(await reader).toMatch(HEADER);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('/dev/stdout and a /dev/fd/N path (bash\'s >(…)) are written through', async () => {
    const stdout = await cli(['export', '--out', '/dev/stdout']);
    expect(stdout.stderr).not.toMatch(/unexpected/);
    expect([stdout.code, stdout.stderr]).toEqual([0, expect.any(String)]);
    expect(stdout.stdout).toMatch(HEADER);
    expect(stdout.stdout.trim().split('\r\n')).toHaveLength(31);
    // a real pipe, as bash hands it over (a test runner's stdio would be a socket)
    const sub = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" --db earshot.db export --out >(cat > sub.csv); wait $!`],
      { cwd: tmp.dir, env: cliEnv(), encoding: 'utf8' });
    expect(sub.stderr).not.toMatch(/unexpected/);
    expect(sub.status).toBe(0);
    const fd3 = readFileSync(join(tmp.dir, 'sub.csv'), 'utf8');
    expect(fd3).toMatch(HEADER);
  });

  it('a folder, with or without a slash, or a missing one with a slash, is one clear line', async () => {
    mkdirSync(join(tmp.dir, 'somedir'));
    for (const out of ['somedir', 'somedir/', 'newdir/']) {
      for (const args of [['export', '--out', out], ['report', '--brand', 'Acme', '--out', out]]) {
        const r = await cli(args);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^earshot: cannot write [^\n]*(it is a folder|names a folder)[^\n]* — [^\n]+\n$/);
      }
    }
    expect(lstatSync(join(tmp.dir, 'somedir')).isDirectory()).toBe(true);
  });

  it('a link to nothing is refused in one line', async () => {
    symlinkSync('missing/nowhere.csv', join(tmp.dir, 'dangling.csv'));
    const r = await cli(['export', '--out', 'dangling.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('earshot: cannot write dangling.csv: it is a link to nothing (missing/nowhere.csv) — remove the link, or choose another --out\n');
  });
});

describe('a database another process is writing to', () => {
  it('import ends with one line naming the situation, past the busy timeout', async () => {
    writeFileSync(join(tmp.dir, 'more.jsonl'), ROWS.replaceAll('"id":"1', '"id":"9'));
    const holder = new Database(join(tmp.dir, 'earshot.db'));
    holder.pragma('busy_timeout = 0');
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      for (const args of [['import', 'more.jsonl', '--no-analyze']]) {
        const r = await cli(args);
        expect(r.stderr).toBe('earshot: another earshot process (or another program) is writing to this database and held it past the wait'
          + ' — try again when it has finished; what was stored before is kept\n');
        expect(r.code).toBe(75);
      }
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  }, 60_000);
});
