import { Command, Option } from 'commander';
import type { AnalyzeSummary } from '../../core/analyze.js';
import { BacklogFeed } from '../../core/backlog-feed.js';
import { importMentions, type ImportSummary } from '../../core/import.js';
import { brandNameProblem } from '../../domain/brand-name.js';
import { UsageError, UserError } from '../../errors.js';
import { checkEncoding, DEFAULT_ENCODING } from '../../ingest/decode.js';
import type { Decoder } from '../../ingest/decoded.js';
import { IMPORT_FORMATS } from '../../ingest/detect.js';
import { openImport } from '../../ingest/open-import.js';
import type { RawRecord } from '../../ingest/readers.js';
import type { Store } from '../../store/store.js';
import { brandTermsOf, runAnalysisStep } from '../analysis-step.js';
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
  .addOption(new Option('--format <format>', 'file format (default: told from the content)').choices([...IMPORT_FORMATS]))
  .option('--encoding <name>', 'the file\'s text encoding (latin1, windows-1252, utf-16le, …); default UTF-8, whose invalid rows are refused', DEFAULT_ENCODING)
  .option('--brand <name>', 'brand for rows that have no brand field')
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

/**
 * Imports, and unless --no-analyze, analyses on worker threads while this thread parses
 * and inserts: both cores work through the whole import instead of one after the other.
 */
async function importAndFollow(
  ctx: CliContext, store: Store, file: string, records: AsyncIterable<RawRecord>, decode: Decoder, flags: ImportFlags,
): Promise<{ summary: ImportSummary; analysis?: AnalyzeSummary }> {
  const spinner = ctx.out.spinner(`importing ${file}`);
  const feed = flags.analyze ? new BacklogFeed() : undefined;
  let analysed = 0;
  // loaded on use (the NLP model costs ~1 s and ~100 MB); settled at once, so a failure
  // during the import is not an unhandled rejection
  const analysis = feed && import('../../core/analyze.js').then(({ analyzePending }) => analyzePending(store, {
    brandTerms: brandTermsOf(ctx.settings().config), follow: feed, onProgress: (done) => { analysed = done; },
  })).then((value) => ({ value }), (error: unknown) => ({ error }));
  try {
    const summary = await importMentions(store, records, {
      defaultBrand: flags.brand,
      now: ctx.now,
      watched: ctx.settings().config.brands,
      decode,
      afterBatch: feed && ((outcome) => feed.stored(outcome)),
      onProgress: (s) => {
        spinner.update(`importing ${file}: ${s.inserted + s.updated} stored, ${s.rejected} rejected${feed ? `, ${analysed} analysed` : ''}`);
      },
    });
    feed?.finish();
    spinner.update(`analysing the rest of ${file}`);
    const outcome = await analysis;
    if (outcome && 'error' in outcome) throw outcome.error;
    return { summary, analysis: outcome?.value };
  } finally {
    feed?.finish();
    await analysis; // an import error wins; the workers still stop before it is reported
    spinner.stop();
  }
}

function reportRejections(ctx: CliContext, summary: ImportSummary, unit: string): void {
  const shown = summary.rejections.slice(0, 20);
  for (const r of shown) ctx.out.warn(`${unit} ${r.line}: ${r.reason}`);
  if (summary.rejected > shown.length) ctx.out.warn(`… and ${summary.rejected - shown.length} more rejected rows`);
}
