import { MIGRATIONS_1_TO_6 } from './migrations-1-6.js';
import { MIGRATIONS_7_TO_12 } from './migrations-7-12.js';
import { MIGRATIONS_13_TO_18 } from './migrations-13-18.js';
import { MIGRATION_22 } from './migrations-22.js';

/**
 * Numbered migrations, applied in order and recorded in `schema_migrations`.
 * Users' databases outlive releases: never edit a shipped migration, add a new one (to
 * the newest of the numbered files).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [...MIGRATIONS_1_TO_6, ...MIGRATIONS_7_TO_12, ...MIGRATIONS_13_TO_18, MIGRATION_22];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
