import { renderReportJson } from '../../report/report-json.js';
import { Command } from 'commander';
import { readIssueStates } from '../../core/issue-states.js';
import { LATEST_REPORT } from '../../core/latest-report.js';
import { readIdeas } from '../../core/ideas.js';
import { buildReport } from '../../core/report.js';
import type { Report } from '../../domain/report.js';
import { renderReportHtml } from '../../report/report-html.js';
import { renderReportMarkdown, renderReportTable } from '../../report/report-text.js';
import { withContext, type CliContext } from '../context.js';
import { checkOutputPath, writeResult } from '../output-file.js';
import { brandOption, chooseFormat, formatOption, langOption, outOption, parsePositiveInt, reportIncomplete, wideOption } from '../options.js';
import { addReportPeriodOptions, parseReportPeriod, type ReportPeriodFlags } from '../report-options.js';
import { resolveBrand } from '../brands.js';
import { checkSource } from '../names.js';
import { scanEveryMs } from '../time.js';

interface ReportFlags extends ReportPeriodFlags {
  brand?: string;
  top: number;
  minMentions: number;
  source?: string;
  lang?: string[];
  format?: string;
  out?: string;
  strict?: boolean;
  wide?: boolean;
  ideas?: boolean;
}

/** The report's ideas section looks back this far from `--at`: ideas want a month, not the issue window. */
const IDEAS_DAYS = 30;

const command = new Command('report')
  .description('rank emerging issues: terms rising in volume and negativity against their own baseline')
  .addOption(brandOption('the brand to report on (default: the only one)'));
addReportPeriodOptions(command);

export const reportCommand = command
  .option('--top <n>', 'at most this many issues and trends', parsePositiveInt('--top'), 10)
  .option('--min-mentions <n>', 'least distinct voices for a term to count', parsePositiveInt('--min-mentions'), 5)
  .option('--source <name>', 'only mentions from this source')
  .addOption(langOption('only mentions in these languages, comma-separated ISO 639-1 codes (und: not known); slower: reads no rollups'))
  .addOption(formatOption(['table', 'markdown', 'json', 'html'], 'tty'))
  .addOption(outOption())
  .option('--ideas', `add the brand's ideas: its suggestions of the ${IDEAS_DAYS} days before --at, grouped by topic (as earshot ideas)`)
  .option('--strict', 'exit 4 when the data is incomplete (no data, a failing or stale source, a post budget hit, mixed models): for cron')
  .addOption(wideOption())
  .addHelpText('after', '\nExamples:\n  $ earshot report --brand "Clipper Teas"\n  $ earshot report --format html --out report.html\n  $ earshot report --at 2026-11-20T09:00Z --format json | jq .issues[0]\n  $ earshot report --window 24h --baseline 28d --format json | jq .issues[0]')
  .action(withContext(runReport));

async function runReport(ctx: CliContext, flags: ReportFlags): Promise<void> {
  // flags first: a usage error should not wait on (or be hidden by) the database
  const { at, windowHours, baselineHours } = parseReportPeriod(flags, ctx.now);
  if (flags.out) checkOutputPath(ctx, flags.out);
  const store = await ctx.readStore();
  const brand = await resolveBrand(ctx, store, flags.brand, 'report');
  const source = flags.source === undefined ? undefined : await checkSource(store, flags.source);
  const built = await buildReport(store, { brand, at, windowHours, baselineHours, top: flags.top, minMentions: flags.minMentions, source, langs: flags.lang, scanEveryMs: scanEveryMs(ctx) });
  // states compare with what runs recorded, from reports of the default settings: only a
  // report of those settings can be compared (read only: report never writes)
  const comparable = !source && !flags.lang && windowHours === LATEST_REPORT.windowHours && baselineHours === LATEST_REPORT.baselineHours
    && flags.minMentions === LATEST_REPORT.minMentions;
  const report = comparable ? await readIssueStates(store, built) : built;
  if (flags.ideas) {
    const { brand: _, ...ideas } = await readIdeas(store, {
      brand, since: new Date(at.getTime() - IDEAS_DAYS * 86_400_000).toISOString(), until: at.toISOString(), limit: 5, samples: 2,
    });
    report.ideas = ideas;
  }
  const format = chooseFormat(flags.format, { out: flags.out, isTTY: process.stdout.isTTY, byExtension: ['html'] });
  // a file gets every column; the terminal (or COLUMNS) a table that fits it
  const text = render(report, format, ctx.out.color, flags.out ? null : ctx.tableWidth(flags.wide));
  await writeResult(ctx, flags.out, text, `${report.issues.length} issue(s), ${report.trends.length} trend(s)`);
  // the table and markdown on a terminal show the warnings already; a file or a pipe gets a line on stderr
  reportIncomplete(ctx, report.warnings, flags.strict, flags.out || format === 'json' || format === 'html' ? 'count' : 'none');
}

function render(report: Report, format: string, color: boolean, width: number | null): string {
  switch (format) {
    case 'json': return renderReportJson(report);
    case 'markdown': return renderReportMarkdown(report);
    case 'html': return renderReportHtml(report);
    default: return renderReportTable(report, color, width);
  }
}
