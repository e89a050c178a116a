import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../src/replay/index.js';
import { openScratchPostgresStore } from '../../src/store/postgres/scratch.js';
import { BIN, makeTempDir, REPO, runCli, type CliResult } from '../support/cli.js';
import { testPostgresUrl } from '../support/store-backends.js';

/**
 * Two real `earshot scan` processes started at the same moment against one PostgreSQL
 * schema must store exactly what one uninterrupted scan stores: every (source, id) once.
 * `scan` takes no run lock (only `run` and `alert` do), so both processes do the whole
 * job — fetch, upsert, analyse — and both must exit 0.
 */
const PG_URL = await testPostgresUrl(); // null (with a visible SKIPPED notice) when no server answers
const RACES = 3;

const CONFIG = {
  brands: [{
    name: 'Kettleby Tea',
    aliases: ['Kettleby'],
    queries: { x: 'Kettleby', reddit: { query: 'Kettleby', subreddits: ['tea'] }, hackernews: 'Kettleby' },
  }],
};
const SCAN = ['scan', '--max-posts', '5000', '--format', 'json'];

const tmp = makeTempDir('earshot-pg-race-');
const drops: Array<() => Promise<void>> = [];
let server: ReplayServer | undefined;
let baseline: Awaited<ReturnType<typeof contents>> | undefined;

afterAll(async () => {
  await server?.close();
  for (const drop of drops.splice(0)) await drop().catch(() => undefined);
  tmp.cleanup();
});

/** The built binary, spawned now (not awaited), with a clean EARSHOT_* environment like runCli's. */
function start(args: string[], env: Record<string, string>): Promise<CliResult> {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('EARSHOT_') && value !== undefined) childEnv[key] = value;
  }
  Object.assign(childEnv, { NO_COLOR: '1' }, env);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: tmp.dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh, migrated schema; its URL (with ?schema=) is what the CLI gets as --db. */
async function freshSchema(): Promise<string> {
  const scratch = await openScratchPostgresStore(PG_URL!, 'race');
  await scratch.store.close(); // the schema stays; only the children connect to it
  drops.push(scratch.drop);
  return scratch.url;
}

/** Every stored (source, id) with its row count, how many mentions are analysed, and the scan cursors. */
async function contents(url: string) {
  const schema = new URL(url).searchParams.get('schema')!;
  const sql = postgres(PG_URL!, { max: 1, onnotice: () => undefined });
  try {
    const rows = await sql.unsafe<Array<{ k: string; n: string }>>(
      `SELECT source || ':' || external_id AS k, COUNT(*) AS n FROM ${schema}.mentions GROUP BY 1 ORDER BY 1`);
    const [analysed] = await sql.unsafe<Array<{ n: string }>>(`SELECT COUNT(*) AS n FROM ${schema}.analyses`);
    // by brand name: the brand's id is whichever racing scanner's INSERT committed first
    const cursors = await sql.unsafe(`SELECT c.source, b.name AS brand, c.stream, c.value FROM ${schema}.scan_cursors c
      JOIN ${schema}.brands b ON b.id = c.brand_id ORDER BY 1, 2, 3`);
    return {
      keys: rows.map((r) => r.k),
      duplicates: rows.filter((r) => Number(r.n) > 1).map((r) => r.k),
      analysed: Number(analysed!.n),
      cursors: [...cursors],
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

describe.skipIf(!PG_URL)('two `earshot scan` processes at once on one PostgreSQL schema (built binary)', () => {
  beforeAll(async () => {
    server = await startReplayServer({
      fixturesDir: join(REPO, 'fixtures/api'),
      caPath: join(tmp.dir, 'replay-ca.pem'),
      // wide rate windows: a dozen scans in a row must never wait on a 429
      rateLimits: { x: { limit: 100_000, windowSeconds: 900 }, reddit: { limit: 100_000, windowSeconds: 60 } },
    });
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify(CONFIG), { mode: 0o600 });
    const single = await freshSchema();
    const r = await runCli(['--db', single, ...SCAN], { cwd: tmp.dir, env: server.env() });
    expect(r.code, r.stderr).toBe(0);
    baseline = await contents(single);
    expect(baseline.keys.length).toBeGreaterThan(400);
    expect(baseline.analysed).toBe(baseline.keys.length);
  }, 30_000);

  it(`${RACES} races of two concurrent scans each store exactly the single scan's mentions, and both exit 0`, async () => {
    for (let race = 0; race < RACES; race++) {
      const url = await freshSchema();
      const env = server!.env();
      const [a, b] = await Promise.all([start(['--db', url, ...SCAN], env), start(['--db', url, ...SCAN], env)]);
      expect(a.code, `race ${race}, first scan: ${a.stderr}`).toBe(0);
      expect(b.code, `race ${race}, second scan: ${b.stderr}`).toBe(0);
      const got = await contents(url);
      expect(got.duplicates, `race ${race}`).toEqual([]);
      expect(got.keys, `race ${race}`).toEqual(baseline!.keys);
      expect(got.analysed, `race ${race}`).toBe(got.keys.length);
      // and the next scan resumes where a single scan's would
      expect(got.cursors, `race ${race}`).toEqual(baseline!.cursors);
      // between them the two runs inserted each mention once: the other saw it as already stored
      const inserted = [a, b].flatMap((r) => (JSON.parse(r.stdout) as { runs: Array<{ inserted: number; status: string }> }).runs);
      expect(inserted.every((run) => run.status === 'ok'), `race ${race}`).toBe(true);
      expect(inserted.reduce((sum, run) => sum + run.inserted, 0), `race ${race}`).toBe(baseline!.keys.length);
    }
  }, 60_000);
});
