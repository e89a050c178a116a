import { randomUUID } from 'node:crypto';
import type postgres from 'postgres';
import { LOCK_CLASS, type Sql } from '../postgres/connect.js';
import type { RunLock, RunLockOwner, RunLockResult } from './run-lock.js';

type Reserved = postgres.ReservedSql<Record<string, never>>;
type LockRow = RunLockOwner & { heartbeat: string };

/**
 * The run lock is a session advisory lock held by one reserved connection for the
 * whole run: if the process dies, its connection closes and the server frees the lock,
 * so a dead run never blocks the next one. The `run_lock` row says who holds it and
 * carries the heartbeat. A holder silent for `staleAfterMs` (frozen, or its host gone
 * while the server still thinks the connection is up) is taken over: its backend is
 * terminated, which frees the lock, as the SQLite store takes over a stale row.
 */
export class PgRunLock implements RunLock {
  private held: { token: string; conn: Reserved } | null = null;
  constructor(private readonly sql: Sql) {}

  async acquireRunLock(owner: RunLockOwner, staleAfterMs: number): Promise<RunLockResult> {
    const conn = (await this.sql.reserve()) as unknown as Reserved;
    try {
      const previous = await this.readHolder(conn);
      let got = await this.tryLock(conn);
      if (!got && previous && Date.now() - Date.parse(previous.heartbeat) > staleAfterMs) {
        await this.terminateHolder(conn);
        got = await this.waitLock(conn, 5_000);
      }
      if (!got) {
        conn.release();
        const holder = (await this.readHolder(this.sql)) ?? previous;
        return { acquired: false, holder: holder ?? { ...owner, heartbeat: new Date().toISOString() } };
      }
      const token = randomUUID();
      await conn`INSERT INTO run_lock (id, token, pid, hostname, started_at, heartbeat)
        VALUES (1, ${token}, ${owner.pid}, ${owner.hostname}, ${owner.startedAt}::timestamptz, now())
        ON CONFLICT (id) DO UPDATE SET token = excluded.token, pid = excluded.pid, hostname = excluded.hostname,
          started_at = excluded.started_at, heartbeat = excluded.heartbeat`;
      this.held = { token, conn };
      if (!previous) return { acquired: true, token };
      return { acquired: true, token, tookOverFrom: { pid: previous.pid, hostname: previous.hostname, startedAt: previous.startedAt } };
    } catch (error) {
      conn.release();
      throw error;
    }
  }

  async heartbeatRunLock(token: string): Promise<void> {
    await this.sql`UPDATE run_lock SET heartbeat = now() WHERE id = 1 AND token = ${token}`;
  }

  async releaseRunLock(token: string): Promise<void> {
    const held = this.held;
    if (!held || held.token !== token) return;
    this.held = null;
    try {
      await held.conn`DELETE FROM run_lock WHERE id = 1 AND token = ${token}`;
      await held.conn`SELECT pg_advisory_unlock(${LOCK_CLASS.run}, hashtext(current_schema()))`;
    } finally {
      held.conn.release();
    }
  }

  /**
   * A store closed while holding the lock (a run that did not release it) hands the
   * connection back without a query: ending the session frees the advisory lock, and
   * the row left behind reads like a crashed run's to the next one.
   */
  close(): void {
    this.held?.conn.release();
    this.held = null;
  }

  private async tryLock(conn: Reserved): Promise<boolean> {
    const [row] = await conn`SELECT pg_try_advisory_lock(${LOCK_CLASS.run}, hashtext(current_schema())) AS got`;
    return row!.got as boolean;
  }

  private async waitLock(conn: Reserved, ms: number): Promise<boolean> {
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      if (await this.tryLock(conn)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  private async readHolder(conn: Sql | Reserved): Promise<LockRow | null> {
    const [row] = await (conn as Sql)<LockRow[]>`
      SELECT pid, hostname, started_at AS "startedAt", heartbeat FROM run_lock WHERE id = 1`;
    return row ?? null;
  }

  /** Ends the server session that holds the lock (needs the same role, or pg_signal_backend). */
  private async terminateHolder(conn: Reserved): Promise<void> {
    await conn`SELECT pg_terminate_backend(l.pid) FROM pg_locks l
      WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND l.classid = ${LOCK_CLASS.run}::oid AND l.objid = hashtext(current_schema())::oid AND l.pid <> pg_backend_pid()`;
  }
}
