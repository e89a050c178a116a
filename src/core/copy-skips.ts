import { COPY_TABLES, type CopyRow, type CopyTable } from '../store/copy-tables.js';
import type { CopyEnd } from './migrate-store.js';

/**
 * The mentions a copy leaves out because the target cannot hold them (a year-0000 date
 * that older versions let into SQLite cannot go into PostgreSQL), and every row hanging
 * off them. Worked out from the source on every run, so a rerun skips the same rows,
 * and the counts compared at the end (and before resuming) leave them out on both sides.
 */
export class CopySkips {
  private constructor(
    readonly mentionIds: ReadonlySet<number>,
    /** Per table, the keys of the skipped source rows (a mention's id for per-mention tables), one entry per row. */
    private readonly keys: Map<CopyTable, number[]>,
  ) {}

  static async find(from: CopyEnd, to: CopyEnd): Promise<CopySkips> {
    const ids = to.backend === 'postgres' ? await from.mentionsPostgresCannotHold() : [];
    const keys = new Map<CopyTable, number[]>();
    if (ids.length === 0) return new CopySkips(new Set(), keys);
    keys.set('mentions', ids);
    for (const table of Object.keys(COPY_TABLES) as CopyTable[]) {
      if (!(COPY_TABLES[table].columns as readonly string[]).includes('mention_id')) continue;
      const rows: number[] = [];
      for (const id of ids) {
        const batch = await from.readCopyBatch(table, id - 1, 1);
        for (const row of batch.rows) if (row.mention_id === id) rows.push(id);
      }
      keys.set(table, rows);
    }
    return new CopySkips(new Set(ids), keys);
  }

  get any(): boolean {
    return this.mentionIds.size > 0;
  }

  /** Rows of `table` skipped, all or only those with keys up to `upToKey`. */
  count(table: CopyTable, upToKey?: number): number {
    const keys = this.keys.get(table) ?? [];
    return upToKey === undefined ? keys.length : keys.filter((key) => key <= upToKey).length;
  }

  /** The batch without the skipped mentions' rows. */
  keep(table: CopyTable, rows: CopyRow[]): CopyRow[] {
    if (!this.any) return rows;
    const column = table === 'mentions' ? 'id' : (COPY_TABLES[table].columns as readonly string[]).includes('mention_id') ? 'mention_id' : null;
    return column ? rows.filter((row) => !this.mentionIds.has(row[column] as number)) : rows;
  }
}
