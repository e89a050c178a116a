import { UserError } from '../errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type * from './store.js';

/** Opens the store a `--db` value names: a file path (or `:memory:`) is SQLite. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new UserError('PostgreSQL stores are not supported yet', 'use a SQLite file path for --db');
  }
  return new SqliteStore(location);
}
