import { existsSync } from 'node:fs';
import { discardEmptyDatabase, openDatabaseReadOnly } from './sqlite/open.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';
import type { StoreClock } from './clock.js';

export type * from './store.js';

export interface OpenOptions {
  /**
   * For commands that only read (status, search, report, export, alert --dry-run): the
   * store must exist and be an earshot store at the current schema; it is never created,
   * migrated or written to.
   */
  readOnly?: boolean;
  /** What written rows are stamped with (first_seen, last_seen, cursors): the wall clock unless given. */
  clock?: StoreClock;
}

/** Opens the store a `--db` value names: a postgres:// URL is PostgreSQL, a file path (or `:memory:`) SQLite. */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    // loaded only when asked for: a SQLite user never pays for the driver
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(location, options);
  }
  return options.readOnly ? new SqliteStore(location, openDatabaseReadOnly(location), options.clock) : new SqliteStore(location, undefined, options.clock);
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** True when opening `location` for writing would create a new SQLite file. */
export function wouldCreateStore(location: string): boolean {
  return !isPostgresUrl(location) && location !== ':memory:' && !existsSync(location);
}

/** Removes a SQLite store that holds no mention (see discardEmptyDatabase); true if it was removed. */
export function discardEmptyStore(location: string): boolean {
  return !isPostgresUrl(location) && location !== ':memory:' && discardEmptyDatabase(location);
}
