import { Command, Option } from 'commander';
import { compareBrands } from '../../core/compare.js';
import type { Comparison } from '../../domain/compare.js';
import { UsageError } from '../../errors.js';
import { renderCompareHtml } from '../../report/compare-html.js';
import { renderCompareCsv, renderCompareMarkdown, renderCompareTable } from '../../report/compare-text.js';
import { withContext, type CliContext } from '../context.js';
import { checkBrands } from '../brands.js';
import { checkOutputPath, writeResult } from '../output-file.js';
import { parseTimeRange, scanEveryMs } from '../time.js';
import { chooseFormat, formatOption, langOption, outOption, reportIncomplete, sinceOption, untilOption, wideOption } from '../options.js';

interface CompareFlags {
  set?: string;
  brands?: string;
  since: string;
  until?: string;
  by: 'day' | 'week';
  lang?: string[];
  format?: string;
  out?: string;
  strict?: boolean;
  wide?: boolean;
}

export const compareCommand = new Command('compare')
  .description('share of voice, sentiment, complaints and top issues of competing brands, side by side')
  .option('--set <name>', 'a competitor set of the config ("compare": [{ "name", "brands" }])')
  .option('--brands <list>', 'brands to compare, comma-separated (instead of --set)')
  .addOption(sinceOption('30d', 'start of the period (ISO date or a duration ago)'))
  .addOption(untilOption('end of the period, exclusive (default now)'))
  .addOption(langOption('only mentions in these languages, comma-separated ISO 639-1 codes (und: not known)'))
  .addOption(new Option('--by <bucket>', 'bucket of the over-time figures').choices(['day', 'week']).default('day'))
  .addOption(formatOption(['table', 'markdown', 'json', 'html', 'csv'], 'tty'))
  .addOption(outOption())
  .addOption(wideOption())
  .option('--strict', 'exit 4 when the data is incomplete (no data, a failing or stale source, a post budget hit, mixed models): for cron')
  .addHelpText('after', '\nExamples:\n  $ earshot compare --set "tea market"\n  $ earshot compare --brands "Kettleby Tea,Clipper Teas" --since 7d --by day'
    + '\n  $ earshot compare --set "tea market" --by week --format html --out compare.html')
  .action(withContext(runCompare));

async function runCompare(ctx: CliContext, flags: CompareFlags): Promise<void> {
  const range = parseTimeRange(flags, ctx.now);
  const since = new Date(range.since!);
  const until = range.until ? new Date(range.until) : ctx.now;
  if (since >= until) throw new UsageError('--since must be before --until');
  const { set, names } = pickBrands(ctx, flags);
  if (flags.out) checkOutputPath(ctx, flags.out);
  // a read command: never creates, migrates or writes the store (compare counts raw links where the rollup is not current)
  const store = await ctx.readStore();
  // a brand neither stored nor configured is a typo: a 0 % row and "+100 pt" would hide it
  const brands = await checkBrands(ctx, store, names);
  const comparison = await compareBrands(store, { brands, set, since, until, bucket: flags.by, now: ctx.now, scanEveryMs: scanEveryMs(ctx), ...(flags.lang ? { langs: flags.lang } : {}) });
  const format = chooseFormat(flags.format, { out: flags.out, isTTY: process.stdout.isTTY, byExtension: ['html', 'csv'] });
  const text = render(comparison, format, ctx.out.color, flags.out ? null : ctx.tableWidth(flags.wide));
  await writeResult(ctx, flags.out, text, `${brands.length} brands`);
  // CSV has no room for them: each goes to stderr; a file or a pipe of JSON/HTML gets a count
  reportIncomplete(ctx, comparison.warnings, flags.strict, format === 'csv' ? 'each' : flags.out || format === 'json' || format === 'html' ? 'count' : 'none');
}

function pickBrands(ctx: CliContext, flags: CompareFlags): { set?: string; names: string[] } {
  if (flags.set && flags.brands) throw new UsageError('--set and --brands cannot be used together', 'pick one');
  const { config } = ctx.settings();
  if (flags.brands) {
    const names = [...new Set(flags.brands.split(',').map((b) => b.trim()).filter(Boolean))];
    if (names.length < 2) throw new UsageError('--brands needs at least two brands', 'e.g. --brands "Kettleby Tea,Clipper Teas"');
    return { names };
  }
  const sets = config.compare;
  const set = flags.set ? sets.find((s) => s.name.toLowerCase() === flags.set!.toLowerCase()) : sets.length === 1 ? sets[0] : undefined;
  if (set) return { set: set.name, names: set.brands };
  if (flags.set) throw new UsageError(`no competitor set "${flags.set}" in the config`, sets.length ? `one of: ${sets.map((s) => `"${s.name}"`).join(', ')}` : 'add one under "compare"');
  if (sets.length > 1) throw new UsageError('several competitor sets exist', `pick one with --set: ${sets.map((s) => `"${s.name}"`).join(', ')}`);
  if (config.brands.length >= 2) return { names: config.brands.map((b) => b.name) };
  throw new UsageError('nothing to compare', 'name brands with --brands A,B or add a competitor set under "compare" in the config');
}

function render(c: Comparison, format: string, color: boolean, width: number | null): string {
  switch (format) {
    case 'json': return JSON.stringify(c, null, 2);
    case 'markdown': return renderCompareMarkdown(c);
    case 'csv': return renderCompareCsv(c);
    case 'html': return renderCompareHtml(c);
    default: return renderCompareTable(c, color, width);
  }
}
