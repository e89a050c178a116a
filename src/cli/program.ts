import { Command } from 'commander';
import { createRequire } from 'node:module';
import { alertCommand } from './commands/alert.js';
import { compareCommand } from './commands/compare.js';
import { analyzeCommand } from './commands/analyze.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { labelCommand } from './commands/label.js';
import { migrateStoreCommand } from './commands/migrate-store.js';
import { reportCommand } from './commands/report.js';
import { reviewCommand } from './commands/review.js';
import { runCommand } from './commands/run.js';
import { scanCommand } from './commands/scan.js';
import { searchCommand } from './commands/search.js';
import { statusCommand } from './commands/status.js';
import { trainCommand } from './commands/train.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Every command, in the order `--help` lists them. Adding one is one file and one line. */
const COMMANDS: Command[] = [initCommand, scanCommand, importCommand, analyzeCommand, labelCommand, reviewCommand, trainCommand, reportCommand, compareCommand, statusCommand, searchCommand, exportCommand, alertCommand, runCommand, migrateStoreCommand];

export function buildProgram(): Command {
  const program = new Command('earshot')
    .description('Social listening from the terminal: pull brand mentions, score them locally, surface emerging issues.')
    .version(version)
    .option('--db <path>', 'SQLite file or postgres:// URL (env EARSHOT_DB)', undefined)
    .option('--config <path>', 'config file (env EARSHOT_CONFIG; default ./earshot.config.json)')
    .option('--quiet', 'print nothing but data and errors')
    .option('--debug', 'verbose diagnostics and stack traces on stderr (secrets redacted)')
    .exitOverride()
    .configureOutput({ outputError: writeUsageError('earshot --help') });
  for (const command of COMMANDS) {
    // addCommand copies no settings: each command's help lists the global options itself
    program.addCommand(command.exitOverride().configureHelp({ showGlobalOptions: true })
      .configureOutput({ outputError: writeUsageError(`earshot ${command.name()} --help`) }));
  }
  return program;
}

/** commander's usage errors, reshaped into earshot's one-line form. */
function writeUsageError(help: string) {
  return (text: string, write: (s: string) => void) => {
    write(`earshot: ${text.replace(/^error: /, '').trim().split('\n')[0]} — see ${help}\n`);
  };
}
