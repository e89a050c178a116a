/**
 * Command lines shown to people (in Slack alerts, hints, the demo) are pasted into a
 * shell, and a brand name can come from an imported row: `Acme $(touch x)` inside double
 * quotes runs. Every argument that is not plainly safe goes in single quotes, where a
 * POSIX shell expands nothing, with each `'` written as `'\''`.
 */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(arg: string): string {
  return SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line from its arguments, each quoted for a POSIX shell. */
export function shellCommand(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}
