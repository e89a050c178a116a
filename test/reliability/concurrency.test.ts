import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { makeTempDir, REPO, runCli, TEST_NOW, type CliResult } from '../support/cli.js';
import { recordFigures } from './figures.js';
import { readDb, spawnCli, startApiServer, writeConfig } from './support.js';

const tmp = makeTempDir('earshot-concurrency-');
let server: ReplayServer;
let overlapping = 0;
let reads = 0;

afterAll(async () => {
  await server?.close();
  tmp.cleanup();
  recordFigures('concurrency', {}, `${overlapping} overlapping run pairs, ${reads} reads during writes`);
});

beforeAll(async () => {
  server = await startApiServer();
  writeConfig(tmp.dir);
  const out = createWriteStream(join(tmp.dir, 'acme.jsonl'));
  for (let i = 0; i < 12_000; i++) {
    const row = { id: `a${i}`, source: 'x', created_at: new Date(TEST_NOW - (i % 300) * 600_000).toISOString(), text: `acme kettle number ${i} leaks`, author: `u${i % 97}` };
    if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
});

/** Starts a node script; it reports "ready" on stdout, then waits for a line on stdin before it goes on. */
function startNode(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { ready, done, go: () => child.stdin.end('go\n') };
}

describe('concurrency on one database (built binary)', () => {
  it('two `earshot run` started together on a brand-new database: one runs, the other exits 75; the schema is migrated once', async () => {
    for (let round = 0; round < 2; round++) {
      const db = `new-${round}.db`;
      // slow pages keep the winner busy while the loser looks at the lock
      server.setFaults([{ kind: 'slow', delayMs: 150, times: Infinity }]);
      const env = { ...server.env(), EARSHOT_ALERT_RETRY_DELAY_MS: '5' };
      const [a, b] = [spawnCli(['--db', db, 'run', '--no-alert'], { cwd: tmp.dir, env }), spawnCli(['--db', db, 'run', '--no-alert'], { cwd: tmp.dir, env })];
      const results = await Promise.all([a.done, b.done]);
      server.setFaults([]);
      expect(results.map((r) => r.code).sort(), results.map((r) => r.stderr).join('\n')).toEqual([0, 75]);
      const loser = results.find((r) => r.code === 75)!;
      expect(loser.stderr).toMatch(/^earshot: another earshot run holds .+ — .+\n$/);
      const check = new Database(join(tmp.dir, db), { readonly: true });
      const versions = check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      check.close();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      expect(readDb(join(tmp.dir, db)).integrity).toBe('ok');
      overlapping++;
    }
  }, 90_000);

  it('six processes opening one brand-new database at the same instant all succeed; each migration is applied once', async () => {
    // `earshot run` pays ~1 s of start-up jitter; a barrier lines the opens up instead:
    // each process loads the store code, says it is ready, and opens once told to go
    const opener = join(tmp.dir, 'open.mjs');
    writeFileSync(opener, `
      import { once } from 'node:events';
      import { SqliteStore } from ${JSON.stringify(join(REPO, 'dist/store/sqlite/sqlite-store.js'))};
      process.stdout.write('ready\\n');
      await once(process.stdin, 'data');
      try { await (new SqliteStore(process.argv[2])).close(); } catch (error) { process.stderr.write(error.message); process.exitCode = 1; }
    `);
    for (let round = 0; round < 3; round++) {
      const db = join(tmp.dir, `race-${round}.db`);
      const openers = Array.from({ length: 6 }, () => startNode(opener, [db]));
      await Promise.all(openers.map((o) => o.ready));
      for (const o of openers) o.go();
      const results = await Promise.all(openers.map((o) => o.done));
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      const check = new Database(db, { readonly: true });
      expect(check.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
      check.close();
    }
  }, 60_000);

  it('report, export and status read while a scan and an import write (WAL): no errors, no torn results', async () => {
    const db = 'busy.db';
    // one stored mention first: a report on a brand with none is (rightly) an error
    writeFileSync(join(tmp.dir, 'seed.jsonl'), `${JSON.stringify({ id: 'seed', source: 'x', created_at: new Date(TEST_NOW).toISOString(), text: 'acme seed' })}\n`);
    const seeded = await runCli(['--db', db, 'import', 'seed.jsonl', '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
    expect(seeded.code, seeded.stderr).toBe(0);
    server.setFaults([{ kind: 'slow', delayMs: 100, times: Infinity }]);
    const scan = spawnCli(['--db', db, 'scan'], { cwd: tmp.dir, env: server.env() });
    const load = spawnCli(['--db', db, 'import', 'acme.jsonl', '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
    let writing = true;
    const writers = Promise.all([scan.done, load.done]).finally(() => { writing = false; });
    const results: Array<{ kind: string; result: CliResult }> = [];
    const readLoop = async (kind: string, args: string[]) => {
      while (writing) results.push({ kind, result: await runCli(['--db', db, ...args], { cwd: tmp.dir }) });
    };
    await Promise.all([
      readLoop('export', ['export', '--format', 'jsonl', '--brand', 'Acme']),
      readLoop('report', ['report', '--brand', 'Acme', '--format', 'json']),
      readLoop('status', ['status', '--format', 'json']),
    ]);
    const [scanned, imported] = await writers;
    server.setFaults([]);
    expect(scanned.code, scanned.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(results.length).toBeGreaterThanOrEqual(3); // every reader ran at least once during the writes
    for (const { kind, result } of results) {
      expect(result.code, `${kind}: ${result.stderr}`).toBe(0);
      // a report read mid-write may rightly say its window is not fully analysed yet (issue 27's
      // data warnings): that one line, and nothing else, is allowed on stderr
      const allowed = kind === 'report' ? /^(earshot: warning: data incomplete: \d+ warning\(s\), listed in the output\n)?$/ : /^$/;
      expect(result.stderr, kind).toMatch(allowed);
      if (kind === 'export') {
        const ids = result.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id).filter((id) => id !== 'seed');
        expect(new Set(ids).size).toBe(ids.length);
        // the import commits batches of 1000: a reader sees whole batches or none
        expect(ids.length % 1000, `export saw a torn batch: ${ids.length} rows`).toBe(0);
      } else {
        expect(() => JSON.parse(result.stdout), kind).not.toThrow();
      }
    }
    reads += results.length;
    const final = readDb(join(tmp.dir, db));
    expect(final.ids.filter((id) => id.startsWith('x:a')).length).toBe(12_000);
  }, 90_000);
});
