import { CommanderError } from 'commander';
import { EXIT, printable, UserError } from '../errors.js';
import { closeActiveStore, redactForExit, requestedExit } from './context.js';
import { buildProgram } from './program.js';
import { isStoreBusy, STORE_BUSY, STORE_BUSY_HINT } from '../store/store-errors.js';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 grows a heap by a factor it picks from GC speed, up to 4× the live data. An import
 * keeps ~60 MB live on this thread but streams ~500 MB of rows and results through it
 * that live long enough to be promoted (the queue ahead of the analysis, results waiting
 * to be saved), and the heap grew to ~240 MB before V8 collected it: 460 MB peak RSS at
 * 1M mentions. A fixed 1.6 keeps the same import at ~350 MB in the same time (99 vs
 * 99.5 s; 1.25 cost 14 % more time). Set before any work; it applies to the workers too.
 */
setFlagsFromString('--heap-growing-percent=60');

/** The only place that decides exit codes; every error becomes one line on stderr. */
async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let code: number = EXIT.error;
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    code = requestedExit() ?? EXIT.ok;
    return code;
  } catch (error) {
    code = reportError(error, debug);
    return code;
  } finally {
    // exit 3 (alerts fired) is a success; any other non-zero code is a failed command
    await closeActiveStore({ failed: code !== EXIT.ok && code !== EXIT.alertsFired }).catch(() => undefined);
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
  if (isStoreBusy(error)) {
    process.stderr.write(`earshot: ${STORE_BUSY} — ${STORE_BUSY_HINT}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(redactForExit(`${error.stack}\n`));
    return EXIT.locked;
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
  void closeActiveStore().catch(() => undefined).finally(() => process.exit(requestedExit() ?? EXIT.ok));
});

process.exitCode = await main(process.argv);
