import { COPY_TABLES, PER_KEY, type CopyBatch, type CopyProgress, type CopyRow, type CopyTable } from '../copy-tables.js';
import type { Sql } from '../postgres/connect.js';
import { clean, type MentionPartitions } from '../postgres/mention-writes.js';
import type { Copier } from './copier.js';

/** Tables whose ids come from an identity column, bumped past copied ids after each batch. */
const IDENTITY: Partial<Record<CopyTable, string>> = {
  brands: 'brands', terms: 'terms', mentions: 'mention_keys', scan_runs: 'scan_runs', alerts_sent: 'alerts_sent', adapted_models: 'adapted_models', issue_states: 'issue_states',
  mention_alerts_sent: 'mention_alerts_sent', digests_sent: 'digests_sent',
};

/** raw is read as text, exactly as stored; everything else as the driver returns it. */
function selectList(table: CopyTable): string {
  return COPY_TABLES[table].columns.map((c) => (c === 'raw' ? 'raw::text AS raw' : c)).join(', ');
}

export async function readCopyBatch(sql: Sql, table: CopyTable, afterKey: number, limit: number): Promise<CopyBatch> {
  const { key } = COPY_TABLES[table];
  const list = selectList(table);
  if (key === null) return { rows: [...await sql.unsafe<CopyRow[]>(`SELECT ${list} FROM ${table} ORDER BY 1, 2, 3`)], lastKey: null };
  const then = PER_KEY[table];
  const rows = then
    // whole keys (mentions, terms) per batch, so a resumed copy never misses half of one key's rows;
    // text in byte order, as SQLite orders it, so both sides agree on a key's first row
    ? await sql.unsafe<CopyRow[]>(`SELECT ${list} FROM ${table} WHERE ${key} IN (
        SELECT DISTINCT ${key} FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT $2)
        ORDER BY ${key}, ${then}${then === 'form' ? ' COLLATE "C"' : ''}`, [afterKey, limit])
    : await sql.unsafe<CopyRow[]>(`SELECT ${list} FROM ${table} WHERE ${key} > $1 ORDER BY ${key} LIMIT $2`, [afterKey, limit]);
  const last = rows[rows.length - 1];
  return { rows: [...rows], lastKey: last ? (last[key] as number) : null };
}

/** One transaction per batch; ON CONFLICT DO NOTHING makes a rerun of the same batch harmless. */
export async function writeCopyBatch(sql: Sql, partitions: MentionPartitions, table: CopyTable, given: CopyRow[]): Promise<void> {
  if (given.length === 0) return;
  // the rule every write path follows: PostgreSQL text cannot hold NUL, so it is dropped (see clean)
  const rows = given.map(withoutNul);
  const { columns } = COPY_TABLES[table];
  if (table === 'mentions') await partitions.ensure(rows.map((r) => String(r.created_at)));
  const chunk = Math.floor(30_000 / columns.length);
  await sql.begin(async (tx) => {
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      if (table === 'mentions') {
        const keys = part.map((r) => ({ id: r.id, source: r.source, external_id: r.external_id, created_at: r.created_at }));
        await tx`INSERT INTO mention_keys ${tx(keys)} ON CONFLICT DO NOTHING`;
      }
      await tx`INSERT INTO ${tx(table)} ${tx(part, ...columns)} ON CONFLICT DO NOTHING`;
    }
    const identity = IDENTITY[table];
    if (identity) {
      await tx.unsafe(`SELECT setval(pg_get_serial_sequence('${identity}', 'id'),
        GREATEST((SELECT MAX(id) FROM ${identity}), (SELECT last_value FROM ${identitySequence(identity)})))`);
    }
  });
}

function withoutNul(row: CopyRow): CopyRow {
  let copy: CopyRow | null = null;
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.includes('\u0000')) (copy ??= { ...row })[column] = clean(value);
  }
  return copy ?? row;
}

function identitySequence(table: string): string {
  return `${table}_id_seq`;
}

export async function readCopyProgress(sql: Sql, table: CopyTable, upToKey?: number): Promise<CopyProgress> {
  const { key } = COPY_TABLES[table];
  if (key === null) {
    const [row] = await sql.unsafe(`SELECT COUNT(*) AS rows FROM ${table}`);
    return { rows: row!.rows as number, lastKey: null };
  }
  const where = upToKey === undefined ? '' : `WHERE ${key} <= ${Math.floor(upToKey)}`;
  const [row] = await sql.unsafe(`SELECT COUNT(*) AS rows, MAX(${key}) AS "lastKey" FROM ${table} ${where}`);
  return { rows: row!.rows as number, lastKey: (row!.lastKey as number | null) ?? null };
}

/** `written` runs after each written batch (copied brands and terms may own names the store cached under other ids). */
export function pgCopier(sql: Sql, partitions: MentionPartitions, written: () => void): Copier {
  return {
    readCopyBatch: (table, afterKey, limit) => readCopyBatch(sql, table, afterKey, limit),
    async writeCopyBatch(table, rows) {
      await writeCopyBatch(sql, partitions, table, rows);
      written();
    },
    copyProgress: (table, upToKey) => readCopyProgress(sql, table, upToKey),
    // PostgreSQL holds every date it stored
    mentionsPostgresCannotHold: async () => [],
  };
}
