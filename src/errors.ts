/**
 * An error a person can act on. main.ts prints `earshot: <message> — <hint>` and
 * exits with `exitCode`; a stack trace only with --debug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Wrong flags or arguments: exit 2, like commander's own usage errors. */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint, 2);
    this.name = 'UsageError';
  }
}

/** Another run holds the database: exit 75 (EX_TEMPFAIL), so cron can tell. */
export class LockedError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, hint, 75);
    this.name = 'LockedError';
  }
}

/**
 * Untrusted text (a row's value, a parser's message) made safe for a one-line message:
 * line breaks, control and bidi-override characters become visible \u escapes, so
 * they can neither split the line nor drive the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const EXIT = { ok: 0, error: 1, usage: 2, alertsFired: 3, incomplete: 4, locked: 75 } as const;
