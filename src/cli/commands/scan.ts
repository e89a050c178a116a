import { Command } from 'commander';
import { scan, type ScanSummary } from '../../core/scan.js';
import { UsageError, UserError } from '../../errors.js';
import { renderFitted } from '../../report/fit-table.js';
import { createSources } from '../../sources/index.js';
import type { SourceEvent } from '../../sources/source.js';
import { runAnalysisStep } from '../analysis-step.js';
import { brandsToScan } from '../brands.js';
import { clockNow, withContext, type CliContext } from '../context.js';
import { sourceOptionsFromEnv } from '../source-options.js';
import { checkSource, SOURCE_NAMES } from '../names.js';
import { addFormatOption, brandOption, parsePositiveInt, wideOption } from '../options.js';
import type { Spinner } from '../output.js';


interface ScanFlags {
  source?: string[];
  brand?: string;
  maxPosts?: number;
  maxWait?: number;
  format?: string;
  analyze: boolean;
  wide?: boolean;
}

export const scanCommand = addFormatOption(
  new Command('scan').description('fetch new mentions of each configured brand from X, Reddit, Hacker News, Bluesky, feeds and App Store reviews'),
  ['table', 'json'],
  'table',
)
  .option('--source <name...>', `only these sources (${SOURCE_NAMES.join(', ')}); an unconfigured one is an error`)
  .addOption(brandOption())
  .option('--max-posts <n>', 'posts read per source in this scan (default: config scan.maxPosts)', parsePositiveInt('--max-posts'))
  .option('--no-analyze', 'store only; analyse later with: earshot analyze')
  .addOption(wideOption())
  .option('--max-wait <seconds>', 'longest rate-limit wait before stopping a source (default: config, 60)', parseSeconds)
  .addHelpText('after', '\nExamples:\n  $ earshot scan\n  $ earshot scan --source hackernews --max-posts 200\n  $ earshot scan --format json   # for cron')
  .action(withContext(runScan));

async function runScan(ctx: CliContext, flags: ScanFlags): Promise<void> {
  const { config } = ctx.settings();
  const brands = brandsToScan(config.brands, flags.brand, { message: 'no brands configured', hint: 'add one to earshot.config.json (earshot init writes a starter)' });
  const requested = flags.source?.flatMap((name) => name.split(',')).map((name) => name.trim().toLowerCase());
  // scan knows only the sources it can fetch: "twitter" says the source is x
  for (const name of requested ?? []) await checkSource(null, name);
  const store = await ctx.store();
  const spinner = ctx.out.spinner('scanning');
  let summary: ScanSummary;
  try {
    summary = await scan(store, {
      brands,
      watched: config.brands,
      sources: createSources(config, ctx.env, sourceOptionsFromEnv(ctx.env)),
      requested,
      maxPosts: flags.maxPosts ?? config.scan.maxPosts,
      maxWaitMs: (flags.maxWait ?? config.scan.maxWaitSeconds) * 1000,
      maxPages: config.scan.maxPages,
    // the scan's clock (EARSHOT_NOW when set) dates feed items and reviews that carry no time
    now: () => clockNow(ctx.env),
      redact: ctx.out.redact,
      onEvent: progressReporter(ctx, spinner),
    });
  } finally {
    spinner.stop();
  }
  // Analyse what was stored even when a source failed: that data is good.
  if (flags.analyze) await runAnalysisStep(ctx, store);
  for (const skipped of summary.skipped) ctx.out.info(`${skipped.source}: skipped, ${skipped.reason} — ${skipped.hint}`);
  ctx.out.data(flags.format === 'json' ? JSON.stringify(summary, null, 2) : renderSummary(summary, ctx.out.color, ctx.tableWidth(flags.wide)));
  const failed = summary.runs.filter((run) => run.status === 'failed');
  if (failed.length > 0) {
    throw new UserError(`${failed.length} source scan(s) failed: ${failed[0]!.message ?? 'unknown error'}`, 'what was fetched before the failure is stored; the next scan resumes');
  }
}


/** Spinner text per brand and source; waits and notices as lines of their own, since they explain a pause. */
function progressReporter(ctx: CliContext, spinner: Spinner) {
  const pages = new Map<string, { pages: number; posts: number }>();
  return (brand: string, source: string, event: SourceEvent) => {
    const key = `${brand} · ${source}`;
    const seen = pages.get(key) ?? { pages: 0, posts: 0 };
    if (event.kind === 'page') {
      pages.set(key, { pages: seen.pages + 1, posts: seen.posts + event.posts });
      spinner.update(`${key}: ${seen.pages + 1} pages, ${seen.posts + event.posts} posts read`);
    } else if (event.kind === 'wait') {
      ctx.out.info(`${key}: waiting ${event.seconds}s — ${event.reason}`);
    } else if (event.kind === 'retry') {
      ctx.out.info(`${key}: retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)}s — ${event.reason}`);
    } else {
      ctx.out.info(`${key}: ${event.message}`);
    }
  };
}

/** In a narrow terminal the note is cut, then pages, updated and posts read go. */
const SCAN_COLUMNS = [
  { head: 'brand', shrink: true, min: 12 }, { head: 'source' }, { head: 'status' }, { head: 'pages', drop: 1 }, { head: 'posts read', drop: 3 },
  { head: 'new' }, { head: 'updated', drop: 2 }, { head: 'note', shrink: true, min: 24 },
];

function renderSummary(summary: ScanSummary, color: boolean, width: number | null): string {
  if (summary.runs.length === 0) return 'No source could run.';
  return renderFitted(
    SCAN_COLUMNS,
    summary.runs.map((r) => [r.brand, r.source, r.status, count(r.pages), count(r.postsRead), count(r.inserted), count(r.updated),
      [r.budgetHit ? 'post budget reached: backlog not fully read' : '', r.message ?? ''].filter(Boolean).join('; ')]),
    width,
    color,
  );
}

const count = (n: number) => n.toLocaleString('en-US');

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`--max-wait must be a number of seconds, got "${value}"`, 'e.g. --max-wait 60');
  return seconds;
}
