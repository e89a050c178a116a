import { COPY_TABLES, PER_KEY, type CopyBatch, type CopyProgress, type CopyRow, type CopyTable } from '../copy-tables.js';
import type { Db } from './open.js';

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
