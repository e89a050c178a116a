import type { PgMigration } from './migrations.js';
import type { Tx } from './connect.js';
import { foldedBrandNames } from '../brand-key-migration.js';

/** The PostgreSQL dialect of src/store/sqlite/migrations-21.ts (the brand key). Shipped: never edit it. */
export const PG_MIGRATION_21: PgMigration = {
  version: 21,
  name: 'brand key',
  sql: `ALTER TABLE brands ADD COLUMN name_key text;`,
  async after(tx: Tx): Promise<void> {
    const brands = await tx<Array<{ id: number; name: string }>>`SELECT id, name FROM brands ORDER BY id`;
    const keys = foldedBrandNames(brands);
    if (keys.length > 0) {
      await tx`UPDATE brands b SET name_key = k.key
        FROM unnest(${keys.map((k) => k.id)}::bigint[], ${keys.map((k) => k.key)}::text[]) AS k(id, key) WHERE b.id = k.id`;
    }
    // the key replaces lower(name), whose folding depends on the database's locale
    await tx.unsafe(`
      ALTER TABLE brands ALTER COLUMN name_key SET NOT NULL;
      CREATE UNIQUE INDEX brands_name_key ON brands (name_key);
      DROP INDEX brands_name;`);
  },
};
