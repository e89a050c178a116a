import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../sqlite/open.js';
import type { RunLock, RunLockOwner, RunLockResult } from './run-lock.js';

type LockRow = RunLockOwner & { token: string; heartbeat: string };

/**
 * One row in `run_lock`, claimed inside an IMMEDIATE transaction so two processes
 * cannot both see it free. A lock is stale when its process is gone (same host) or
 * its heartbeat is older than `staleAfterMs` (any host: a frozen or remote run).
 */
export function claimRunLock(db: Db, owner: RunLockOwner, staleAfterMs: number, now = new Date()): RunLockResult {
  const claim = db.transaction((): RunLockResult => {
    const held = db.prepare(`SELECT token, pid, hostname, started_at AS startedAt, heartbeat
      FROM run_lock WHERE id = 1`).get() as LockRow | undefined;
    if (held && !isStale(held, staleAfterMs, now)) {
      const { token: _token, ...holder } = held;
      return { acquired: false, holder };
    }
    const token = randomUUID();
    db.prepare(`INSERT OR REPLACE INTO run_lock (id, token, pid, hostname, started_at, heartbeat)
      VALUES (1, ?, ?, ?, ?, ?)`).run(token, owner.pid, owner.hostname, owner.startedAt, now.toISOString());
    if (!held) return { acquired: true, token };
    return { acquired: true, token, tookOverFrom: { pid: held.pid, hostname: held.hostname, startedAt: held.startedAt } };
  });
  return claim.immediate();
}

function isStale(held: LockRow, staleAfterMs: number, now: Date): boolean {
  if (now.getTime() - Date.parse(held.heartbeat) > staleAfterMs) return true;
  return held.hostname === hostname() && !isProcessAlive(held.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's process
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function touchRunLock(db: Db, token: string, now = new Date()): void {
  db.prepare('UPDATE run_lock SET heartbeat = ? WHERE id = 1 AND token = ?').run(now.toISOString(), token);
}

export function deleteRunLock(db: Db, token: string): void {
  db.prepare('DELETE FROM run_lock WHERE id = 1 AND token = ?').run(token);
}

export function sqliteRunLock(db: Db): RunLock {
  return {
    acquireRunLock: async (owner, staleAfterMs) => claimRunLock(db, owner, staleAfterMs),
    heartbeatRunLock: async (token) => touchRunLock(db, token),
    // a store closed before the run let go: the row is left, and reads as a crashed run's
    releaseRunLock: async (token) => { if (db.open) deleteRunLock(db, token); },
  };
}
