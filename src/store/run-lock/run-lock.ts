/**
 * The one run lock of a store: a run that writes (scan, alert) takes it so two runs never
 * overlap. Per backend, because the mechanisms differ: SQLite claims a row in an
 * IMMEDIATE transaction and takes over a stale one (./sqlite.ts); PostgreSQL holds a
 * session advisory lock on a reserved connection, freed by the server when the process
 * dies (./postgres.ts). Both keep the `run_lock` row that says who holds it.
 */
export interface RunLock {
  /** Takes the one run lock of this database, or returns who holds it (stale locks are taken over). */
  acquireRunLock(owner: RunLockOwner, staleAfterMs: number): Promise<RunLockResult>;
  /** Keeps a held lock fresh; a long run calls it now and then. */
  heartbeatRunLock(token: string): Promise<void>;
  releaseRunLock(token: string): Promise<void>;
}

export interface RunLockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export type RunLockResult =
  | { acquired: true; token: string; tookOverFrom?: RunLockOwner }
  | { acquired: false; holder: RunLockOwner & { heartbeat: string } };
