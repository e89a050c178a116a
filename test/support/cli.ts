import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin/earshot.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * "Now" for every test: the binary runs with EARSHOT_NOW set to it (unless a test sets its
 * own), and test data is built back from it, so no result depends on the wall clock. The
 * odd time of day is on purpose: reports must not depend on where in a day they run.
 */
export const TEST_NOW = Date.parse('2026-12-01T09:31:00.000Z');

/** The environment of the built binary in tests: no EARSHOT_* from outside, no colour, the fixed clock, then `extra`. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // COLUMNS too: tables fit it, and a test pins the width it checks
    if (!key.startsWith('EARSHOT_') && key !== 'COLUMNS' && value !== undefined) env[key] = value;
  }
  return Object.assign(env, { NO_COLOR: '1', EARSHOT_NOW: new Date(TEST_NOW).toISOString() }, extra);
}

/** Runs the built binary (or `bin`, a copy of it), as a user would, with a clean EARSHOT_* environment. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; input?: string; uid?: number; gid?: number; bin?: string }): Promise<CliResult> {
  const env = cliEnv(options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd, env, uid: options.uid, gid: options.gid });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function makeTempDir(prefix = 'earshot-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the built binary with its stdout pipe already closed at the reading end, as
 * `earshot … | head -c 0` leaves it: every write the command makes fails with EPIPE.
 * Closed before the child starts, so no timing decides whether a write gets through.
 */
export function runCliClosedStdout(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Omit<CliResult, 'stdout'>> {
  const env = cliEnv(options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stderr }));
  });
}
