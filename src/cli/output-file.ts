import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../config/load.js';
import { UserError } from '../errors.js';
import { isPostgresUrl } from '../store/index.js';
import type { CliContext } from './context.js';

/** The files a command must never write over: the SQLite store with its journal files, and the config. */
function protectedFiles(ctx: CliContext): Array<{ file: string; what: string }> {
  const { db, configPath } = ctx.settings();
  const files: Array<{ file: string; what: string }> = [];
  if (!isPostgresUrl(db) && db !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm', '-journal']) files.push({ file: `${db}${suffix}`, what: 'the database in use' });
  }
  files.push({ file: configPath ?? DEFAULT_CONFIG_PATH, what: 'the config file' });
  return files;
}

/**
 * Checks an `--out` path before anything is written: its folder must exist, and it must
 * not be (by name, link or inode) the database in use, its -wal/-shm/-journal, or the
 * config: `export --out earshot.db` would replace the store with a CSV.
 */
export function checkOutputPath(ctx: CliContext, out: string): void {
  const target = resolve(out);
  const folder = dirname(target);
  let folderStat;
  try { folderStat = statSync(folder); } catch { folderStat = null; }
  if (!folderStat?.isDirectory()) {
    throw new UserError(`cannot write ${out}: folder ${dirname(out)} does not exist`, 'create it first, or choose another --out');
  }
  const targetId = fileId(target);
  for (const { file, what } of protectedFiles(ctx)) {
    if (canonical(file) === canonical(target) || (targetId !== null && targetId === fileId(resolve(file)))) {
      throw new UserError(`refusing to write ${out}: it is ${what} (${file})`, 'choose another --out');
    }
  }
}

/** The path with its folder's links resolved (the file itself may not exist yet). */
function canonical(path: string): string {
  const full = resolve(path);
  try { return realpathSync(full); } catch { /* not there yet */ }
  try { return join(realpathSync(dirname(full)), basename(full)); } catch { return full; }
}

function fileId(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
