import { Command } from 'commander';
import { createRequire } from 'node:module';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * Every command, in the order `--help` lists them, loaded when asked for: a command's
 * module brings in its implementation (the sources alone are ~140 modules), and loading
 * all fifteen cost ~0.2 s of every run's start-up. Adding one is one file and one line.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  scan: async () => (await import('./commands/scan.js')).scanCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  label: async () => (await import('./commands/label.js')).labelCommand,
  labels: async () => (await import('./commands/labels.js')).labelsCommand,
  review: async () => (await import('./commands/review.js')).reviewCommand,
  train: async () => (await import('./commands/train.js')).trainCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  compare: async () => (await import('./commands/compare.js')).compareCommand,
  status: async () => (await import('./commands/status.js')).statusCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  alert: async () => (await import('./commands/alert.js')).alertCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  digest: async () => (await import('./commands/digest.js')).digestCommand,
  inbox: async () => (await import('./commands/inbox.js')).inboxCommand,
  ideas: async () => (await import('./commands/ideas.js')).ideasCommand,
  'migrate-store': async () => (await import('./commands/migrate-store.js')).migrateStoreCommand,
};

/** Global options that take a value (their value is not a command name). */
const VALUE_OPTIONS = new Set(['--db', '--config']);

/**
 * The command an argv names: the first word that is not a global option or its value.
 * Null when there is none or it is no command (help, a typo): then every command is
 * loaded, so help lists them all and commander can suggest the nearest.
 */
export function commandNameOf(argv: string[]): string | null {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return null;
    if (VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return Object.hasOwn(COMMANDS, arg) ? arg : null;
  }
  return null;
}

/** The program with the command argv names, or with every command when it names none. */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const name = commandNameOf(argv);
  const commands = await Promise.all((name ? [name] : Object.keys(COMMANDS)).map((n) => COMMANDS[n]!()));
  const program = new Command('earshot')
    .description('Social listening from the terminal: pull brand mentions, score them locally, surface emerging issues.')
    .version(version)
    .option('--db <path>', 'SQLite file or postgres:// URL (env EARSHOT_DB)', undefined)
    .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.json)')
    .option('--quiet', 'print nothing but data and errors')
    .option('--debug', 'verbose diagnostics and stack traces on stderr (secrets redacted)')
    .exitOverride()
    .configureOutput({ outputError: writeUsageError('earshot --help') });
  for (const command of commands) {
    // addCommand copies no settings: each command's help lists the global options itself
    program.addCommand(command.exitOverride().configureHelp({ showGlobalOptions: true })
      .configureOutput({ outputError: writeUsageError(`earshot ${command.name()} --help`) }));
  }
  return program;
}

/** commander's usage errors, reshaped into earshot's one-line form. */
function writeUsageError(help: string) {
  return (text: string, write: (s: string) => void) => {
    // commander's suggestion ("(Did you mean report?)") is its second line: kept, on the one line
    const lines = text.replace(/^error: /, '').split('\n').map((line) => line.trim()).filter(Boolean);
    write(`earshot: ${lines.join(' ')} — see ${help}\n`);
  };
}
