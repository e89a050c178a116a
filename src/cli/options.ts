import { Option, type Command } from 'commander';
import type { DataWarning } from '../domain/warnings.js';
import { EXIT, UsageError } from '../errors.js';
import type { CliContext } from './context.js';

/**
 * Shared option groups, so a flag means the same thing on every command. Each is an
 * Option (added with `.addOption(…)` where the command lists it, so help keeps its order)
 * or an `add…` function for a group.
 */

/** The format a command prints in when it has both a table and JSON and the user did not choose: see `chooseFormat`. */
export const TTY_DEFAULT = 'table on a terminal, json otherwise';

/**
 * `--format`: with a fixed default, or, given `'tty'`, the one rule for commands that
 * print both a table and JSON: a table on a terminal, JSON when piped (`chooseFormat`).
 */
export function formatOption<T extends string>(formats: readonly T[], fallback: T | 'tty' | null, description = 'output format'): Option {
  const option = new Option('--format <format>', fallback === 'tty' ? `${description} (default: ${TTY_DEFAULT})` : description).choices(formats as readonly string[]);
  return fallback === 'tty' || fallback === null ? option : option.default(fallback);
}

export function addFormatOption<T extends string>(cmd: Command, formats: readonly T[], fallback: T | 'tty'): Command {
  return cmd.addOption(formatOption(formats, fallback));
}

/** `--out FILE`: written whole or not at all (`writeResult`, `writeOutput`). */
export function outOption(description = 'write to this file instead of stdout'): Option {
  return new Option('--out <file>', description);
}

/**
 * The format to print in: the one asked for; else the one `--out`'s extension names
 * (report.html, compare.csv) among `byExtension`; else a table on a terminal and JSON
 * when piped or written to a file. The one TTY rule of every command that has both.
 */
export function chooseFormat(explicit: string | undefined, where: { out?: string; isTTY: boolean | undefined; byExtension?: readonly string[] }): string {
  if (explicit) return explicit;
  const extension = where.out?.match(/\.([a-z]+)$/i)?.[1]?.toLowerCase();
  if (extension && where.byExtension?.includes(extension)) return extension;
  return where.isTTY && !where.out ? 'table' : 'json';
}

/** `--brand NAME`; what it means (only this brand, the brand to report on, …) is the command's. */
export function brandOption(description = 'only this brand'): Option {
  return new Option('--brand <name>', description);
}

export function addBrandOption(cmd: Command, description = 'only this brand'): Command {
  return cmd.addOption(brandOption(description));
}

/** `--since WHEN` (with a default span for commands that have one) and `--until WHEN`, read by `parseTimeRange`. */
export function sinceOption(fallback?: string, description = 'from this time: ISO date or a duration ago (7d, 48h)'): Option {
  const option = new Option('--since <when>', description);
  return fallback === undefined ? option : option.default(fallback);
}

export function untilOption(description = 'before this time: ISO date or a duration ago'): Option {
  return new Option('--until <when>', description);
}

export function addTimeRangeOptions(cmd: Command, since?: { fallback?: string; description?: string }, until?: string): Command {
  return cmd.addOption(sinceOption(since?.fallback, since?.description)).addOption(untilOption(until));
}

/**
 * `--complaint` keeps only complaints, `--complaint no` only mentions that are not; the
 * effective flag counts (a human label wins), and unanalysed mentions are in neither.
 */
export function addComplaintOption(cmd: Command): Command {
  return cmd.addOption(new Option('--complaint [yes|no]', 'only complaints, or with "no" only mentions that are not; human labels win')
    .preset('yes').argParser(parseYesNo('--complaint')));
}

/**
 * `--safety` keeps only safety reports (harm or a risk of harm), `--safety no` only
 * mentions that are not; as --complaint, the effective flag counts (a human label wins),
 * and mentions no safety model scored and nobody labelled are in neither.
 */
export function addSafetyOption(cmd: Command): Command {
  return cmd.addOption(new Option('--safety [yes|no]', 'only safety reports (harm or risk of harm), or with "no" only mentions that are not; human labels win')
    .preset('yes').argParser(parseYesNo('--safety')));
}

/** `--lang fr,es`: only mentions analysed as these languages (ISO 639-1 codes, or `und`). */
export function langOption(description = 'only mentions in these languages, comma-separated ISO 639-1 codes (en, fr, es…; und: not known)'): Option {
  return new Option('--lang <codes>', description).argParser(parseLangs);
}

export function addLangOption(cmd: Command): Command {
  return cmd.addOption(langOption());
}

export function parseLangs(value: string): string[] {
  const codes = [...new Set(value.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== ''))];
  const bad = codes.find((c) => !/^(?:[a-z]{2}|und)$/.test(c));
  if (codes.length === 0 || bad !== undefined) {
    throw new UsageError(`--lang takes two-letter language codes, not "${bad ?? value}"`, 'e.g. --lang fr,es (und: language not known)');
  }
  return codes;
}

/** `--intent question|suggestion` keeps only mentions that ask, or that propose (effective flags: a human label wins). */
export function addIntentOption(cmd: Command): Command {
  return cmd.addOption(new Option('--intent <question|suggestion>', 'only questions or only suggestions; human labels win').argParser(parseIntent));
}

function parseIntent(value: string): 'question' | 'suggestion' {
  const v = value.trim().toLowerCase();
  if (v === 'question' || v === 'suggestion') return v;
  throw new UsageError(`--intent takes question or suggestion, not "${value}"`, 'e.g. earshot search refill --intent suggestion');
}

function parseYesNo(flag: string) {
  return (value: string): boolean => {
    const v = value.trim().toLowerCase();
    if (v === 'yes' || v === 'true') return true;
    if (v === 'no' || v === 'false') return false;
    throw new UsageError(`${flag} takes yes or no, not "${value}"`, `put other arguments before it: earshot search plastic ${flag}`);
  };
}

export function parsePositiveInt(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number above 0, got "${value}"`, `e.g. ${flag} 100`);
    return n;
  };
}

/** A whole number from 0 up: `--workers 0` means this thread only. */
export function parseCount(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number from 0 up, got "${value}"`, `e.g. ${flag} 2`);
    return n;
  };
}

/**
 * Says on stderr that the answer is incomplete (a CSV cannot carry the warnings, and a
 * person reading JSON in a pipe should hear it too) and, with --strict, asks main for exit 4.
 */
export function reportIncomplete(ctx: Pick<CliContext, 'out' | 'finish'>, warnings: readonly DataWarning[], strict: boolean | undefined, say: 'each' | 'count' | 'none'): void {
  if (warnings.length === 0) return;
  if (say === 'each') for (const w of warnings) ctx.out.warn(w.message);
  else if (say === 'count') ctx.out.warn(`data incomplete: ${warnings.length} warning(s), listed in the output`);
  if (strict) ctx.finish(EXIT.incomplete);
}

/** `--wide`: tables as wide as their content, every column, whatever the terminal's width. */
export function wideOption(): Option {
  return new Option('--wide', 'the table with every column in full, however wide the terminal (default: fit COLUMNS or the terminal)');
}
