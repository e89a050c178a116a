import { MIGRATIONS_1_TO_6 } from './migrations-1-6.js';
import { MIGRATIONS_7_TO_12 } from './migrations-7-12.js';
import { MIGRATIONS_13_TO_18 } from './migrations-13-18.js';
import { MIGRATIONS_19_TO_20 } from './migrations-19-20.js';
import { MIGRATION_21 } from './migrations-21.js';
import { MIGRATION_22 } from './migrations-22.js';
import type { Db } from './open.js';

/**
 * Numbered migrations, applied in order and recorded in `schema_migrations`.
 * Users' databases outlive releases: never edit a shipped migration, add a new one (to
 * a new file named by its number, registered here).
 */
export interface SqlMigration {
  version: number;
  name: string;
  sql: string;
}

export interface Migration extends SqlMigration {
  /** A step SQL cannot do (migration 21 folds brand names in JS), run after `sql` in the same transaction. */
  after?: (db: Db) => void;
}

export const MIGRATIONS: readonly Migration[] = [...MIGRATIONS_1_TO_6, ...MIGRATIONS_7_TO_12, ...MIGRATIONS_13_TO_18, ...MIGRATIONS_19_TO_20, MIGRATION_21, MIGRATION_22];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
