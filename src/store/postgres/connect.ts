import postgres from 'postgres';
import { UserError } from '../../errors.js';
import { PG_MIGRATIONS, type PgMigration } from './migrations.js';

export type Sql = postgres.Sql<Record<string, never>>;
/** A client or a transaction: anything that runs queries. */
export type Tx = postgres.TransactionSql<Record<string, never>> | Sql;

export interface PgTarget {
  /** The URL without `schema=`, as the driver wants it. */
  url: string;
  /** Where earshot's tables live; `?schema=name` in the URL, else the server default (public). */
  schema: string | null;
  /** The URL with the password masked, safe to print. */
  location: string;
}

/** Splits earshot's own `schema` parameter off a postgres:// URL and masks the password. */
export function parsePgUrl(raw: string): PgTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError('the --db PostgreSQL URL is not a valid URL', 'use postgres://user@host:5432/database');
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new UserError(`schema "${schema}" is not a plain lowercase identifier`, 'use letters, digits and _ only');
  }
  const driverUrl = url.toString();
  if (url.password) url.password = '***';
  if (schema) url.searchParams.set('schema', schema);
  return { url: driverUrl, schema, location: url.toString() };
}

/**
 * One connection pool per store. bigint and numeric come back as numbers (ids and
 * counts stay far below 2^53) and timestamps as the ISO strings the SQLite side stores.
 */
export function connectPg(target: PgTarget, max = 4, options: { readOnly?: boolean } = {}): Sql {
  return postgres(target.url, {
    max,
    onnotice: () => undefined,
    connection: {
      TimeZone: 'UTC',
      application_name: 'earshot',
      // earshot's statements are short and planned on fresh, unanalysed tables, whose row
      // estimates make the planner JIT-compile them: 140 of the 183 ms of a 4,000-mention
      // analysis batch's lookup were compilation. Off for earshot's sessions only.
      jit: 'off',
      ...(target.schema ? { search_path: target.schema } : {}),
      // a read command's session: the server itself refuses any write
      ...(options.readOnly ? { default_transaction_read_only: true } : {}),
    },
    types: {
      bigint: { to: 20, from: [20, 1700], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
      timestamp: { to: 1184, from: [1184], serialize: (x: string) => x, parse: (x: string) => new Date(x).toISOString() },
    },
  }) as unknown as Sql;
}

/**
 * CREATE SCHEMA IF NOT EXISTS is not safe against itself: two processes opening the same
 * new schema at once can both pass the check, and one fails on pg_namespace's unique
 * index. A transaction-level advisory lock on the schema's name makes them take turns.
 */
async function createSchema(sql: Sql, schema: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.schema}, hashtext(${schema}))`;
    await tx.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

/** Opens the pool, creates the schema if named, and applies pending migrations. */
export async function openPg(target: PgTarget, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<Sql> {
  const sql = connectPg(target);
  try {
    if (target.schema) await createSchema(sql, target.schema);
    await assertEarshotOrEmpty(sql, target);
    await migratePg(sql, migrations);
  } catch (error) {
    await sql.end({ timeout: 1 });
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot use database ${target.location}: ${(error as Error).message}`,
      'check the URL, that the server is up, and that the user may create tables');
  }
  return sql;
}

/**
 * Opens an existing earshot store for reading only, in read-only sessions: no schema is
 * created, nothing is migrated, and a schema that is not an earshot store is refused.
 */
export async function openPgReadOnly(target: PgTarget, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<Sql> {
  const sql = connectPg(target, 4, { readOnly: true });
  try {
    await assertEarshotOrEmpty(sql, target);
    const [found] = await sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`;
    if (!found?.ok) throw new UserError(`no earshot store at ${target.location}`, 'check --db (or EARSHOT_DB); scan or import creates one');
    const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
    const current = await pgSchemaVersion(sql);
    if (current > newest) throw new UserError(`database schema version ${current} is newer than this earshot understands (${newest})`, 'upgrade earshot');
    if (current < newest) {
      throw new UserError(`database ${target.location} has schema v${current}; this earshot reads v${newest}`,
        'any command that writes (earshot analyze, scan or import) upgrades it first');
    }
  } catch (error) {
    await sql.end({ timeout: 1 });
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot use database ${target.location}: ${(error as Error).message}`, 'check the URL and that the server is up');
  }
  return sql;
}

/** Refuses a schema that holds tables but no earshot schema history (another application's). */
async function assertEarshotOrEmpty(sql: Sql, target: PgTarget): Promise<void> {
  const [row] = await sql`SELECT
    EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema()) AS tables,
    to_regclass('schema_migrations') IS NOT NULL AS earshot`;
  if (row?.tables && !row.earshot) {
    throw new UserError(`${target.location}: schema ${target.schema ?? 'public'} holds another application's tables, not an earshot store`,
      'use ?schema=earshot (or another name) to keep earshot in a schema of its own');
  }
}

/**
 * Applies every migration newer than the database's version in one transaction, under
 * an advisory lock so that two earshot processes starting at once migrate only once.
 */
export async function migratePg(sql: Sql, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number> {
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK_CLASS.migrate}, hashtext(current_schema()))`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`;
    const current = await pgSchemaVersion(tx);
    if (current > newest) {
      throw new UserError(`database schema version ${current} is newer than this earshot understands (${newest})`, 'upgrade earshot');
    }
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await tx.unsafe(migration.sql);
      await migration.after?.(tx);
      await tx`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${migration.version}, ${migration.name}, now())`;
    }
    return pgSchemaVersion(tx);
  }) as Promise<number>;
}

export async function pgSchemaVersion(sql: Tx): Promise<number> {
  const [row] = await sql`SELECT MAX(version) AS v FROM schema_migrations`;
  return (row?.v as number | null) ?? 0;
}

/** First keys of earshot's two-key advisory locks; the second key is hashed from the schema or the stream. */
export const LOCK_CLASS = { migrate: 0x6561_0001, run: 0x6561_0002, cursor: 0x6561_0003, partition: 0x6561_0004, rollup: 0x6561_0005, schema: 0x6561_0006 } as const;
