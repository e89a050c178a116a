import type { Migration } from './migrations.js';
import type { Db } from './open.js';
import { foldedBrandNames } from '../brand-key-migration.js';

/**
 * Migration 21: the brand key (src/domain/brand-key.ts) beside each brand name, unique,
 * computed here in JS for the brands already stored. Shipped: never edit it.
 */
export const MIGRATION_21: Migration = {
  version: 21,
  name: 'brand key',
  sql: `
    -- NULL only between this statement and the fill below: every writer sets it
    ALTER TABLE brands ADD COLUMN name_key TEXT;
  `,
  after(db: Db): void {
    const brands = db.prepare('SELECT id, name FROM brands ORDER BY id').all() as Array<{ id: number; name: string }>;
    const update = db.prepare('UPDATE brands SET name_key = ? WHERE id = ?');
    for (const { id, key } of foldedBrandNames(brands)) update.run(key, id);
    // brands.name stays UNIQUE COLLATE NOCASE (a table constraint SQLite cannot drop): names
    // equal under NOCASE have equal keys, so this index refuses everything that one does
    db.exec('CREATE UNIQUE INDEX brands_name_key ON brands (name_key)');
  },
};
