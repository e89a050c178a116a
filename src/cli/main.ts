import { CommanderError } from 'commander';
import { EXIT, printable, UserError } from '../errors.js';
import { closeActiveStore, redactForExit } from './context.js';
import { buildProgram } from './program.js';

/** The only place that decides exit codes; every error becomes one line on stderr. */
async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (error) {
    return reportError(error, debug);
  } finally {
    await closeActiveStore().catch(() => undefined);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander already printed help/version or a formatted usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof UserError) {
    // printable: a message may quote untrusted text, and must stay one line
    process.stderr.write(redactForExit(`earshot: ${printable(error.message)}${error.hint ? ` — ${printable(error.hint)}` : ''}\n`));
    if (debug && error.stack) process.stderr.write(redactForExit(`${error.stack}\n`));
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(redactForExit(`earshot: unexpected error: ${printable(message.split('\n')[0]!)} — run again with --debug for details\n`));
  if (debug && error instanceof Error && error.stack) process.stderr.write(redactForExit(`${error.stack}\n`));
  return EXIT.error;
}

/**
 * A reader that closes the pipe early (`earshot search tea | head`) made that choice: on
 * EPIPE, every command stops quietly with the exit code it had so far, instead of a
 * stack trace from an unhandled stream error.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  void closeActiveStore().catch(() => undefined).finally(() => process.exit(Number(process.exitCode ?? EXIT.ok)));
});

process.exitCode = await main(process.argv);
