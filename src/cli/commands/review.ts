import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { ReviewItem } from '../../core/review.js';
import { neutraliseCell } from '../../report/csv.js';
import { renderFitted } from '../../report/fit-table.js';
import { clipText } from '../../report/table.js';
import { brandTermsOf } from '../analysis-step.js';
import { resolveBrand } from '../brands.js';
import { withContext } from '../context.js';
import { addFormatOption, brandOption, chooseFormat, parsePositiveInt, wideOption } from '../options.js';

export const reviewCommand = addFormatOption(
  new Command('review').description('list the unlabelled mentions the models are least sure about, spread over topics: label these first'),
  ['table', 'json', 'csv'],
  'tty',
)
  .addOption(brandOption())
  .option('--limit <n>', 'how many', parsePositiveInt('--limit'), 20)
  .addOption(wideOption())
  .addOption(new Option('--task <task>', 'which model\'s doubt counts').choices(['both', 'sentiment', 'complaint']).default('both'))
  .addHelpText('after', '\nExamples:\n  $ earshot review --limit 20\n  $ earshot review --brand "Clipper Teas" --task complaint'
    + '\n  $ earshot review --format csv > todo.csv   # fill in the label column, then: earshot label --file todo.csv')
  .action(withContext(async (ctx, flags: { brand?: string; limit: number; task: 'both' | 'sentiment' | 'complaint'; format?: string; wide?: boolean }) => {
    // a read command: never creates, migrates or writes the store
    const store = await ctx.readStore();
    const brand = flags.brand === undefined ? undefined : await resolveBrand(ctx, store, flags.brand);
    const { reviewMentions } = await import('../../core/review.js');
    const items = await reviewMentions(store, { brand, limit: flags.limit, task: flags.task, brandTerms: brandTermsOf(ctx.settings().config) });
    const format = chooseFormat(flags.format, { isTTY: process.stdout.isTTY });
    if (format === 'json') return ctx.out.data(JSON.stringify(items, null, 2));
    if (format === 'csv') return ctx.out.data(renderCsv(items).trimEnd());
    if (items.length === 0) return ctx.out.info('nothing to review: every analysed mention is labelled');
    ctx.out.data(renderFitted(REVIEW_COLUMNS,
      items.map((i) => [i.ref, i.brand, i.topic ?? '', `${i.sentiment}, complaint ${i.complaintScore.toFixed(2)}`, i.doubt, clipText(i.text, 60)]),
      ctx.tableWidth(flags.wide), ctx.out.color));
    ctx.out.info('label them: earshot label ID… negative|neutral|positive|complaint|not-complaint, then earshot train');
  }));

/** In a narrow terminal the text and the doubt are cut, then the topic and the brand go. */
const REVIEW_COLUMNS = [
  { head: 'id' }, { head: 'brand', drop: 1, shrink: true, min: 10 }, { head: 'topic', drop: 2, shrink: true, min: 10 },
  { head: 'model says' }, { head: 'doubt', shrink: true, min: 16 }, { head: 'text', shrink: true, min: 20 },
];

/** `id,label,…` with an empty label column to fill in, readable by earshot label --file. */
function renderCsv(items: ReviewItem[]): string {
  return stringify([
    ['id', 'label', 'brand', 'topic', 'sentiment', 'complaint', 'text'],
    ...items.map((i) => [i.ref, '', i.brand, i.topic ?? '', i.sentiment, i.complaintScore.toFixed(3), neutraliseCell(i.text)]),
  ]);
}
