import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectPg, migratePg, parsePgUrl, pgSchemaVersion } from '../../src/store/postgres/connect.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir } from '../support/cli.js';
import { testPostgresUrl, withSchema } from '../support/store-backends.js';

/**
 * Migration 21 (the brand key) on stores written before it: non-ASCII and mixed-case
 * names get their keys, a config naming a brand in another case reads its cursor and
 * links to it on both backends, and two stored brands that fold to one key are refused
 * with one line, the store left as it was.
 */
const url = await testPostgresUrl();
const schemas: string[] = [];
let cleanup = () => {};
afterEach(() => cleanup());
afterAll(async () => {
  if (!url || schemas.length === 0) return;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

const BRANDS = ['Öko Tee', 'ACME', 'Straße', 'İnci'];
const V20_SQLITE = MIGRATIONS.filter((m) => m.version <= 20);
const V20_PG = PG_MIGRATIONS.filter((m) => m.version <= 20);
const mention = (id: string, brand: string): MentionInput => ({ id, source: 'x', brand, createdAt: '2026-11-19T10:00:00.000Z', text: `tee ${id}`, metrics: {} });

/** What every backend must answer after the upgrade. */
async function expectUpgraded(store: Store): Promise<void> {
  // the cursor was stored under "Öko Tee"; a config naming "öko tee" or "ÖKO TEE" reads it
  expect(await store.getCursor({ source: 'x', brand: 'öko tee', stream: 'search' })).toBe('c-1');
  expect(await store.getCursor({ source: 'x', brand: 'ÖKO TEE', stream: 'search' })).toBe('c-1');
  await store.upsertMentions([mention('2', 'öko tee'), mention('3', 'STRASSE'), mention('4', 'acme'), mention('5', 'İNCI')]);
  // one brand each, first spelling kept, listed in key code point order (acme, i̇nci, strasse, öko tee)
  expect(await store.storedBrands()).toEqual(['ACME', 'İnci', 'Straße', 'Öko Tee']);
  expect((await store.status()).rows.map((r) => [r.brand, r.mentions])).toEqual([['ACME', 1], ['İnci', 1], ['Straße', 1], ['Öko Tee', 2]]);
}

describe('migration 21 on SQLite', () => {
  it('gives stored brands their keys; other spellings then find them', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v20.db');
    const old = openDatabase(path, V20_SQLITE);
    for (const name of BRANDS) old.prepare("INSERT INTO brands (name, created_at) VALUES (?, '2026-01-01T00:00:00.000Z')").run(name);
    old.prepare("INSERT INTO scan_cursors (source, brand_id, stream, value, updated_at) VALUES ('x', 1, 'search', 'c-1', 'a')").run();
    old.prepare(`INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES ('x', '1', 1, '2026-11-19T09:00:00.000Z', 'tee 1', 'a', 'a')`).run();
    old.prepare('INSERT INTO mention_brands (brand_id, mention_id, hour) VALUES (1, 1, 491361)').run();
    old.close();
    const store = new SqliteStore(path);
    expect(store.db.prepare('SELECT name, name_key FROM brands ORDER BY id').all()).toEqual([
      { name: 'Öko Tee', name_key: 'öko tee' }, { name: 'ACME', name_key: 'acme' },
      { name: 'Straße', name_key: 'strasse' }, { name: 'İnci', name_key: 'i\u0307nci' }]);
    await expectUpgraded(store);
    await store.close();
  });

  it('refuses, in one line, two stored brands that fold to one key, and leaves the store as it was', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'twins.db');
    const old = openDatabase(path, V20_SQLITE);
    // NOCASE (ASCII only) let both in before the key
    old.exec(`INSERT INTO brands (name, created_at) VALUES ('Öko Tee', 'a'), ('öko tee', 'b');
      INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen)
        VALUES ('x', '1', 1, '2026-11-19T09:00:00.000Z', 'one', 'a', 'a'), ('x', '2', 2, '2026-11-19T09:00:00.000Z', 'two', 'a', 'a');`);
    old.close();
    let message = '';
    try {
      new SqliteStore(path);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('cannot upgrade the store: brands "Öko Tee" (id 1) and "öko tee" (id 2) are one brand by the new brand key, '
      + 'and earshot will not merge them silently; the store is unchanged');
    const after = openDatabase(path, V20_SQLITE);
    expect(schemaVersion(after)).toBe(20);
    expect(after.prepare('SELECT name FROM brands ORDER BY id').pluck().all()).toEqual(['Öko Tee', 'öko tee']);
    expect(after.prepare('SELECT COUNT(*) FROM mentions').pluck().get()).toBe(2);
    expect(after.prepare("SELECT name FROM pragma_table_info('brands')").pluck().all()).not.toContain('name_key');
    after.close();
  });
});

