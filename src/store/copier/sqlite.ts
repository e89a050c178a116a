import { COPY_TABLES, PER_KEY, type CopyBatch, type CopyProgress, type CopyRow, type CopyTable } from '../copy-tables.js';
import type { Db } from '../sqlite/open.js';
import type { Copier } from './copier.js';

/** Rows of one table in key order (rowid order: every keyed table's key is its rowid). */
export function readCopyBatch(db: Db, table: CopyTable, afterKey: number, limit: number): CopyBatch {
  const { key, columns } = COPY_TABLES[table];
  const list = columns.join(', ');
  if (key === null) return { rows: db.prepare(`SELECT ${list} FROM ${table} ORDER BY rowid`).all() as CopyRow[], lastKey: null };
  const then = PER_KEY[table];
  const rows = (then
    // whole keys (mentions, terms) per batch, so a resumed copy never misses half of one key's rows
    ? db.prepare(`SELECT ${list} FROM ${table} WHERE ${key} IN (
        SELECT DISTINCT ${key} FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?)
        ORDER BY ${key}, ${then}`).all(afterKey, limit)
    : db.prepare(`SELECT ${list} FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`).all(afterKey, limit)) as CopyRow[];
  const last = rows[rows.length - 1];
  return { rows, lastKey: last ? (last[key] as number) : null };
}

export function writeCopyBatch(db: Db, table: CopyTable, rows: CopyRow[]): void {
  const { columns } = COPY_TABLES[table];
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (${columns.join(', ')})
    VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  db.transaction(() => { for (const row of rows) insert.run(row); })();
}

export function readCopyProgress(db: Db, table: CopyTable, upToKey?: number): CopyProgress {
  const { key } = COPY_TABLES[table];
  if (key === null) return { rows: db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number, lastKey: null };
  const where = upToKey === undefined ? '' : `WHERE ${key} <= ${Math.floor(upToKey)}`;
  const row = db.prepare(`SELECT COUNT(*) AS rows, MAX(${key}) AS lastKey FROM ${table} ${where}`).get() as CopyProgress;
  return row;
}

/** `written` runs after each written batch (the store forgets the brand ids it cached). */
export function sqliteCopier(db: Db, written: () => void): Copier {
  return {
    readCopyBatch: async (table, afterKey, limit) => readCopyBatch(db, table, afterKey, limit),
    async writeCopyBatch(table, rows) {
      writeCopyBatch(db, table, rows);
      written();
    },
    copyProgress: async (table, upToKey) => readCopyProgress(db, table, upToKey),
    mentionsPostgresCannotHold: async () => db.prepare(`SELECT id FROM mentions
      WHERE typeof(created_at) <> 'text' OR created_at < '0001-01-01' OR created_at >= '9999-12-32' ORDER BY id`).pluck().all() as number[],
  };
}
