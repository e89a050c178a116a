import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, REPO, runCli } from '../support/cli.js';

const tmp = makeTempDir('earshot-lock-');
const HOLDER = join(tmp.dir, 'holder.mjs');
const children: ChildProcess[] = [];
const backends = await cliBackends();
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

beforeAll(async () => {
  // a second process using the real store lock: holds it until its stdin ends (released or
  // killed), then exits 0 (75 when locked): no test waits on a clock
  writeFileSync(HOLDER, `
    import { openStore } from ${JSON.stringify(join(REPO, 'dist/store/index.js'))};
    import { withRunLock } from ${JSON.stringify(join(REPO, 'dist/core/run-lock.js'))};
    const store = await openStore(process.argv[2]);
    try {
      await withRunLock(store, async () => {
        process.stdout.write('acquired\\n');
        await new Promise((r) => { process.stdin.on('data', () => undefined); process.stdin.once('end', r); });
      });
    } catch (error) {
      process.stderr.write(error.message + '\\n');
      process.exitCode = error.exitCode ?? 1;
    }
    await store.close();
  `);
  writeFileSync(join(tmp.dir, 'earshot.config.json'), '{}');
});

interface Holder { child: ChildProcess; acquired: Promise<boolean>; exit: Promise<number>; release: () => void }

function startHolder(db: string): Holder {
  const child = spawn(process.execPath, [HOLDER, db], { cwd: tmp.dir, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const acquired = new Promise<boolean>((resolve) => {
    child.stdout!.on('data', (d) => { out += d; if (out.includes('acquired')) resolve(true); });
    child.on('exit', () => resolve(false));
  });
  const exit = once(child, 'exit').then(([code]) => code as number);
  return { child, acquired, exit, release: () => child.stdin!.end() };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const backend of backends) describe.skipIf(!backend.available)(`one run per database on ${backend.name} (two real processes)`, () => {
  const [a, b, c] = ['a', 'b', 'c'].map((name) => backend.fresh(tmp.dir, `${backend.name}-${name}.db`)) as [string, string, string];

  it('a second overlapping run exits 75 at once with a clear message; the first one finishes', async () => {
    await runCli(['--db', a, 'status'], { cwd: tmp.dir });
    const holder = startHolder(a);
    expect(await holder.acquired).toBe(true);
    // the holder keeps the lock until released: a second run that waited for it would never return
    const second = await runCli(['--db', a, 'run', '--no-scan', '--quiet'], { cwd: tmp.dir });
    expect(second.code).toBe(75);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^earshot: another earshot run holds ${escape(a)} \\(pid ${holder.child.pid} on ${hostname()}, started .+\\) — this run did nothing`));
    expect(holder.child.exitCode).toBeNull();
    holder.release();
    expect(await holder.exit).toBe(0);
    const after = await runCli(['--db', a, 'run', '--no-scan', '--quiet'], { cwd: tmp.dir });
    expect(after.code, after.stderr).toBe(0);
  }, 30_000);

  it('of two processes started together exactly one gets the lock', async () => {
    // the database exists first: this test is about the lock, not about two first-time migrations
    await runCli(['--db', b, 'status'], { cwd: tmp.dir });
    const [first, second] = [startHolder(b), startHolder(b)];
    // both hold until released: the one that lost exits 75 by itself, then the winner is let go
    expect(await Promise.race([first.exit, second.exit])).toBe(75);
    first.release();
    second.release();
    const codes = (await Promise.all([first.exit, second.exit])).sort();
    expect(codes).toEqual([0, 75]);
  }, 30_000);

  it('takes over the lock of a killed run, and a lock whose heartbeat went silent', async () => {
    await runCli(['--db', c, 'status'], { cwd: tmp.dir });
    const holder = startHolder(c);
    expect(await holder.acquired).toBe(true);
    holder.child.kill('SIGKILL');
    await holder.exit;
    const taken = await runCli(['--db', c, 'run', '--no-scan'], { cwd: tmp.dir });
    expect(taken.code, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`took over a stale run lock from pid ${holder.child.pid}`);

    const old = new Date(Date.now() - 20 * 60_000).toISOString();
    let frozen: ReturnType<typeof startHolder> | undefined;
    if (backend.name === 'sqlite') {
      // the SQLite lock is the row itself: a row with an old heartbeat is a run gone silent
      await backend.exec(tmp.dir, c, 'INSERT INTO run_lock (id, token, pid, hostname, started_at, heartbeat) VALUES (1, ?, ?, ?, ?, ?)',
        ['t', 1, 'other-host', old, old]);
    } else {
      // on PostgreSQL the lock is a live session's advisory lock: a holder still connected but silent
      frozen = startHolder(c);
      expect(await frozen.acquired).toBe(true);
      await backend.exec(tmp.dir, c, 'UPDATE run_lock SET heartbeat = $1', [old]);
    }
    const fresh = await runCli(['--db', c, 'run', '--no-scan', '--stale-after', '30m'], { cwd: tmp.dir });
    expect(fresh.code).toBe(75);
    const stale = await runCli(['--db', c, 'run', '--no-scan', '--quiet', '--stale-after', '10m'], { cwd: tmp.dir });
    expect(stale.code, stale.stderr).toBe(0);
    expect(stale.stdout + stale.stderr).toBe('');
    frozen?.child.kill('SIGKILL'); // its session was ended, so it no longer holds anything
  }, 30_000);
});
