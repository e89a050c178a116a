import { Command } from 'commander';
import type { TaskEvaluation } from '../../analysis/adapt/index.js';
import type { TrainOutcome } from '../../core/train.js';
import { renderTable } from '../../report/table.js';
import { resolveBrand } from '../brands.js';
import { brandOption } from '../options.js';
import { withContext } from '../context.js';

export const trainCommand = new Command('train')
  .description('adapt the sentiment and complaint models to your labels; switches only when better on held-out labels')
  .addOption(brandOption('adapt for this brand only (default: the whole store)'))
  .option('--dry-run', 'print the comparison only; change nothing')
  .addHelpText('after', '\nExamples:\n  $ earshot train --dry-run\n  $ earshot train --brand "Clipper Teas"'
    + '\n\nEvery label is scored by a model fitted without it (5-fold cross-validation, or one held-out'
    + '\nfifth from 400 labelled mentions on). The next analyze re-scores with the adapted model.')
  .action(withContext(async (ctx, flags: { brand?: string; dryRun?: boolean }) => {
    // --dry-run only reads: it opens the store read-only, like report and status
    const store = flags.dryRun ? await ctx.readStore() : await ctx.store();
    const brand = flags.brand === undefined ? undefined : await resolveBrand(ctx, store, flags.brand);
    const { trainAdaptation } = await import('../../core/train.js');
    const outcome = await trainAdaptation(store, { brand, dryRun: flags.dryRun, now: ctx.now });
    ctx.out.data(renderOutcome(outcome));
    ctx.out.info(verdict(outcome, flags.dryRun === true));
  }));

function renderOutcome(o: TrainOutcome): string {
  const e = o.evaluation;
  const row = (task: string, t: TaskEvaluation | null, kept: boolean): Array<string | number> => (t
    ? [task, t.labels, t.base.toFixed(3), t.adapted.toFixed(3), `${t.adapted - t.base >= 0 ? '+' : ''}${(t.adapted - t.base).toFixed(3)}`, kept ? 'adapted' : 'base (not better)']
    : [task, '–', '–', '–', '–', 'base (too few labels)']);
  const table = renderTable(['model', 'labels', 'base macro-F1', 'adapted macro-F1', 'change', 'uses'],
    [row('sentiment', e.sentiment, o.kept.sentiment), row('complaint', e.complaint, o.kept.complaint)]);
  const how = e.scheme === 'held-out' ? `one held-out fifth (${e.heldOut} labelled mentions)` : `5-fold cross-validation (${e.heldOut} labelled mentions)`;
  return `${o.brand ?? 'whole store'}: scored on labels the adapted model was not fitted on, ${how}\n${table}`;
}

function verdict(o: TrainOutcome, dryRun: boolean): string {
  const scope = o.brand ? `brand ${o.brand}` : 'the store';
  if (!o.adaptation) return `not switching: the adapted model is not better than the base on the held-out labels; ${scope} keeps its current model`;
  if (dryRun) return `dry run: would switch ${scope} to ${o.adaptation.version} (${o.toRescore} mention(s) to re-score); nothing changed`;
  return `switched ${scope} to ${o.adaptation.version}; the next earshot analyze (or scan) re-scores ${o.toRescore} mention(s)`;
}
