import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type * from './store.js';

/** Opens the store a `--db` value names: a postgres:// URL is PostgreSQL, a file path (or `:memory:`) SQLite. */
export async function openStore(location: string): Promise<Store> {
  if (isPostgresUrl(location)) {
    // loaded only when asked for: a SQLite user never pays for the driver
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(location);
  }
  return new SqliteStore(location);
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
