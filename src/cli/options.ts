import { Option, type Command } from 'commander';
import type { DataWarning } from '../domain/warnings.js';
import { EXIT, UsageError } from '../errors.js';
import type { Output } from './output.js';

/** Shared option groups, so a flag means the same thing on every command. */
export function addFormatOption<T extends string>(cmd: Command, formats: readonly T[], fallback: T): Command {
  return cmd.addOption(new Option('--format <format>', 'output format').choices(formats as readonly string[]).default(fallback));
}

export function addBrandOption(cmd: Command, description = 'only this brand'): Command {
  return cmd.option('--brand <name>', description);
}

export function addTimeRangeOptions(cmd: Command): Command {
  return cmd
    .option('--since <when>', 'from this time: ISO date or a duration ago (7d, 48h)')
    .option('--until <when>', 'before this time: ISO date or a duration ago');
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
export function addLangOption(cmd: Command): Command {
  return cmd.addOption(new Option('--lang <codes>', 'only mentions in these languages, comma-separated ISO 639-1 codes (en, fr, es…; und: not known)')
    .argParser(parseLangs));
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

/** Picks `table` on a terminal and `json` when piped, unless the user chose. */
export function defaultFormat(explicit: string | undefined, isTTY: boolean | undefined): string {
  return explicit ?? (isTTY ? 'table' : 'json');
}

/**
 * Says on stderr that the answer is incomplete (a CSV cannot carry the warnings, and a
 * person reading JSON in a pipe should hear it too) and, with --strict, sets exit code 4.
 */
export function reportIncomplete(out: Pick<Output, 'warn'>, warnings: readonly DataWarning[], strict: boolean | undefined, say: 'each' | 'count' | 'none'): void {
  if (warnings.length === 0) return;
  if (say === 'each') for (const w of warnings) out.warn(w.message);
  else if (say === 'count') out.warn(`data incomplete: ${warnings.length} warning(s), listed in the output`);
  if (strict) process.exitCode = EXIT.incomplete;
}

/** `--wide`: tables as wide as their content, every column, whatever the terminal's width. */
export function addWideOption(cmd: Command): Command {
  return cmd.option('--wide', 'show every column in full, however wide the terminal (default: fit its width, COLUMNS or the terminal\'s)');
}
