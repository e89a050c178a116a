import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { testPostgresUrl, withSchema } from './store-backends.js';

/**
 * The store backends the end-to-end CLI tests run against: SQLite always, PostgreSQL
 * when a test server answers (see store-backends.ts; without one the PostgreSQL suites
 * skip with a notice). A test gets a `--db` value for a store of its own: a file in its
 * temp folder, or a fresh schema of the test database, created by the CLI itself on
 * first use and dropped by `cleanup()`.
 */
export interface CliBackend {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A `--db` value naming a new, empty store; `name` is a file name in `dir` on SQLite. */
  fresh(dir: string, name: string): string;
  /** What the store holds, as text (the file's bytes, or every row as text), to look for leaked secrets. */
  storedText(dir: string, db: string): Promise<string>;
  /** Runs one SQL statement with positional parameters (`?` on SQLite, `$1` on PostgreSQL). */
  exec(dir: string, db: string, text: string, params?: unknown[]): Promise<void>;
  /** Drops every schema this backend handed out. */
  cleanup(): Promise<void>;
}

export async function cliBackends(): Promise<CliBackend[]> {
  return [sqliteCli(), postgresCli(await testPostgresUrl())];
}

function sqliteCli(): CliBackend {
  return {
    name: 'sqlite',
    available: true,
    fresh: (_dir, name) => name,
    async storedText(dir, db) {
      const path = join(dir, db);
      return readFileSync(path).toString('latin1') + readFileSync(`${path}-wal`, { flag: 'a+' }).toString('latin1');
    },
    async exec(dir, db, text, params = []) {
      const conn = new Database(join(dir, db));
      try {
        conn.prepare(text).run(...params);
      } finally {
        conn.close();
      }
    },
    cleanup: async () => undefined,
  };
}

function postgresCli(url: string | null): CliBackend {
  const schemas: string[] = [];
  const connect = () => postgres(url!, { max: 1, onnotice: () => undefined });
  const schemaOf = (db: string) => new URL(db).searchParams.get('schema')!;
  return {
    name: 'postgres',
    available: url !== null,
    fresh() {
      if (!url) return 'postgres://no-server-for-tests/'; // only reached while collecting a skipped suite
      const schema = `cli_${process.pid}_${randomBytes(4).toString('hex')}`;
      schemas.push(schema);
      return withSchema(url, schema);
    },
    async storedText(_dir, db) {
      const sql = connect();
      try {
        const schema = schemaOf(db);
        const tables = await sql<Array<{ name: string }>>`
          SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema}`;
        const parts: string[] = [];
        for (const { name } of tables) {
          const rows = await sql`SELECT t::text AS row FROM ${sql(schema)}.${sql(name)} t`;
          parts.push(...rows.map((r) => r.row as string));
        }
        return parts.join('\n');
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    async exec(_dir, db, text, params = []) {
      const sql = postgres(db.replace(/[?&]schema=[^&]*/, ''), {
        max: 1, onnotice: () => undefined, connection: { search_path: schemaOf(db) },
      });
      try {
        await sql.unsafe(text, params as never[]);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    async cleanup() {
      if (!url || schemas.length === 0) return;
      const sql = connect();
      try {
        for (const schema of schemas.splice(0)) await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`;
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
