import { Command, Option } from 'commander';
import { importMentions, type ImportSummary } from '../../core/import.js';
import { UserError } from '../../errors.js';
import { detectFormat, openInput, readRecords } from '../../ingest/readers.js';
import { runAnalysisStep } from '../analysis-step.js';
import { withContext, type CliContext } from '../context.js';

interface ImportFlags {
  format?: string;
  brand?: string;
  strict?: boolean;
  analyze: boolean;
}

export const importCommand = new Command('import')
  .description('import mentions from a JSONL or CSV file in the canonical format')
  .argument('<file>', 'a .jsonl or .csv file, or - for stdin (with --format)')
  .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['jsonl', 'csv']))
  .option('--brand <name>', 'brand for rows that have no brand field')
  .option('--strict', 'exit non-zero when any row is rejected')
  .option('--no-analyze', 'store only; analyse later with: earshot analyze')
  .addHelpText('after', '\nExamples:\n  $ earshot import mentions.jsonl --brand "Clipper Teas"\n  $ cat export.csv | earshot import - --format csv')
  .action(withContext(runImport));

async function runImport(ctx: CliContext, file: string, flags: ImportFlags): Promise<void> {
  const format = detectFormat(file, flags.format);
  const store = await ctx.store();
  const input = await openInput(file);
  const spinner = ctx.out.spinner(`importing ${file}`);
  let summary: ImportSummary;
  try {
    summary = await importMentions(store, readRecords(input, format), {
      defaultBrand: flags.brand,
      onProgress: (s) => spinner.update(`importing ${file}: ${s.inserted + s.updated} stored, ${s.rejected} rejected`),
    });
  } finally {
    spinner.stop();
  }
  reportRejections(ctx, summary, format === 'csv' ? 'row' : 'line');
  const stored = summary.inserted + summary.updated;
  ctx.out.info(`${file}: ${summary.inserted} new, ${summary.updated} updated, ${summary.rejected} rejected`);
  if (stored === 0) {
    throw new UserError(`no mention in ${file} could be imported`, summary.read ? 'see the rejected rows above' : 'the file is empty');
  }
  if (flags.analyze) await runAnalysisStep(ctx, store);
  if (flags.strict && summary.rejected > 0) {
    throw new UserError(`${summary.rejected} row(s) rejected with --strict`, 'the good rows were stored; fix the others and re-import');
  }
}

function reportRejections(ctx: CliContext, summary: ImportSummary, unit: string): void {
  const shown = summary.rejections.slice(0, 20);
  for (const r of shown) ctx.out.warn(`${unit} ${r.line}: ${r.reason}`);
  if (summary.rejected > shown.length) ctx.out.warn(`… and ${summary.rejected - shown.length} more rejected rows`);
}
