import type { CopyBatch, CopyProgress, CopyRow, CopyTable } from '../copy-tables.js';

/**
 * Bulk copy between stores (`earshot migrate-store`), table by table in key order, rows
 * keeping their ids (src/store/copy-tables.ts lists the tables and columns). Per backend
 * (./sqlite.ts, ./postgres.ts): SQLite inserts row by row in one transaction; PostgreSQL
 * inserts in bulk, creates the month partitions the rows need and bumps identity columns
 * past the copied ids.
 */
export interface Copier {
  /** Bulk copy (earshot migrate-store): rows of one table in key order after `afterKey`. */
  readCopyBatch(table: CopyTable, afterKey: number, limit: number): Promise<CopyBatch>;
  /** Writes copied rows keeping their ids, in one transaction; rows already there are left alone. */
  writeCopyBatch(table: CopyTable, rows: CopyRow[]): Promise<void>;
  /** How many rows a table holds (only keys up to `upToKey`, when given) and its largest key. */
  copyProgress(table: CopyTable, upToKey?: number): Promise<CopyProgress>;
  /**
   * Ids of mentions whose date PostgreSQL cannot hold (year 0000 or before, past 9999,
   * or not a date), which older versions let into SQLite: a copy into PostgreSQL skips
   * them and says so. Always empty on PostgreSQL.
   */
  mentionsPostgresCannotHold(): Promise<number[]>;
}