describe.skipIf(!url)('migration 21 on PostgreSQL', () => {
  async function v20(): Promise<{ sql: ReturnType<typeof connectPg>; location: string }> {
    const schema = `t_bkey_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    const location = withSchema(url!, schema);
    const target = parsePgUrl(location);
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${schema}`);
    expect(await migratePg(sql, V20_PG)).toBe(20);
    return { sql, location };
  }

  it('gives stored brands their keys and drops the lower(name) index; other spellings then find them', async () => {
    const { sql, location } = await v20();
    for (const name of BRANDS) await sql`INSERT INTO brands (name, created_at) VALUES (${name}, now())`;
    await sql`INSERT INTO scan_cursors (source, brand_id, stream, value, updated_at) VALUES ('x', 1, 'search', 'c-1', now())`;
    await sql`CREATE TABLE mentions_p2026_11 PARTITION OF mentions FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')`;
    await sql`INSERT INTO mention_keys (id, source, external_id, created_at) VALUES (1, 'x', '1', '2026-11-19T09:00:00.000Z')`;
    await sql`INSERT INTO mentions (id, source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES (1, 'x', '1', 1, '2026-11-19T09:00:00.000Z', 'tee 1', now(), now())`;
    await sql`INSERT INTO mention_brands (brand_id, mention_id, hour) VALUES (1, 1, 491361)`;
    await sql`SELECT setval(pg_get_serial_sequence('mention_keys', 'id'), 1)`;
    await sql.end();
    const store = await openPostgresStore(location);
    expect([...await store.sql`SELECT name, name_key FROM brands ORDER BY id`]).toEqual([
      { name: 'Öko Tee', name_key: 'öko tee' }, { name: 'ACME', name_key: 'acme' },
      { name: 'Straße', name_key: 'strasse' }, { name: 'İnci', name_key: 'i\u0307nci' }]);
    expect((await store.sql`SELECT indexname FROM pg_indexes WHERE tablename = 'brands' AND schemaname = current_schema() ORDER BY 1`)
      .map((r) => r.indexname)).toEqual(['brands_name_key', 'brands_pkey']);
    await expectUpgraded(store);
    await store.close();
  });

  it('refuses, in one line, two stored brands that fold to one key, and leaves the store as it was', async () => {
    const { sql } = await v20();
    // lower() lets both in: it does not fold ß to ss
    await sql`INSERT INTO brands (name, created_at) VALUES ('Straße', now()), ('STRASSE', now())`;
    await expect(migratePg(sql)).rejects.toThrow(
      'cannot upgrade the store: brands "Straße" (id 1) and "STRASSE" (id 2) are one brand by the new brand key, '
      + 'and earshot will not merge them silently; the store is unchanged');
    expect(await pgSchemaVersion(sql)).toBe(20);
    expect((await sql`SELECT name FROM brands ORDER BY id`).map((r) => r.name)).toEqual(['Straße', 'STRASSE']);
    expect((await sql`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'brands'`)
      .map((r) => r.column_name)).not.toContain('name_key');
    await sql.end();
  });
});
