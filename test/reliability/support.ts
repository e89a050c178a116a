import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReplayServer, type ReplayServer, type ReplayServerOptions } from '../../src/replay/index.js';
import { BIN, cliEnv, REPO } from '../support/cli.js';

export const API_FIXTURES = join(REPO, 'fixtures/api');

/**
 * The brand of fixtures/api/, as a user would configure it: every source, feeds through
 * the Google News search (its host comes from the environment, as feed URLs cannot).
 */
export const KETTLEBY = {
  name: 'Kettleby Tea', aliases: ['Kettleby'],
  queries: { reddit: { subreddits: ['tea'] }, rss: { news: 'Kettleby' }, appstore: { apps: ['1600000001'], countries: ['gb'] } },
};

/** A replay server with rate windows wide enough for dozens of scans in a row. */
export function startApiServer(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  return startReplayServer({
    fixturesDir: API_FIXTURES,
    rateLimits: { x: { limit: 100_000, windowSeconds: 900 }, reddit: { limit: 100_000, windowSeconds: 60 }, bluesky: { limit: 100_000, windowSeconds: 300 } },
    ...options,
  });
}

export function writeConfig(dir: string, config: object = { brands: [KETTLEBY] }, name = 'earshot.config.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(config), { mode: 0o600 });
  return path;
}

export interface Spawned {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the built binary without waiting, so a test can kill it; env like runCli's. */
export function spawnCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Spawned {
  const env = cliEnv(options.env);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => { stdout += d; });
  child.stderr!.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export interface DbState {
  ids: string[];
  mentions: number;
  analysed: number;
  integrity: string;
}

/** The stored (source, id) pairs, sorted, and how many of them are analysed. */
export function readDb(path: string): DbState {
  // a process killed before it opened the database leaves no file: nothing stored
  if (!existsSync(path)) return { ids: [], mentions: 0, analysed: 0, integrity: 'ok' };
  const db = new Database(path, { readonly: true });
  try {
    const created = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'analyses'").get();
    if (!created) return { ids: [], mentions: 0, analysed: 0, integrity: db.pragma('integrity_check', { simple: true }) as string };
    const ids = (db.prepare('SELECT source, external_id FROM mentions ORDER BY source, external_id').all() as Array<{ source: string; external_id: string }>)
      .map((r) => `${r.source}:${r.external_id}`);
    const analysed = (db.prepare('SELECT COUNT(*) AS n FROM analyses').get() as { n: number }).n;
    const integrity = (db.pragma('integrity_check', { simple: true }) as string);
    return { ids, mentions: ids.length, analysed, integrity };
  } finally {
    db.close();
  }
}

/** A seeded generator (mulberry32), so a failing kill point can be replayed from its seed. */
export { seededRandom } from '../../src/analysis/seeded-random.js';

/** Resolves once `path` exists, or when `until` settles first. */
export async function waitForFile(path: string, until: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void until.then(() => { finished = true; });
  while (!finished) {
    if (existsSync(path)) return true;
    await sleep(5);
  }
  return false;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the server has logged `count` requests (polls; the server runs in this process). */
export async function waitForRequests(server: ReplayServer, count: number, until: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void until.then(() => { finished = true; });
  while (!finished) {
    if (server.requests.length >= count) return true;
    await sleep(2);
  }
  return false;
}
