import Database from 'better-sqlite3';
import { UserError } from '../../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Db = Database.Database;

/** Opens (creating if needed) a database file with earshot's pragmas and schema. */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw new UserError(`cannot open database ${path}: ${(error as Error).message}`, 'check the --db path and its folder permissions');
  }
  try {
    applyPragmas(db);
    migrate(db, migrations);
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot use database ${path}: ${(error as Error).message}`, 'is it an earshot database?');
  }
  return db;
}

function applyPragmas(db: Db): void {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable against application crashes; only power loss can drop
  // the last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
}

/** Applies every migration newer than the database's version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new UserError(
      `database schema version ${current} is newer than this earshot understands (${newest})`,
      'upgrade earshot',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  return schemaVersion(db);
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}
