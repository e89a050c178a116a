import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, runCliClosedStdout } from '../support/cli.js';

/** Issue 15 #2, #8, #9 and #12, through the built binary. */
const tmp = makeTempDir('earshot-guards-');
const backends = await cliBackends();
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const ROWS = Array.from({ length: 300 }, (_, i) => JSON.stringify({
  id: String(1000 + i), source: 'x', created_at: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(),
  text: `tea number ${i} with a long enough text to fill the pipe ${'x'.repeat(200)}`, brand: 'Acme', author: `a${i % 7}` })).join('\n');
beforeAll(() => {
  writeFileSync(join(tmp.dir, 'rows.jsonl'), ROWS);
  writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Acme' }] }));
});
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});
const cli = (args: string[]) => runCli(args, { cwd: tmp.dir });

for (const backend of backends) describe.skipIf(!backend.available)(`guards on ${backend.name}`, () => {
  const db = backend.fresh(tmp.dir, 'earshot.db');
  beforeAll(async () => {
    expect((await cli(['--db', db, 'import', 'rows.jsonl', '--no-analyze'])).code).toBe(0);
  });

  it('--out refuses the database in use, its -wal/-shm, and the config, however they are spelled', async () => {
    const config = join(tmp.dir, 'earshot.config.json');
    const targets = ['earshot.config.json', `./earshot.config.json`, config];
    if (backend.name === 'sqlite') {
      symlinkSync('earshot.db', join(tmp.dir, 'link-to.db'));
      targets.push('earshot.db', './earshot.db', join(tmp.dir, 'earshot.db'), 'earshot.db-wal', 'earshot.db-shm', 'link-to.db');
    }
    const before = backend.name === 'sqlite' ? digest(join(tmp.dir, 'earshot.db')) : '';
    const configBefore = digest(config);
    for (const out of targets) {
      for (const args of [['export', '--out', out], ['report', '--brand', 'Acme', '--format', 'html', '--out', out]]) {
        const result = await cli(['--db', db, ...args]);
        expect(result.code, `${args.join(' ')}`).toBe(1);
        expect(result.stderr).toMatch(/^earshot: refusing to write .*: it is (the database in use|the config file) \(.*\) — choose another --out\n$/);
      }
    }
    if (backend.name === 'sqlite') expect(digest(join(tmp.dir, 'earshot.db'))).toBe(before);
    expect(digest(config)).toBe(configBefore);
  });

  it('--out into a missing folder is one line, leaving no partial file', async () => {
    for (const args of [['export', '--out', 'nodir/x.csv'], ['report', '--brand', 'Acme', '--out', 'nodir/r.html']]) {
      const result = await cli(['--db', db, ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('earshot: cannot write nodir/' + args.at(-1)!.split('/')[1] + ': folder nodir does not exist — create it first, or choose another --out\n');
    }
    expect(readdirSync(tmp.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a closed stdout ends every command quietly, exit 0, without a stack trace', async () => {
    for (const args of [['status', '--format', 'json'], ['search', 'tea', '--format', 'json', '--limit', '300'], ['search', 'tea', '--limit', '300'],
      ['report', '--brand', 'Acme', '--at', '2026-11-14', '--format', 'json'], ['export'], ['export', '--format', 'jsonl'],
      ['alert', '--dry-run'], ['--help'], ['export', '--help'], ['--version']]) {
      const result = await runCliClosedStdout(['--db', db, ...args], { cwd: tmp.dir });
      expect(result.stderr, args.join(' ')).not.toMatch(/EPIPE|\n\s+at |Error/);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(args[0] === 'alert' ? 1 : 0);
    }
  });
});

describe('analyze --workers', () => {
  it.each(['-3', 'abc', '1.5', ''])('refuses %j as a usage error (exit 2, one line)', async (value) => {
    const result = await cli(['--db', 'w.db', 'analyze', '--workers', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`earshot: --workers must be a whole number from 0 up, got "${value}" — e.g. --workers 2\n`);
  });

  it('caps a number above the core count, saying so', async () => {
    const result = await cli(['--db', 'w.db', 'analyze', '--workers', '200']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`--workers 200 is more than the ${availableParallelism()} core(s) here; using ${availableParallelism()}`);
  });
});

describe('subcommand --help', () => {
  const COMMANDS = ['init', 'scan', 'import', 'analyze', 'label', 'report', 'status', 'search', 'export', 'alert', 'run', 'migrate-store'];
  it.each(COMMANDS)('%s --help lists the global options', async (name) => {
    const result = await cli([name, '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--db <path>', '--config <path>', '--quiet', '--debug']) expect(result.stdout).toContain(flag);
  });
});
