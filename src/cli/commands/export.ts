import { Command } from 'commander';
import { EXPORT_FORMATS, exportMentions, issueQuery, parseColumns, type ExportFormat } from '../../core/export.js';
import { LATEST_REPORT } from '../../core/latest-report.js';
import { buildReport } from '../../core/report.js';
import { addReportPeriodOptions, parseReportPeriod, type ReportPeriodFlags } from '../report-options.js';
import { isSentimentLabel, SENTIMENT_LABELS, type SentimentLabel } from '../../domain/mention.js';
import { UsageError } from '../../errors.js';
import { EXPORT_COLUMNS } from '../../report/export-columns.js';
import type { ExportQuery, Store } from '../../store/store.js';
import { withContext, type CliContext } from '../context.js';
import { checkOutputPath, writeOutput } from '../output-file.js';
import {
  addBrandOption, addComplaintOption, addIntentOption, addLangOption, addSafetyOption, addTimeRangeOptions, formatOption, outOption, parsePositiveInt,
} from '../options.js';
import { checkBrand, resolveBrand } from '../brands.js';
import { parseTimeRange } from '../time.js';
import { checkSource } from '../names.js';

interface ExportFlags extends ReportPeriodFlags {
  format: ExportFormat;
  out?: string;
  brand?: string;
  source?: string;
  since?: string;
  until?: string;
  sentiment?: string;
  complaint?: boolean;
  safety?: boolean;
  lang?: string[];
  intent?: 'question' | 'suggestion';
  issue?: number;
  search?: string;
  limit?: number;
  columns?: string;
  excel?: boolean;
}

const command = new Command('export')
  .description('export mentions as CSV, JSONL or an Excel workbook for spreadsheets and ticket tools (streams any number of rows)')
  .addOption(formatOption(EXPORT_FORMATS, 'csv', 'output format (xlsx: typed cells, for spreadsheets)'))
  .addOption(outOption())
  .option('--source <name>', 'only this source (x, reddit, hackernews, …)')
  .option('--sentiment <labels>', `only these labels, comma-separated (${SENTIMENT_LABELS.join(', ')}); human labels win`)
  .option('--issue <n>', 'only the mentions behind issue N of the report as of --at (default now), with its --window and --baseline', parsePositiveInt('--issue'))
  .option('--search <query>', 'only mentions matching this full-text query')
  .option('--limit <n>', 'at most this many rows', parsePositiveInt('--limit'))
  .option('--columns <list>', `columns to write, in this order (default: ${EXPORT_COLUMNS.join(',')})`)
  .option('--excel', 'CSV with a UTF-8 byte order mark, for Excel');
addBrandOption(command);
addTimeRangeOptions(command);
addComplaintOption(command);
addSafetyOption(command);
addLangOption(command);
addIntentOption(command);
addReportPeriodOptions(command);

export const exportCommand = command
  .addHelpText('after', '\nExamples:\n  $ earshot export --brand "Clipper Teas" --since 7d --format xlsx --out feedback.xlsx'
    + '\n  $ earshot export --brand "Clipper Teas" --since 7d --out mentions.csv --excel'
    + '\n  $ earshot export --brand "Clipper Teas" --issue 1 --columns created_at,author,text,url'
    + '\n  $ earshot export --brand "Clipper Teas" --issue 2 --at 2026-11-20T09:30Z   # issue 2 of that morning\'s report'
    + '\n  $ earshot export --format jsonl --sentiment negative | jq .text'
    + '\n  $ earshot export --complaint --since 7d --columns created_at,text,complaint,url'
    + '\n  $ earshot export --safety --since 30d --columns created_at,text,safety,url'
    + '\n  $ earshot export --intent question --since 7d --columns created_at,author,text,question,url')
  .action(withContext(runExport));

async function runExport(ctx: CliContext, flags: ExportFlags): Promise<void> {
  const columns = flags.columns === undefined ? undefined : parseColumns(flags.columns);
  const sentiments = flags.sentiment === undefined ? undefined : parseSentiments(flags.sentiment);
  if (flags.excel && flags.format !== 'csv') throw new UsageError('--excel applies to --format csv only', 'for Excel, --format xlsx keeps ids, dates and links typed');
  if (flags.format === 'xlsx' && !flags.out && process.stdout.isTTY) {
    throw new UsageError('--format xlsx writes a binary workbook, not for a terminal', 'add --out feedback.xlsx (or pipe it to a file)');
  }
  const { since, until } = parseTimeRange(flags, ctx.now);
  if (flags.out) checkOutputPath(ctx, flags.out);
  const store = await ctx.readStore();
  // a typo must be an error, not a header-only file
  const brand = flags.brand === undefined ? undefined : await checkBrand(ctx, store, flags.brand);
  const source = flags.source === undefined ? undefined : await checkSource(store, flags.source);
  const query: ExportQuery = {
    brand,
    source,
    since,
    until,
    sentiments,
    complaint: flags.complaint,
    safety: flags.safety,
    langs: flags.lang,
    intent: flags.intent,
    search: flags.search,
    limit: flags.limit,
    ...(flags.issue === undefined ? {} : await issueFilter(ctx, store, { ...flags, brand, source }, flags.issue)),
  };
  const options = { format: flags.format, columns, excel: flags.excel };
  if (!flags.out) {
    await exportToStdout(store, query, options);
    return;
  }
  // a regular file is written next to the target and renamed at the end (a failed export
  // leaves no half file); a device, FIFO or /dev/stdout is written through (output-file.ts)
  const count = await writeOutput(flags.out, (stream) => exportMentions(store, query, stream, options));
  ctx.out.info(`exported ${count.toLocaleString('en-US')} mention(s) to ${flags.out}`);
}

async function exportToStdout(store: Store, query: ExportQuery, options: Parameters<typeof exportMentions>[3]): Promise<void> {
  try {
    await exportMentions(store, query, process.stdout, { ...options, endOutput: false });
  } catch (error) {
    // `earshot export | head` closes the pipe early: that is the reader's choice, not a failure
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

function parseSentiments(list: string): SentimentLabel[] {
  const labels = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = labels.filter((l) => !isSentimentLabel(l));
  if (bad.length > 0 || labels.length === 0) {
    throw new UsageError(`--sentiment "${list}" is not a list of labels`, `use ${SENTIMENT_LABELS.join(', ')}, comma-separated`);
  }
  return labels as SentimentLabel[];
}

/** Brand, terms and time window of issue N in the report as of --at (now by default), built with the same settings. */
async function issueFilter(ctx: CliContext, store: Store, flags: ExportFlags, rank: number): Promise<ExportQuery> {
  const period = parseReportPeriod(flags, ctx.now);
  const brand = await resolveBrand(ctx, store, flags.brand, '--issue');
  const report = await buildReport(store, { ...LATEST_REPORT, ...period, brand, source: flags.source });
  return issueQuery(report, rank);
}
