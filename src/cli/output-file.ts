import { createWriteStream, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { DEFAULT_CONFIG_PATH } from '../config/load.js';
import { printable, UserError } from '../errors.js';
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
 * How an `--out` path is written. A regular file (new, or reached through links) is
 * replaced atomically: written next to it and renamed over it, so a failed run leaves
 * the old file. Anything else (a terminal, /dev/null, a FIFO, `/dev/stdout`, bash's
 * `>(…)` /dev/fd/N) is written through, as a shell's `>` would: renaming over it would
 * turn /dev/null or a symlink into a plain file.
 */
type OutputPlan = { kind: 'replace'; file: string } | { kind: 'through'; file: string };

/**
 * Checks an `--out` path before anything is written: its folder must exist, it must not
 * be a folder or a disk, and it must not be (by name, link or inode) the database in use,
 * its -wal/-shm/-journal, or the config: `export --out earshot.db` would replace the store
 * with a CSV.
 */
export function checkOutputPath(ctx: CliContext, out: string): void {
  const plan = planOutput(out);
  const target = plan.file;
  const targetId = fileId(target);
  for (const { file, what } of protectedFiles(ctx)) {
    if (canonical(file) === canonical(target) || (targetId !== null && targetId === fileId(resolve(file)))) {
      throw new UserError(`refusing to write ${shown(out)}: it is ${what} (${file})`, 'choose another --out');
    }
  }
}

/**
 * Writes `--out` through `write` (which must end the stream), by the plan above; any
 * write error is one line naming the path.
 */
export async function writeOutput<T>(out: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const plan = planOutput(out);
  const stdio = stdioOf(plan.file);
  if (stdio) return await throughStdio(out, stdio, write);
  if (plan.kind === 'through') return await withStream(out, plan.file, 'w', write);
  // next to the real file (a link's target, not the link), so the rename stays on one file system
  const partial = `${plan.file}.partial-${process.pid}`;
  try {
    const result = await withStream(out, partial, 'w', write);
    await rename(partial, plan.file).catch((error: NodeJS.ErrnoException) => { throw cannotWrite(out, error); });
    return result;
  } finally {
    await rm(partial, { force: true });
  }
}

/** Writes a whole text to `--out`. */
export async function writeOutputText(out: string, text: string): Promise<void> {
  await writeOutput(out, async (stream) => {
    stream.end(text);
    await finished(stream);
  });
}

/** This process's stdout or stderr named as a path: a socket or a tty there cannot always be opened again by name. */
function stdioOf(file: string): NodeJS.WriteStream | null {
  const fd = /^\/dev\/(stdout|stderr)$/.exec(file)?.[1] ?? /^\/(?:dev\/fd|proc\/self\/fd)\/([12])$/.exec(file)?.[1];
  if (fd === 'stdout' || fd === '1') return process.stdout;
  if (fd === 'stderr' || fd === '2') return process.stderr;
  return null;
}

/** Writes through a pass-through into stdout or stderr, which stay open for the command's own lines. */
async function throughStdio<T>(out: string, target: NodeJS.WriteStream, write: (stream: Writable) => Promise<T>): Promise<T> {
  const relay = new PassThrough();
  relay.pipe(target, { end: false });
  let failure: NodeJS.ErrnoException | null = null;
  const onError = (error: NodeJS.ErrnoException) => { failure ??= error; relay.destroy(); };
  target.on('error', onError);
  try {
    const result = await write(relay);
    await finished(relay, { writable: true, readable: true }).catch(() => undefined);
    if (target.writableNeedDrain) await new Promise((resolve) => target.once('drain', resolve));
    if (failure) throw failure;
    return result;
  } catch (error) {
    throw failure ? cannotWrite(out, failure) : error;
  } finally {
    target.off('error', onError);
    relay.unpipe(target);
  }
}

function planOutput(out: string): OutputPlan {
  if (out === '' || /[/\\]$/.test(out)) {
    throw new UserError(`cannot write ${shown(out)}: it names a folder, not a file`, 'give a file name, e.g. --out feedback.csv');
  }
  const target = resolve(out);
  const link = statOf(target, lstatSync);
  const stats = statOf(target, statSync);
  if (link?.isSymbolicLink() && !stats) {
    throw new UserError(`cannot write ${shown(out)}: it is a link to nothing (${shown(readLinkTarget(target))})`, 'remove the link, or choose another --out');
  }
  if (!stats) {
    const folder = statOf(dirname(target), statSync);
    if (!folder?.isDirectory()) {
      throw new UserError(`cannot write ${shown(out)}: folder ${shown(dirname(out))} does not exist`, 'create it first, or choose another --out');
    }
    return { kind: 'replace', file: target };
  }
  if (stats.isDirectory()) throw new UserError(`cannot write ${shown(out)}: it is a folder`, 'give a file name inside it, e.g. --out folder/feedback.csv');
  if (stats.isBlockDevice()) throw new UserError(`refusing to write ${shown(out)}: it is a disk device`, 'choose a file');
  if (!stats.isFile()) return { kind: 'through', file: target };
  // /dev/stdout, /dev/fd/N or /proc/…/fd/N opened on a file: write to what the shell opened
  if (/^\/(dev|proc)\//.test(target)) return { kind: 'through', file: target };
  return { kind: 'replace', file: realpathSync(target) };
}

async function withStream<T>(out: string, file: string, flags: string, write: (stream: Writable) => Promise<T>): Promise<T> {
  const stream = createWriteStream(file, { flags });
  // an error before the writer listens (EACCES, ENXIO for a socket) must not go unhandled
  let failure: NodeJS.ErrnoException | null = null;
  stream.on('error', (error) => { failure ??= error; });
  try {
    const result = await write(stream);
    if (failure) throw failure;
    return result;
  } catch (error) {
    stream.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof UserError || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
    throw cannotWrite(out, error as NodeJS.ErrnoException);
  }
}

function cannotWrite(out: string, error: NodeJS.ErrnoException): UserError {
  const why = error.code === 'EPIPE' ? 'its reader went away (EPIPE)' : error.code === 'ENXIO' ? 'it cannot be opened by name (a socket? ENXIO)' : error.code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : error.code ?? error.message;
  return new UserError(`cannot write ${shown(out)}: ${why}`, 'check the path');
}

function statOf(path: string, stat: (path: string) => Stats): Stats | null {
  try { return stat(path); } catch { return null; }
}

function readLinkTarget(path: string): string {
  try { return readlinkSync(path); } catch { return '?'; }
}

function shown(out: string): string {
  return printable(out);
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

/**
 * A command's rendered text to `--out` (whole or not at all, ending in a line break) with
 * `wrote` saying what it holds on stderr, or to stdout.
 */
export async function writeResult(ctx: CliContext, out: string | undefined, text: string, wrote: string): Promise<void> {
  if (out === undefined) {
    ctx.out.data(text);
    return;
  }
  await writeOutputText(out, text.endsWith('\n') ? text : `${text}\n`);
  ctx.out.info(`wrote ${out}: ${wrote}`);
}
