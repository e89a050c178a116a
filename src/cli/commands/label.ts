import { Command } from 'commander';
import { COMPLAINT_LABELS, SENTIMENT_LABELS, isComplaintLabel, isSentimentLabel } from '../../domain/mention.js';
import { UsageError, UserError } from '../../errors.js';
import { withContext } from '../context.js';

const LABELS = [...SENTIMENT_LABELS, ...COMPLAINT_LABELS];

export const labelCommand = new Command('label')
  .description('correct a mention\'s sentiment or complaint flag; the human label wins in reports and exports and survives re-analysis')
  .argument('<mention>', 'mention id, or source:id when ids clash across sources')
  .argument('<label>', LABELS.join('|'))
  .addHelpText('after', '\nExamples:\n  $ earshot label 1859236457122451456 negative\n  $ earshot label reddit:t3_1abcd neutral'
    + '\n  $ earshot label 1859236457122451456 complaint\n  $ earshot label reddit:t3_1abcd not-complaint')
  .action(withContext(async (ctx, ref: string, label: string) => {
    if (!isSentimentLabel(label) && !isComplaintLabel(label)) throw new UsageError(`"${label}" is not a label`, `use one of ${LABELS.join(', ')}`);
    const store = await ctx.store();
    const found = await store.findMention(ref);
    if (found.length === 0) throw new UserError(`no stored mention has id ${ref}`, 'find it with: earshot search WORDS --format json');
    if (found.length > 1) {
      throw new UserError(`id ${ref} exists in ${found.map((m) => m.source).join(' and ')}`, `write it as ${found[0]!.source}:${ref}`);
    }
    if (isComplaintLabel(label)) await store.setComplaintLabel(found[0]!.rowId, label === 'complaint');
    else await store.setHumanLabel(found[0]!.rowId, label);
    ctx.out.info(`labelled ${found[0]!.source}:${found[0]!.id} as ${label}`);
  }));
