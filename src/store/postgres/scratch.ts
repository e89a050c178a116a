import { randomBytes } from 'node:crypto';
import { connectPg, parsePgUrl } from './connect.js';
import { openPostgresStore, type PostgresStore } from './postgres-store.js';

/**
 * A store in a new, empty schema of the database a postgres:// URL names, for
 * benchmarks and experiments; `drop()` closes it and removes the schema and its data.
 * The schema's URL (`location` keeps the password masked) lets a CLI process use it too.
 */
export async function openScratchPostgresStore(url: string, prefix = 'scratch'): Promise<{ store: PostgresStore; url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const base = new URL(url);
  base.searchParams.set('schema', schema);
  const store = await openPostgresStore(base.toString());
  return {
    store,
    url: base.toString(),
    async drop() {
      await store.close();
      const target = parsePgUrl(url);
      const sql = connectPg({ ...target, schema: null }, 1);
      try {
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
  };
}
