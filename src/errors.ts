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

export const EXIT = { ok: 0, error: 1, usage: 2, alertsFired: 3, locked: 75 } as const;
