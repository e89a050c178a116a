import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './cli.js';

export interface OtherUser { uid: number; gid: number }
export type OtherUserBinary = { bin: string; copied: boolean; cleanup: () => void } | { skipped: string };

export const NOBODY: OtherUser = { uid: 65534, gid: 65534 };

/**
 * The built binary as another user can run it. Root runs the "a store I may not write"
 * checks as `nobody`, who cannot read a clone inside a private folder (under /root, mode
 * 700: "Cannot find module …/bin/earshot.js"). So: the clone in place when that user can
 * run it; else a copy in a world-readable temp folder (bin, dist, models, package.json;
 * node_modules hard-linked, as copying it whole is ~200 MB); else the reason it cannot.
 */
export function binaryFor(user: OtherUser, repo = REPO): OtherUserBinary {
  const inPlace = join(repo, 'bin/earshot.js');
  if (runs(inPlace, user) === null) return { bin: inPlace, copied: false, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'earshot-readable-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const part of ['bin', 'dist', 'models', 'package.json']) cpSync(join(repo, part), join(dir, part), { recursive: true });
    readableByAll(dir);
    const linked = spawnSync('cp', ['-al', `${realpathSync(join(repo, 'node_modules'))}/.`, join(dir, 'node_modules')], { encoding: 'utf8' });
    if (linked.status !== 0) throw new Error(`cannot hard-link node_modules into ${tmpdir()}: ${linked.stderr.trim()}`);
    const bin = join(dir, 'bin/earshot.js');
    const failure = runs(bin, user);
    if (failure !== null) throw new Error(`user ${user.uid} cannot run even a copy in ${tmpdir()}: ${failure}`);
    return { bin, copied: true, cleanup };
  } catch (error) {
    cleanup();
    return { skipped: (error as Error).message };
  }
}

/** Null when `user` can run `bin --version`, else the first line of what went wrong. */
function runs(bin: string, user: OtherUser): string | null {
  const result = spawnSync(process.execPath, [bin, '--version'], { uid: user.uid, gid: user.gid, cwd: tmpdir(), encoding: 'utf8' });
  if (result.status === 0) return null;
  return (result.error?.message ?? result.stderr.split('\n').find((line) => line.trim()) ?? `exit ${result.status}`).trim();
}

/** a+rX on a tree this process copied (never on hard links: that would change the originals). */
function readableByAll(path: string): void {
  const mode = statSync(path).mode;
  const isDir = statSync(path).isDirectory();
  chmodSync(path, mode | 0o444 | (isDir || mode & 0o111 ? 0o111 : 0));
  if (isDir) for (const entry of readdirSync(path)) readableByAll(join(path, entry));
}
