import { Command } from 'commander';
import { withRunLock } from '../../core/run-lock.js';
import { runAlertStep, type AlertStepFlags } from '../alert-step.js';
import { withContext } from '../context.js';
import { addBrandOption } from '../options.js';

const command = new Command('alert')
  .description('post new emerging issues to the Slack, webhook and e-mail targets in the config (each issue once, per cooldown), and new mentions to targets with match rules')
  .option('--dry-run', 'print the payloads that would be sent (stdout, URLs masked); send and record nothing')
  .option('--fail-on-alert', 'exit 3 when an alert was sent')
  .option('--strict', 'exit 4 when a report behind the alerts is incomplete (no data, a failing, stale or overdue source, mixed models), each reason on stderr; exit 3 of --fail-on-alert wins');
addBrandOption(command, 'only this brand (default: every configured brand)');

export const alertCommand = command
  .addHelpText('after', '\nExamples:\n  $ earshot alert --dry-run | jq .payload\n  $ earshot alert --brand "Clipper Teas" --fail-on-alert')
  .action(withContext(async (ctx, flags: AlertStepFlags) => {
    if (flags.dryRun) {
      // a dry run sends and records nothing: it only reads
      await runAlertStep(ctx, await ctx.readStore(), flags, true);
      return;
    }
    const store = await ctx.store();
    // the run lock keeps a manual alert and a cron run from posting the same issue twice
    await withRunLock(store, () => runAlertStep(ctx, store, flags, true), {
      onTakeover: (prev) => ctx.out.warn(`took over a stale run lock from pid ${prev.pid} on ${prev.hostname}`),
    });
  }));
