import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AlertKey, AlertSentRecord, IssueStateRecord, RunLockOwner, RunLockResult } from '../store.js';
import type { Db } from './open.js';

export function readAlertsSentSince(db: Db, scope: Omit<AlertKey, 'issueKey'>, since: string): AlertSentRecord[] {
  return db.prepare(`
    SELECT target, target_name AS targetName, brand, issue_key AS issueKey, mentions, sent_at AS sentAt
    FROM alerts_sent WHERE target = ? AND brand = ? AND sent_at >= ?
    ORDER BY sent_at DESC, id DESC`).all(scope.target, scope.brand, since) as AlertSentRecord[];
}

export function writeAlertSent(db: Db, r: AlertSentRecord): void {
  db.prepare(`INSERT INTO alerts_sent (target, target_name, brand, issue_key, mentions, sent_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(r.target, r.targetName, r.brand, r.issueKey, r.mentions, r.sentAt);
}

const STATE_COLUMNS = `brand, issue_key AS issueKey, state, first_seen AS firstSeen, last_seen AS lastSeen, voices, mentions,
  peak_voices AS peakVoices, ref_voices AS refVoices, ref_at AS refAt`;

export function readIssueStates(db: Db, brand: string): IssueStateRecord[] {
  return db.prepare(`SELECT ${STATE_COLUMNS} FROM issue_states WHERE brand = ? ORDER BY id`).all(brand) as IssueStateRecord[];
}

export function writeIssueStates(db: Db, records: IssueStateRecord[], at: string): void {
  const upsert = db.prepare(`INSERT INTO issue_states
      (brand, issue_key, state, first_seen, last_seen, voices, mentions, peak_voices, ref_voices, ref_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (brand, issue_key) DO UPDATE SET state = excluded.state, first_seen = excluded.first_seen,
      last_seen = excluded.last_seen, voices = excluded.voices, mentions = excluded.mentions, peak_voices = excluded.peak_voices,
      ref_voices = excluded.ref_voices, ref_at = excluded.ref_at, updated_at = excluded.updated_at`);
  db.transaction(() => {
    for (const r of records) {
      upsert.run(r.brand, r.issueKey, r.state, r.firstSeen, r.lastSeen, r.voices, r.mentions, r.peakVoices, r.refVoices, r.refAt, at);
    }
  })();
}

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
