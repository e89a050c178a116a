import { Command } from 'commander';
import { withRunLock } from '../../core/run-lock.js';
import { scan } from '../../core/scan.js';
import { UserError } from '../../errors.js';
import { createSources } from '../../sources/index.js';
import type { Store } from '../../store/store.js';
import { runAlertStep } from '../alert-step.js';
import { runAnalysisStep } from '../analysis-step.js';
import { clockNow, withContext, type CliContext } from '../context.js';
import { brandsToScan } from '../brands.js';
import { brandOption } from '../options.js';
import { sourceOptionsFromEnv } from '../source-options.js';
import { parseDuration } from '../time.js';

interface RunFlags {
  brand?: string;
  scan: boolean;
  alert: boolean;
  failOnAlert?: boolean;
  staleAfter: string;
}

export const runCommand = new Command('run')
  .description('scan, analyse and alert in one go, for cron: one run per database at a time (exit 75 if another holds it)')
  .addOption(brandOption('only this brand (default: every configured brand)'))
  .option('--no-scan', 'skip the scan (e.g. when mentions arrive by import)')
  .option('--no-alert', 'skip the alerts')
  .option('--fail-on-alert', 'exit 3 when an alert was sent')
  .option('--stale-after <duration>', 'take over a lock whose run stopped its heartbeat this long ago', '15m')
  .addHelpText('after', [
    '', 'Exit codes: 0 ok, 1 a step failed (the others still ran), 2 usage, 3 alerts sent (with --fail-on-alert),',
    '            75 another run holds the database (nothing was done).',
    '', 'Examples:', '  $ earshot run --quiet', '  $ earshot run --brand "Clipper Teas" --fail-on-alert',
  ].join('\n'))
  .action(withContext(async (ctx, flags: RunFlags) => {
    const staleAfterMs = parseDuration(flags.staleAfter, '--stale-after');
    const store = await ctx.store();
    await withRunLock(store, () => runSteps(ctx, store, flags), {
      staleAfterMs,
      onTakeover: (prev) => ctx.out.info(`took over a stale run lock from pid ${prev.pid} on ${prev.hostname} (started ${prev.startedAt})`),
    });
  }));

/** Each step runs even when an earlier one partly failed; failures end in one error line. */
async function runSteps(ctx: CliContext, store: Store, flags: RunFlags): Promise<void> {
  const problems: string[] = [];
  if (flags.scan) problems.push(...await scanStep(ctx, store, flags.brand));
  await runAnalysisStep(ctx, store);
  if (flags.alert) {
    try {
      await runAlertStep(ctx, store, { brand: flags.brand, failOnAlert: flags.failOnAlert }, false);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    throw new UserError(`run finished with errors: ${problems.join('; ')}`, 'stored data is kept; the next run resumes and retries');
  }
}

async function scanStep(ctx: CliContext, store: Store, brandName: string | undefined): Promise<string[]> {
  const { config } = ctx.settings();
  const brands = brandsToScan(config.brands, brandName, { message: 'no brands configured to scan', hint: 'add one to earshot.config.json, or pass --no-scan' });
  const summary = await scan(store, {
    brands,
    watched: config.brands,
    sources: createSources(config, ctx.env, sourceOptionsFromEnv(ctx.env)),
    maxPosts: config.scan.maxPosts,
    maxWaitMs: config.scan.maxWaitSeconds * 1000,
    maxPages: config.scan.maxPages,
    // the scan's clock (EARSHOT_NOW when set) dates feed items and reviews that carry no time
    now: () => clockNow(ctx.env),
    redact: ctx.out.redact,
  });
  for (const skipped of summary.skipped) ctx.out.info(`${skipped.source}: skipped, ${skipped.reason}`);
  const stored = summary.runs.reduce((n, r) => n + r.inserted, 0);
  ctx.out.info(`scanned ${summary.runs.length} brand × source pair(s): ${stored} new mention(s)`);
  return summary.runs.filter((r) => r.status === 'failed').map((r) => `scan ${r.brand} · ${r.source} failed: ${r.message ?? 'unknown error'}`);
}
