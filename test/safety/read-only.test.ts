import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openDatabase } from '../../src/store/sqlite/open.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, REPO, runCli } from '../support/cli.js';
import { binaryFor, NOBODY } from '../support/other-user.js';
import { testPostgresUrl, withSchema } from '../support/store-backends.js';

/**
 * Issue 15 #5 and #13: the read commands open read-only, never create, never migrate,
 * and refuse a file that is not an earshot store with one line, leaving it as it was.
 */
const READ_COMMANDS = [['status'], ['search', 'tea'], ['report', '--brand', 'Acme', '--format', 'json'], ['export'], ['alert', '--dry-run'],
  ['compare', '--brands', 'Acme,Other', '--since', '2026-11-01', '--format', 'json']];
const tmp = makeTempDir('earshot-readonly-');
const backends = await cliBackends();
const CONFIG = join(tmp.dir, 'alerts.config.json');
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});
beforeAll(() => {
  writeFileSync(CONFIG, JSON.stringify({ brands: [{ name: 'Acme' }, { name: 'Other' }], alerts: [{ type: 'webhook', url: 'http://127.0.0.1:9/hook' }] }), { mode: 0o600 });
  writeFileSync(join(tmp.dir, 'rows.jsonl'), [1, 2, 3].map((i) => JSON.stringify({ id: String(i), source: 'x', created_at: `2026-11-2${i}T10:00:00Z`, text: `tea number ${i}`, brand: 'Acme' })).join('\n'));
});
const cli = (args: string[], extra: { uid?: number; gid?: number; cwd?: string; config?: string; bin?: string } = {}) =>
  runCli(['--config', extra.config ?? CONFIG, ...args], { cwd: extra.cwd ?? tmp.dir, uid: extra.uid, gid: extra.gid, bin: extra.bin });
