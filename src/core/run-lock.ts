import { hostname } from 'node:os';
import { LockedError } from '../errors.js';
import type { RunLock, RunLockOwner } from '../store/store.js';

export interface RunLockOptions {
  /** A lock whose heartbeat is older than this is taken over (a frozen run, or one on another host). */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Told when a stale lock from a dead run is taken over. */
  onTakeover?: (previous: RunLockOwner) => void;
}

export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/**
 * Runs `work` holding the database's run lock, so overlapping cron runs never scan or
 * alert twice. A second run fails at once with LockedError (exit 75); a lock left by a
 * killed run (its process gone, or no heartbeat for `staleAfterMs`) is taken over.
 */
export async function withRunLock<T>(store: RunLock & { readonly location: string }, work: () => Promise<T>, options: RunLockOptions = {}): Promise<T> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const owner: RunLockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const result = await store.acquireRunLock(owner, staleAfterMs);
  if (!result.acquired) {
    const { holder } = result;
    throw new LockedError(
      `another earshot run holds ${store.location} (pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt})`,
      `this run did nothing; the lock is taken over once that run is gone or silent for ${Math.round(staleAfterMs / 60_000)} min`,
    );
  }
  if (result.tookOverFrom) options.onTakeover?.(result.tookOverFrom);
  const beat = setInterval(() => { void store.heartbeatRunLock(result.token).catch(() => undefined); }, options.heartbeatMs ?? Math.min(60_000, staleAfterMs / 3));
  beat.unref();
  try {
    return await work();
  } finally {
    clearInterval(beat);
    await store.releaseRunLock(result.token);
  }
}
