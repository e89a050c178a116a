import { Command } from 'commander';
import { migrateStore } from '../../core/migrate-store.js';
import { renderTable } from '../../report/table.js';
import { openStore } from '../../store/index.js';
import { withContext, type CliContext } from '../context.js';
import { addFormatOption, parsePositiveInt } from '../options.js';

interface MigrateStoreFlags {
  from: string;
  to: string;
  batchSize: number;
  format?: string;
}

export const migrateStoreCommand = addFormatOption(
  new Command('migrate-store')
    .description('copy a whole store into another (SQLite into PostgreSQL): resumable, verified by counts')
    .requiredOption('--from <db>', 'the store to copy: a SQLite file (or a postgres:// URL)')
    .requiredOption('--to <db>', 'the store to fill: a postgres:// URL (or a SQLite file), empty or a partial copy')
    .option('--batch-size <n>', 'rows per transaction', parsePositiveInt('--batch-size'), 2000),
  ['table', 'json'],
  'table',
)
  .addHelpText('after', '\nExamples:\n  $ earshot migrate-store --from ./earshot.db --to postgres://earshot@db.internal/earshot\n'
    + '  (interrupted? run the same command again: it continues where it stopped)')
  .action(withContext(runMigrateStore));

async function runMigrateStore(ctx: CliContext, flags: MigrateStoreFlags): Promise<void> {
  const from = await openStore(flags.from);
  try {
    const to = await openStore(flags.to);
    try {
      const spinner = ctx.out.spinner(`copying ${from.location} to ${to.location}`);
      const results = await migrateStore(from, to, {
        batchSize: flags.batchSize,
        onProgress: (p) => spinner.update(`copying ${p.table}: ${p.copied.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`),
      }).finally(() => spinner.stop());
      printResults(ctx, flags, results);
      const skipped = results.find((r) => r.table === 'mentions')?.skipped ?? 0;
      if (skipped > 0) {
        ctx.out.warn(`${skipped} mention(s) dated where PostgreSQL cannot hold them (year 0000 or before, past 9999) were skipped, with their links and analyses`);
      }
      ctx.out.info(`${to.location}: copy verified, every table holds the same number of rows as ${from.location}${skipped ? ' less the skipped ones' : ''}`);
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

function printResults(ctx: CliContext, flags: MigrateStoreFlags, results: Awaited<ReturnType<typeof migrateStore>>): void {
  if (flags.format === 'json') {
    ctx.out.data(JSON.stringify(results, null, 2));
    return;
  }
  ctx.out.data(renderTable(['table', 'source rows', 'target rows', 'copied now', 'skipped'],
    results.map((r) => [r.table, r.source, r.target, r.copied, r.skipped]), ctx.out.color));
}
