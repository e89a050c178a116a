import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

// better-sqlite3 reads this once, when its addon loads on the first `new Database`: URI
// file names let a read-only open fall back to `immutable=1` (see openDatabaseReadOnly).
process.env.SQLITE_USE_URI ??= '1';

/** Opens (creating if needed) a database file with earshot's pragmas and schema. */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  refuseFolder(path);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw new UserError(`cannot open database ${path}: ${(error as Error).message}`, 'check the --db path and its folder permissions');
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // another program's SQLite file must not gain earshot's tables (nor switch to WAL)
    if (path !== ':memory:') assertEarshotOrEmpty(db, path);
    applyPragmas(db);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw asOpenError(error, path);
  }
  return db;
}

/**
 * Opens an existing earshot database for reading only: never creates the file, never
 * migrates it, never switches its journal mode, so `status` on a mistyped path or on
 * another program's file changes nothing. A file in a folder this user cannot write
 * (another user's store) cannot get the -shm file WAL readers need; it is then read as
 * an immutable snapshot, which ignores writes its owner has not checkpointed yet.
 */
export function openDatabaseReadOnly(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (path === ':memory:' || !existsSync(path)) {
    throw new UserError(`no earshot database at ${path}`, 'check --db (or EARSHOT_DB); scan or import creates one');
  }
  refuseFolder(path);
  const open = (name: string) => new Database(name, { readonly: true, fileMustExist: true });
  let db: Db | undefined;
  try {
    db = open(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    try {
      checkReadable(db, path, migrations);
    } catch (error) {
      if (!CANNOT_SHARE.has((error as { code?: string }).code ?? '')) throw error;
      db.close();
      db = open(`${pathToFileURL(resolve(path)).href}?immutable=1`);
      checkReadable(db, path, migrations);
    }
    return db;
  } catch (error) {
    db?.close();
    throw asOpenError(error, path);
  }
}

/** SQLite answers a folder with "disk I/O error" or "unable to open database file": name it. */
function refuseFolder(path: string): void {
  if (path !== ':memory:' && statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`--db ${path} is a folder, not a database file`, `name a file, e.g. --db ${join(path, 'earshot.db')}`);
  }
}

/** What SQLite answers when a WAL reader cannot create the -shm file next to the database. */
const CANNOT_SHARE = new Set(['SQLITE_READONLY_DIRECTORY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY']);

/** An earshot store at a schema this earshot reads as it is (no migration in read-only mode). */
function checkReadable(db: Db, path: string, migrations: readonly Migration[]): void {
  assertEarshotOrEmpty(db, path);
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const current = checkVersion(readVersion(db), newest);
  if (current === 0) throw new UserError(`${path} is an empty database, not an earshot store yet`, 'scan or import into it first');
  if (current < newest) {
    throw new UserError(`database ${path} has schema v${current}; this earshot reads v${newest}`,
      'any command that writes (earshot analyze, scan or import) upgrades it first');
  }
}

/** Refuses a SQLite file that holds tables but no earshot schema history. */
function assertEarshotOrEmpty(db: Db, path: string): void {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new UserError(`${path} is a SQLite database of another program, not an earshot store`, 'check --db (or EARSHOT_DB); earshot left it untouched');
  }
}

/** A one-line error for anything that went wrong while opening: a damaged or foreign file says so. */
function asOpenError(error: unknown, path: string): UserError {
  if (error instanceof UserError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new UserError(`${path} is not an earshot database (not a SQLite file, or a damaged one)`, 'check --db (or EARSHOT_DB); earshot left it untouched');
  }
  return new UserError(`cannot use database ${path}: ${(error as Error).message}`, 'check the --db path and its folder permissions');
}

export const BUSY_TIMEOUT_MS = 5000;

function applyPragmas(db: Db): void {
  // The busy timeout first: switching a new file to WAL takes a lock that a second
  // process opening the same new file must wait for, not fail on.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (db.name !== ':memory:') switchToWal(db);
  db.pragma('foreign_keys = ON');
  // WAL makes NORMAL durable against application crashes; only power loss can drop
  // the last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
}

/**
 * WAL is recorded in the file, so only a new file needs the switch. SQLite may answer
 * the switch with SQLITE_BUSY without consulting the busy handler (seen when six
 * processes open one new file and one closes it meanwhile), so it is retried here
 * within the same budget the busy timeout gives every other statement.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

/**
 * Applies every migration newer than the database's version, each in its own
 * transaction. Each one takes the write lock first (BEGIN IMMEDIATE) and re-reads the
 * version under it, so two processes opening a new database at once apply each
 * migration exactly once: the second waits, then finds nothing left to do.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const newest = sorted.reduce((max, m) => Math.max(max, m.version), 0);
  // An up-to-date database needs no write lock: readers must not queue behind a writer.
  if (checkVersion(readVersion(db), newest) >= newest) return newest;
  const record = (m: Migration) =>
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
  const applyNext = db.transaction((): boolean => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = checkVersion(schemaVersion(db), newest);
    const next = sorted.find((m) => m.version > current);
    if (!next) return false;
    db.exec(next.sql);
    next.after?.(db);
    record(next);
    return true;
  });
  while (applyNext.immediate()) { /* one migration per transaction */ }
  return schemaVersion(db);
}

function readVersion(db: Db): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  return table ? schemaVersion(db) : 0;
}

function checkVersion(current: number, newest: number): number {
  if (current > newest) {
    throw new UserError(
      `database schema version ${current} is newer than this earshot understands (${newest})`,
      'upgrade earshot',
    );
  }
  return current;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Removes a database file a failed command created, when it holds no mention: a mistyped
 * `--db` must not leave an empty store behind. Done under an exclusive lock, which fails
 * at once if another process has the file open (then it is left as it is).
 */
export function discardEmptyDatabase(path: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'mentions'").pluck().all();
    const empty = tables.length === 0 || db.prepare('SELECT NOT EXISTS (SELECT 1 FROM mentions)').pluck().get() === 1;
    if (!empty) return false;
    // unlinked while the lock is held, so no other process can have begun writing to it
    for (const name of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(name, { force: true });
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
