import { UserError } from '../errors.js';
import { COPY_ORDER, COPY_TABLES, type CopyTable } from '../store/copy-tables.js';
import type { Copier, Store } from '../store/store.js';

/** What a copy needs of a store: its copier, which backend it is and where. */
export type CopyEnd = Copier & Pick<Store, 'backend' | 'location'>;
import { CopySkips } from './copy-skips.js';

export interface MigrateStoreOptions {
  /** Rows per batch (mentions) or mentions per batch (mention_terms); each batch is one transaction. */
  batchSize?: number;
  onProgress?: (progress: { table: CopyTable; copied: number; total: number }) => void;
}

export interface CopiedTable {
  table: CopyTable;
  source: number;
  target: number;
  /** Rows this run wrote (a resumed run skips what an earlier one copied). */
  copied: number;
  /** Source rows left out because the target cannot hold them (see CopySkips); the target holds source − skipped. */
  skipped: number;
}

/**
 * Copies every table of one store into another, keeping ids, in batches keyed by the
 * source's rowid. Rerunning after an interruption resumes after the last key the
 * target holds, and the copy ends by comparing row counts table by table. The target
 * must be empty or hold an earlier, interrupted copy of this same source.
 */
export async function migrateStore(from: CopyEnd, to: CopyEnd, options: MigrateStoreOptions = {}): Promise<CopiedTable[]> {
  const batchSize = options.batchSize ?? 2000;
  const skips = await CopySkips.find(from, to);
  await checkTargetIsPrefix(from, to, skips);
  const results: CopiedTable[] = [];
  for (const table of COPY_ORDER) {
    const total = (await from.copyProgress(table)).rows;
    let after = (await to.copyProgress(table)).lastKey ?? 0;
    let copied = 0;
    for (;;) {
      const batch = await from.readCopyBatch(table, after, batchSize);
      if (batch.rows.length === 0) break;
      const kept = skips.keep(table, batch.rows);
      if (kept.length > 0) await to.writeCopyBatch(table, kept);
      copied += kept.length;
      options.onProgress?.({ table, copied, total });
      if (batch.lastKey === null) break;
      after = batch.lastKey;
    }
    results.push({ table, source: total, target: (await to.copyProgress(table)).rows, copied, skipped: skips.count(table) });
  }
  const wrong = results.filter((r) => r.source - r.skipped !== r.target);
  if (wrong.length > 0) {
    throw new UserError(
      `the copy does not match: ${wrong.map((r) => `${r.table} ${r.source} in ${from.location}, ${r.target} in ${to.location}`).join('; ')}`,
      'was either store written to during the copy? stop scans and rerun migrate-store',
    );
  }
  return results;
}

/** Every table of the target must hold exactly the source's rows up to its own last key. */
async function checkTargetIsPrefix(from: CopyEnd, to: CopyEnd, skips: CopySkips): Promise<void> {
  if (from === to || (from.backend === to.backend && from.location === to.location && from.location !== ':memory:')) {
    throw new UserError('--from and --to name the same store', 'copy into another database');
  }
  for (const table of COPY_ORDER) {
    const there = await to.copyProgress(table);
    if (there.rows === 0 || there.lastKey === null) continue;
    const here = await from.copyProgress(table, there.lastKey);
    if (here.rows - skips.count(table, there.lastKey) !== there.rows || !(await sameRow(from, to, table, there.lastKey))) {
      throw new UserError(
        `${to.location} already holds ${table} that did not come from ${from.location}`,
        'migrate into an empty database (or schema); a rerun of an interrupted copy is fine',
      );
    }
  }
}

/** Whether the target's last row is the source's row with that key (compared on the table's `match` columns). */
async function sameRow(from: CopyEnd, to: CopyEnd, table: CopyTable, key: number): Promise<boolean> {
  const [mine, theirs] = await Promise.all([from.readCopyBatch(table, key - 1, 1), to.readCopyBatch(table, key - 1, 1)]);
  // text is copied into PostgreSQL without NUL characters, which it cannot hold
  const pick = (row: Record<string, unknown> | undefined) => COPY_TABLES[table].match.map((c) => String(row?.[c]).replaceAll('\u0000', ''));
  return JSON.stringify(pick(mine.rows[0])) === JSON.stringify(pick(theirs.rows[0]));
}
