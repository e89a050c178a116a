import type { SqlMigration } from '../sqlite/migrations.js';
import { MIGRATIONS_1_TO_6 } from './migrations-1-6.js';
import { MIGRATIONS_7_TO_12 } from './migrations-7-12.js';
import { MIGRATIONS_13_TO_18 } from './migrations-13-18.js';
import { MIGRATIONS_19_TO_20 } from './migrations-19-20.js';
import { PG_MIGRATION_21 } from './migrations-21.js';
import { PG_MIGRATION_22 } from './migrations-22.js';
import type { Tx } from './connect.js';

/** A migration as on SQLite; its JS step runs on the migrating transaction. */
export interface PgMigration extends SqlMigration {
  after?: (tx: Tx) => Promise<void>;
}

/**
 * The PostgreSQL dialect of src/store/sqlite/migrations.ts: the same versions and names,
 * recorded in the same `schema_migrations` table, so both backends are always at the
 * same schema version. Differences (both backends' answers are compared by test/store/differential.test.ts):
 * - timestamps are `timestamptz` (SQLite keeps ISO text); reads return the same ISO strings;
 * - `raw` is `json` (kept as received, validated); ids and counters are `bigint`;
 * - brand names are unique by their key (migration 21) on both; before it, through an index on lower(name) (SQLite: COLLATE NOCASE);
 * - full-text search is a generated `tsv` column with a GIN index (SQLite: an FTS5 table and triggers);
 * - mentions are partitioned by month, and `mention_keys` carries the (source, external_id)
 *   uniqueness (migration 1, in migrations-1-6.ts); foreign keys to a mention point at mention_keys(id).
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [...MIGRATIONS_1_TO_6, ...MIGRATIONS_7_TO_12, ...MIGRATIONS_13_TO_18, ...MIGRATIONS_19_TO_20, PG_MIGRATION_21, PG_MIGRATION_22];
