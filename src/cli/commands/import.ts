import { Command } from 'commander';
import type { AnalyzeSummary } from '../../core/analyze.js';
import type { ImportSummary } from '../../core/import.js';
import { importAndAnalyze } from '../../core/import-and-analyze.js';
import { brandNameProblem } from '../../domain/brand-name.js';
import { UsageError, UserError } from '../../errors.js';
import { checkEncoding, DEFAULT_ENCODING } from '../../ingest/decode.js';
import type { Decoder } from '../../ingest/decoded.js';
import { IMPORT_FORMATS } from '../../ingest/detect.js';
import { openImport } from '../../ingest/open-import.js';
import type { RawRecord } from '../../ingest/readers.js';
import type { Store } from '../../store/store.js';
import { brandTermsOf, runAnalysisStep } from '../analysis-step.js';
import { brandOption, formatOption } from '../options.js';
import { withContext, type CliContext } from '../context.js';

interface ImportFlags {
  format?: string;
  encoding?: string;
  brand?: string;
  strict?: boolean;
  analyze: boolean;
}

export const importCommand = new Command('import')
  .description('import mentions: earshot JSONL or CSV, twarc2 / twarc-csv output, Reddit dumps (.zst too)')
  .argument('<file>', 'a file (zstd-compressed or not), or - for stdin')
  .addOption(formatOption(IMPORT_FORMATS, null, 'file format (default: told from the content)'))
  .option('--encoding <name>', 'the file\'s text encoding (latin1, windows-1252, utf-16le, …); default UTF-8, whose invalid rows are refused', DEFAULT_ENCODING)
  .addOption(brandOption('brand for rows that have no brand field'))
  .option('--strict', 'exit non-zero when any row is rejected')
  .option('--no-analyze', 'store only; analyse later with: earshot analyze')
  .addHelpText('after', '\nExamples:\n  $ earshot import mentions.jsonl --brand "Clipper Teas"\n  $ earshot import search.jsonl --brand "Clipper Teas"        # twarc2 search, stream or flatten output\n  $ earshot import RC_2026-01.zst --brand "Clipper Teas"     # Arctic Shift / Pushshift dump\n  $ cat export.csv | earshot import - --format csv\n  $ earshot import old-tool-export.csv --encoding windows-1252')
  .action(withContext(runImport));

async function runImport(ctx: CliContext, file: string, flags: ImportFlags): Promise<void> {
  const encoding = checkEncoding(flags.encoding ?? DEFAULT_ENCODING);
  if (flags.brand !== undefined && flags.brand.trim() === '') throw new UsageError('--brand is blank', 'e.g. --brand "Clipper Teas"');
  const brandProblem = flags.brand === undefined ? null : brandNameProblem(flags.brand.trim());
  if (brandProblem) throw new UsageError(`--brand: ${brandProblem}`, 'e.g. --brand "Clipper Teas"');
  // the input first: a wrong path must not create a database
  const input = await openImport(file, flags.format, encoding);
  const store = await ctx.store();
  if (!flags.format && input.format !== 'jsonl' && input.format !== 'csv') ctx.out.info(`${file}: ${input.format}${input.compressed ? ' (zstd)' : ''} format`);
  const started = Date.now();
  const { summary, analysis } = await importAndFollow(ctx, store, file, input.records, input.decode, flags);
  reportRejections(ctx, summary, input.unit);
  const stored = summary.inserted + summary.updated;
  ctx.out.info(`${file}: ${summary.inserted} new, ${summary.updated} updated, ${summary.rejected} rejected`);
  if (analysis && analysis.failed > 0) ctx.out.warn(`${analysis.failed} mention(s) could not be analysed and were skipped; earshot status lists them`);
  if (analysis && analysis.analyzed > 0) {
    ctx.out.info(`analysed ${analysis.analyzed} mention(s) with ${analysis.modelVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s, alongside the import`);
  }
  if (stored === 0) {
    throw new UserError(`no mention in ${file} could be imported`, summary.read ? 'see the rejected rows above' : input.nothingRead);
  }
  // the follower reads forward by row id: updated rows whose text changed are scored here
  if (flags.analyze && summary.updated > 0) await runAnalysisStep(ctx, store);
  if (flags.strict && summary.rejected > 0) {
    throw new UserError(`${summary.rejected} row(s) rejected with --strict`, 'the good rows were stored; fix the others and re-import');
  }
}

/** The import (and its analysis, unless --no-analyze) with a spinner saying how far it got. */
async function importAndFollow(
  ctx: CliContext, store: Store, file: string, records: AsyncIterable<RawRecord>, decode: Decoder, flags: ImportFlags,
): Promise<{ summary: ImportSummary; analysis?: AnalyzeSummary }> {
  const spinner = ctx.out.spinner(`importing ${file}`);
  try {
    return await importAndAnalyze(store, records, {
      analyze: flags.analyze,
      brandTerms: brandTermsOf(ctx.settings().config),
      defaultBrand: flags.brand,
      now: ctx.now,
      watched: ctx.settings().config.brands,
      decode,
      onProgress: (s, analysed) => {
        spinner.update(`importing ${file}: ${s.inserted + s.updated} stored, ${s.rejected} rejected${flags.analyze ? `, ${analysed} analysed` : ''}`);
      },
      onImported: () => spinner.update(`analysing the rest of ${file}`),
    });
  } finally {
    spinner.stop();
  }
}

function reportRejections(ctx: CliContext, summary: ImportSummary, unit: string): void {
  const shown = summary.rejections.slice(0, 20);
  for (const r of shown) ctx.out.warn(`${unit} ${r.line}: ${r.reason}`);
  if (summary.rejected > shown.length) ctx.out.warn(`… and ${summary.rejected - shown.length} more rejected rows`);
}