// root may write anything, so the "may not write" checks run as nobody, from a copy nobody can read if the clone is private
const asRoot = process.getuid?.() === 0;
const nobody = asRoot ? binaryFor(NOBODY) : null;
const nobodySkips = nobody && 'skipped' in nobody ? nobody.skipped : null;
if (nobodySkips) console.warn(`[read-only] running the binary as nobody is impossible here (${nobodySkips}): the other-user check is SKIPPED`);
else if (nobody && 'copied' in nobody && nobody.copied) console.warn('[read-only] nobody cannot read this clone: the other-user check runs a copy of the binary from a readable temp folder');
afterAll(() => { if (nobody && 'cleanup' in nobody) nobody.cleanup(); });
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sidecars = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}-`));

describe('read commands on SQLite files that are not earshot stores', () => {
  it('leave another program\'s SQLite file untouched (no tables, no WAL) and say so in one line', async () => {
    const path = join(tmp.dir, 'other-app.db');
    const other = new Database(path);
    other.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('bob');");
    other.close();
    const before = digest(path);
    for (const args of [...READ_COMMANDS, ['import', 'rows.jsonl'], ['analyze']]) {
      const result = await cli(['--db', path, ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^earshot: .*other-app\.db is a SQLite database of another program, not an earshot store — /)]);
    }
    expect(digest(path)).toBe(before);
    expect(sidecars(tmp.dir, 'other-app.db')).toEqual([]);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('never create a database at a mistyped path', async () => {
    for (const args of READ_COMMANDS) {
      const result = await cli(['--db', 'mistyped.db', ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^earshot: no earshot database at mistyped\.db — check --db/);
      expect(existsSync(join(tmp.dir, 'mistyped.db'))).toBe(false);
    }
  });

  it.each([100, 4096, 65536])('call a zero-filled %i-byte file not an earshot database, read or write, and leave it alone', async (size) => {
    const path = join(tmp.dir, `zero-${size}.db`);
    writeFileSync(path, Buffer.alloc(size));
    for (const args of [['status'], ['report', '--brand', 'Acme'], ['import', 'rows.jsonl'], ['label', '1', 'negative']]) {
      const result = await cli(['--db', path, ...args]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/is not an earshot database \(not a SQLite file, or a damaged one\) — /);
      expect(result.stderr).not.toMatch(/unexpected error/);
    }
    expect(readFileSync(path).equals(Buffer.alloc(size))).toBe(true);
  });

  it('do not migrate an older store: they name the command that upgrades it', async () => {
    const path = join(tmp.dir, 'old.db');
    openDatabase(path, MIGRATIONS.slice(0, 3)).close();
    const before = digest(path);
    const result = await cli(['--db', path, 'status']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has schema v3; this earshot reads v\d+ — any command that writes .* upgrades it first/);
    expect(digest(path)).toBe(before);
    expect((await cli(['--db', path, 'analyze'])).code).toBe(0);
    expect((await cli(['--db', path, 'status'])).code).toBe(0);
  });
});

describe('read commands on an earshot store', () => {
  it('change nothing in the database file', async () => {
    const path = join(tmp.dir, 'store.db');
    expect((await cli(['--db', path, 'import', 'rows.jsonl'])).code).toBe(0);
    const before = digest(path);
    for (const args of READ_COMMANDS) {
      const result = await cli(['--db', path, ...args]);
      expect(result.stderr, args.join(' ')).not.toMatch(/unexpected|readonly/);
    }
    expect(digest(path)).toBe(before);
  });

  it.skipIf(nobodySkips !== null)('read a store this user may not write (another user\'s file, mode 644, in a folder of theirs)', async () => {
    const dir = join(tmp.dir, 'theirs');
    const path = join(dir, 'earshot.db');
    mkdirSync(dir);
    const config = join(dir, 'earshot.config.json');
    writeFileSync(config, JSON.stringify({ brands: [{ name: 'Acme' }, { name: 'Other' }] }), { mode: 0o644 });
    expect((await cli(['--db', path, 'import', 'rows.jsonl'], { config })).code).toBe(0);
    // root may write anything: run the reads as nobody instead; anyone else gets a read-only file and folder
    const other = nobody && 'bin' in nobody ? { ...NOBODY, cwd: dir, config, bin: nobody.bin } : { cwd: dir, config };
    chmodSync(tmp.dir, 0o755);
    chmodSync(path, asRoot ? 0o644 : 0o444);
    chmodSync(dir, 0o555);
    const before = digest(path);
    try {
      const status = await cli(['--db', path, 'status', '--format', 'json'], other);
      expect(status.stderr).toBe('');
      expect(JSON.parse(status.stdout).totalMentions).toBe(3);
      const search = await cli(['--db', path, 'search', 'tea', '--format', 'json'], other);
      expect(JSON.parse(search.stdout)).toHaveLength(3);
      const exported = await cli(['--db', path, 'export', '--columns', 'id'], other);
      expect(exported.stdout).toBe('id\r\n1\r\n2\r\n3\r\n');
      const report = await cli(['--db', path, 'report', '--brand', 'Acme', '--at', '2026-11-24', '--format', 'json'], other);
      expect(report.code, report.stderr).toBe(0);
      const compare = await cli(['--db', path, 'compare', '--brands', 'Acme,Other', '--since', '2026-11-01', '--until', '2026-11-25', '--format', 'json'], other);
      expect(compare.code, compare.stderr).toBe(0);
      expect(JSON.parse(compare.stdout).brands.map((b: { brand: string; mentions: number }) => [b.brand, b.mentions])).toEqual([['Acme', 3], ['Other', 0]]);
      const write = await cli(['--db', path, 'label', '1', 'negative'], other);
      expect(write.code).toBe(1);
      expect(write.stderr).toMatch(/^earshot: cannot use database .*readonly/);
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(digest(path)).toBe(before);
  });
});

describe.skipIf(!asRoot)('the other-user check wherever the clone lives', () => {
  it('runs a readable copy of the binary as nobody when the clone sits in a private folder (as under /root)', () => {
    const home = makeTempDir('earshot-private-home-'); // mode 700, like /root
    const clone = join(home.dir, 'earshot');
    mkdirSync(clone);
    try {
      for (const part of ['bin', 'dist', 'models', 'package.json']) expect(spawnSync('cp', ['-al', join(REPO, part), join(clone, part)]).status).toBe(0);
      expect(spawnSync('cp', ['-al', `${realpathSync(join(REPO, 'node_modules'))}/.`, join(clone, 'node_modules')]).status).toBe(0);
      // what root's `npm test` met in such a clone: nobody cannot even load the binary
      const inPlace = spawnSync(process.execPath, [join(clone, 'bin/earshot.js'), '--version'], { ...NOBODY, cwd: tmpdir(), encoding: 'utf8' });
      expect(inPlace.status).not.toBe(0);
      expect(inPlace.stderr).toMatch(/Cannot find module|EACCES|permission denied/i);
      const copy = binaryFor(NOBODY, clone);
      expect(copy).toMatchObject({ copied: true });
      try {
        const ran = spawnSync(process.execPath, [(copy as { bin: string }).bin, '--version'], { ...NOBODY, cwd: tmpdir(), encoding: 'utf8' });
        expect([ran.status, ran.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version]);
      } finally {
        if ('cleanup' in copy) copy.cleanup();
      }
    } finally {
      home.cleanup();
    }
  });
});

const pgUrl = await testPostgresUrl();
describe.skipIf(pgUrl === null)('read commands on PostgreSQL schemas that are not earshot stores', () => {
  const admin = () => postgres(pgUrl!, { max: 1, onnotice: () => undefined });
  const schema = `ro_other_${process.pid}`;
  const missing = `ro_missing_${process.pid}`;
  afterAll(async () => {
    const sql = admin();
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${missing} CASCADE`);
    await sql.end();
  });

  it('refuse another application\'s schema and a missing one, creating nothing', async () => {
    const sql = admin();
    await sql.unsafe(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.users (id int)`);
    for (const args of [...READ_COMMANDS, ['import', 'rows.jsonl']]) {
      const result = await cli(['--db', withSchema(pgUrl!, schema), ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/holds another application's tables, not an earshot store — /);
    }
    for (const args of READ_COMMANDS) {
      const result = await cli(['--db', withSchema(pgUrl!, missing), ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^earshot: no earshot store at postgres:/);
    }
    const tables = await sql`SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN (${schema}, ${missing})`;
    expect(tables.map((t) => `${t.table_schema}.${t.table_name}`)).toEqual([`${schema}.users`]);
    expect(await sql`SELECT 1 FROM pg_namespace WHERE nspname = ${missing}`).toHaveLength(0);
    await sql.end();
  });
});

for (const backend of backends) describe.skipIf(!backend.available)(`read commands on ${backend.name} run in read-only sessions`, () => {
  it('compare counts the links of days whose rollup is not filled yet, and analysis fills it', async () => {
    const db = backend.fresh(tmp.dir, 'unrolled.db');
    expect((await cli(['--db', db, 'import', 'rows.jsonl', '--no-analyze'])).code).toBe(0);
    const compare = await cli(['--db', db, 'compare', '--brands', 'Acme,Other', '--since', '2026-11-01', '--until', '2026-11-25', '--format', 'json']);
    expect(compare.code, compare.stderr).toBe(0);
    const acme = JSON.parse(compare.stdout).brands[0];
    expect([acme.brand, acme.mentions, acme.analysed, acme.shareOfMentions]).toEqual(['Acme', 3, 0, 1]);
    expect((await cli(['--db', db, 'analyze'])).code).toBe(0);
    const after = JSON.parse((await cli(['--db', db, 'compare', '--brands', 'Acme,Other', '--since', '2026-11-01', '--until', '2026-11-25', '--format', 'json'])).stdout);
    expect([after.brands[0].mentions, after.brands[0].analysed]).toEqual([3, 3]);
  });

  it('report, export and search work on a store another process just wrote', async () => {
    const db = backend.fresh(tmp.dir, 'rw.db');
    expect((await cli(['--db', db, 'import', 'rows.jsonl'])).code).toBe(0);
    const report = await cli(['--db', db, 'report', '--brand', 'Acme', '--at', '2026-11-24', '--format', 'json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).brand).toBe('Acme');
    expect((await cli(['--db', db, 'export', '--columns', 'id'])).stdout).toBe('id\r\n1\r\n2\r\n3\r\n');
  });
});
