import type { Command } from 'commander';
import { loadSettings, secretValues, smtpPasswords, type Settings } from '../config/load.js';
import { redactSecretKeys } from '../config/secret-forms.js';
import { discardEmptyStore, openStore, wouldCreateStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { UsageError } from '../errors.js';
import { parseTimestamp } from '../domain/time-input.js';
import { createOutput, type Output } from './output.js';

export interface GlobalFlags {
  db?: string;
  config?: string;
  debug?: boolean;
  quiet?: boolean;
}

/** Everything a command needs, built once from flags, env and config file. */
export interface CliContext {
  out: Output;
  flags: GlobalFlags;
  /** Loads and validates the config on first use (init must work without one). */
  settings(): Settings;
  /** Opens the store on first use (creating and migrating it if needed); closed by main when the command ends. */
  store(): Promise<Store>;
  /** For commands that only read: opens an existing store read-only, never creating or migrating it. */
  readStore(): Promise<Store>;
  now: Date;
  env: NodeJS.ProcessEnv;
  /** Columns a table may take: null (no limit) with --wide or when stdout is not a terminal and COLUMNS is unset. */
  tableWidth(wide?: boolean): number | null;
  /**
   * Ends the command, once its output is written, with a code that is not an error:
   * 3 (alerts were sent, --fail-on-alert) or 4 (the data is incomplete, --strict). main
   * exits with it; the last asked for wins.
   */
  finish(code: number): void;
}

let active: { close(): Promise<void> } | null = null;
/** The SQLite file this command created, if any: removed again if the command fails before storing a mention. */
let created: string | null = null;
let activeOutput: Output | null = null;
/** The code a command asked to end with (CliContext.finish); main reads it. */
let finishedWith: number | null = null;

/** The exit code the command asked for, if any: main, the only place that sets exit codes, reads it. */
export function requestedExit(): number | null {
  return finishedWith;
}

/** Redacts secrets from text printed outside a command (main's error line). */
export function redactForExit(text: string): string {
  return activeOutput ? activeOutput.redact(text) : text;
}

export function createContext(cmd: Command): CliContext {
  const flags = cmd.optsWithGlobals() as GlobalFlags;
  const out = createOutput({ quiet: flags.quiet, debug: flags.debug });
  activeOutput = out;
  let settings: Settings | undefined;
  let store: Promise<Store> | undefined;
  const getSettings = () => {
    if (!settings) {
      settings = loadSettings({ configPath: flags.config, db: flags.db });
      out.addSecrets([...secretValues(settings.config), ...smtpPasswords(settings.config, process.env)]);
      for (const warning of settings.warnings) out.warn(warning);
      // by key name as well as by value: a value the redaction does not know stays out too
      out.debug(`config: ${settings.configPath ?? '(none)'}; settings: ${JSON.stringify(redactSecretKeys(settings.config))}`);
    }
    return settings;
  };
  const openAndTrack = (location: string, readOnly: boolean) => {
    const fresh = !readOnly && wouldCreateStore(location);
    return openStore(location, { readOnly }).then((s) => {
      active = s;
      if (fresh) created = location;
      out.debug(`store: ${s.backend} at ${s.location}${readOnly ? ' (read-only)' : ''}`);
      return s;
    });
  };
  return {
    out,
    flags,
    settings: getSettings,
    store: () => {
      store ??= openAndTrack(getSettings().db, false);
      return store;
    },
    readStore: () => {
      store ??= openAndTrack(getSettings().db, true);
      return store;
    },
    now: clockNow(process.env),
    env: process.env,
    tableWidth: (wide) => tableWidth(process.env, process.stdout, wide),
    finish: (code) => { finishedWith = code; },
  };
}

/**
 * "Now" for every command: the wall clock, or EARSHOT_NOW (an ISO time) to replay a past
 * moment, e.g. a cron run's alerts, or to run tests whose data sits at fixed times.
 */
export function clockNow(env: NodeJS.ProcessEnv): Date {
  const fixed = env.EARSHOT_NOW?.trim();
  if (!fixed) return new Date();
  const iso = parseTimestamp(fixed);
  if (!iso) throw new UsageError(`EARSHOT_NOW "${fixed}" is not a time`, 'use an ISO time like 2026-11-20T09:00Z, or unset it');
  return new Date(iso);
}

/**
 * The width tables fit: COLUMNS when set (scripts and tests pin it), else the terminal's;
 * a pipe gets tables as wide as their content, as does --wide.
 */
export function tableWidth(env: NodeJS.ProcessEnv, stdout: { isTTY?: boolean; columns?: number }, wide = false): number | null {
  if (wide) return null;
  const columns = Number(env.COLUMNS);
  if (env.COLUMNS?.trim() && Number.isInteger(columns) && columns >= 20) return columns;
  return stdout.isTTY && stdout.columns ? stdout.columns : null;
}

/**
 * Closes the store a command opened, if any; main calls it on every exit path. After a
 * failure, a database file the command created and stored no mention in is removed.
 */
export async function closeActiveStore(options: { failed?: boolean } = {}): Promise<void> {
  const store = active;
  const fresh = created;
  active = null;
  created = null;
  await store?.close();
  if (options.failed && fresh) discardEmptyStore(fresh);
}

/** Wraps a command action so it receives a context built from its flags. */
export function withContext<A extends unknown[]>(
  action: (ctx: CliContext, ...args: A) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    await action(createContext(cmd), ...(args.slice(0, -1) as A));
  };
}
