import { Command, Option } from 'commander';
import { finished } from 'node:stream/promises';
import { digestTargets, sendDigest, type DigestPeriod, type DigestResult } from '../../core/digest.js';
import { UserError } from '../../errors.js';
import { resolveBrand } from '../brands.js';
import { brandOption, outOption } from '../options.js';
import { withContext, type CliContext } from '../context.js';
import { checkOutputPath, writeOutput } from '../output-file.js';
import { parseTimePoint } from '../time.js';
import { retryFromEnv } from '../alert-step.js';

interface DigestFlags {
  brand?: string;
  period: DigestPeriod;
  at?: string;
  dryRun?: boolean;
  out?: string;
}

const command = new Command('digest')
  .description('mail the report of the last complete day or week to the e-mail targets in the config (once per period)')
  .addOption(brandOption('the brand to digest (default: the only one)'))
  .addOption(new Option('--period <period>', 'the last complete UTC day, or week (Monday to Monday)').choices(['day', 'week']).makeOptionMandatory())
  .option('--at <when>', 'digest the period before this time (ISO date or a duration ago; default now)')
  .option('--dry-run', 'print the message (.eml) on stdout; send and record nothing')
  .addOption(outOption('write the message (.eml) to this file; send and record nothing'));

export const digestCommand = command
  .addHelpText('after', '\nExamples:\n  $ earshot digest --brand "Clipper Teas" --period day\n  $ earshot digest --period week --out week.eml\n\ncron (daily at 07:00 UTC; a second run the same day sends nothing):\n  0 7 * * * cd /srv/earshot && earshot digest --brand "Clipper Teas" --period day --quiet')
  .action(withContext(async (ctx, flags: DigestFlags) => {
    const at = flags.at ? new Date(parseTimePoint(flags.at, '--at', ctx.now)) : ctx.now;
    if (flags.out) checkOutputPath(ctx, flags.out);
    const compose = Boolean(flags.dryRun || flags.out);
    const store = compose ? await ctx.readStore() : await ctx.store();
    const brand = await resolveBrand(ctx, store, flags.brand, 'digest');
    const targets = digestTargets(ctx.settings().config.alerts, brand);
    if (targets.length === 0) {
      throw new UserError(`no e-mail target watches ${brand}: nothing to send the digest to`, 'add an alert target with "type": "email" (see docs/alerts.md)');
    }
    const options = { brand, period: flags.period, at, now: ctx.now, dryRun: compose, retry: retryFromEnv(ctx.env), env: ctx.env };
    // no run lock: a digest at 07:00 must not fail because the half-hourly `run` holds it.
    // Two digests of one period racing both send (one record is kept); the mails carry the
    // same Message-ID, which mail clients treat as one message.
    const result = await sendDigest(store, targets, options);
    await writeComposed(ctx, flags, result);
    summarise(ctx, flags.period, result);
  }));

/** --out: one file per target (`week.eml`, `week-2.eml`, …); --dry-run: each message on stdout. */
async function writeComposed(ctx: CliContext, flags: DigestFlags, result: DigestResult): Promise<void> {
  for (const [i, d] of result.deliveries.entries()) {
    if (d.status !== 'composed') continue;
    if (flags.out) {
      const file = i === 0 ? flags.out : flags.out.replace(/(\.[^./]*)?$/, (ext) => `-${i + 1}${ext}`);
      if (i > 0) checkOutputPath(ctx, file);
      await writeOutput(file, async (stream) => {
        stream.end(d.eml);
        await finished(stream);
      });
      ctx.out.info(`wrote ${file}: the digest for ${d.target} (nothing sent)`);
    } else {
      ctx.out.data(d.eml.toString('utf8'));
    }
  }
}

function summarise(ctx: CliContext, period: DigestPeriod, result: DigestResult): void {
  const span = `${result.report.brand}, ${period} from ${result.periodStart.slice(0, 10)}`;
  for (const d of result.deliveries) {
    if (d.status === 'sent') ctx.out.info(`digest ${span}: sent to ${d.target} (${d.url}), ${d.message.messageId}`);
    if (d.status === 'already-sent') ctx.out.info(`digest ${span}: already sent to ${d.target} at ${d.previous!.sentAt}; nothing sent`);
    if (d.status === 'composed' && d.previous) ctx.out.info(`digest ${span}: ${d.target} already had it at ${d.previous.sentAt}`);
  }
  if (result.failures.length > 0) {
    const failed = result.failures.map((f) => `${f.target}: ${f.message}`).join('; ');
    throw new UserError(`digest delivery failed for ${failed}`, 'nothing is recorded for a failed target: the next run sends it');
  }
}
