import { printable } from '../errors.js';

/** Longer than any brand, short enough for a Slack header and a terminal line. */
export const MAX_BRAND_CHARS = 100;

/** What printable() escapes: control characters, line and paragraph separators, bidi controls. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Why a brand name from outside the config (an imported row, `--brand`) cannot be stored,
 * or null. A brand name ends up in Slack alerts, command lines people paste, file names
 * and report titles: one line of printable text, not too long.
 */
export function brandNameProblem(name: string): string | null {
  if (!UNPRINTABLE.test(name) && [...name].length <= MAX_BRAND_CHARS) return null;
  const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return `brand "${printable(shown)}" is refused: a brand name is one line of at most ${MAX_BRAND_CHARS} characters, with no control characters`;
}
