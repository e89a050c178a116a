/**
 * Whether a write failed because of the rows it carried (a value the store cannot hold:
 * a raw payload nested too deep to serialise, a non-text value where text goes, a date
 * or character PostgreSQL refuses) rather than because of the store (disk, lock,
 * connection). Only the first kind is worth retrying row by row.
 */
export function isRowLevelStoreError(error: unknown): boolean {
  // JSON.stringify's stack overflow on a deep payload; better-sqlite3's refusal to bind an object
  if (error instanceof RangeError || error instanceof TypeError) return true;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (/^SQLITE_(MISMATCH|TOOBIG|RANGE|CONSTRAINT_(CHECK|NOTNULL))/.test(code)) return true;
  // PostgreSQL classes 22 (data exception: date out of range, NUL, bad encoding) and 54 (a value too large)
  return /^(22|54)[0-9A-Z]{3}$/.test(code);
}

/** SQLite gave up waiting for the write lock (its busy timeout): another process is writing. */
export function isStoreBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code ?? ''));
}

export const STORE_BUSY = 'another earshot process (or another program) is writing to this database and held it past the wait';
export const STORE_BUSY_HINT = 'try again when it has finished; what was stored before is kept';
