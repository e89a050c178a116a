import { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { readIdeas, type IdeasResult } from '../../core/ideas.js';
import { neutraliseCell } from '../../report/csv.js';
import { renderIdeasHtml } from '../../report/intents-html.js';
import { renderIdeasMarkdown } from '../../report/intents-text.js';
import { renderFitted } from '../../report/fit-table.js';
import { IDEA_COLUMNS } from '../../report/report-text.js';
import { clipText } from '../../report/table.js';
import { resolveBrand } from '../brands.js';
import { withContext } from '../context.js';
import { addFormatOption, brandOption, chooseFormat, parsePositiveInt, sinceOption, untilOption, wideOption } from '../options.js';
import { parseTimeRange } from '../time.js';

interface IdeasFlags { brand?: string; since: string; until?: string; limit: number; samples: number; format?: string; wide?: boolean }

export const ideasCommand = addFormatOption(
  new Command('ideas').alias('suggestions')
    .description('customers\' suggestions for the product team, grouped by topic: voices, trend (new, rising, steady, falling) and sample posts'),
  ['table', 'markdown', 'json', 'csv', 'html'],
  'tty',
)
  .addOption(brandOption('the brand (needed when several are stored)'))
  .addOption(sinceOption('30d', 'from this date or this long ago'))
  .addOption(untilOption('before this date or this long ago'))
  .option('--limit <n>', 'how many ideas', parsePositiveInt('--limit'), 10)
  .option('--samples <n>', 'sample posts per idea', parsePositiveInt('--samples'), 3)
  .addOption(wideOption())
  .addHelpText('after', '\nExamples:\n  $ earshot ideas --brand Kettleby\n  $ earshot ideas --since 90d --format markdown > ideas.md'
    + '\n  $ earshot export --intent suggestion --since 30d   # every suggestion, one a row'
    + '\n\nA suggestion is a mention the intent model flags (or a person labelled: earshot label ID suggestion|not-suggestion).'
    + '\nTrend compares the voices of the period\'s second half with its first.')
  .action(withContext(async (ctx, flags: IdeasFlags) => {
    // a read command: never creates, migrates or writes the store
    const store = await ctx.readStore();
    const brand = await resolveBrand(ctx, store, flags.brand, 'ideas');
    const { since, until } = parseTimeRange(flags, ctx.now);
    const result = await readIdeas(store, { brand, limit: flags.limit, samples: flags.samples, since: since!, until: until ?? ctx.now.toISOString() });
    const format = chooseFormat(flags.format, { isTTY: process.stdout.isTTY });
    if (format === 'json') return ctx.out.data(JSON.stringify(result, null, 2));
    if (format === 'csv') return ctx.out.data(renderCsv(result).trimEnd());
    if (format === 'markdown') return ctx.out.data(renderIdeasMarkdown(result));
    if (format === 'html') return ctx.out.data(renderIdeasHtml(result).trimEnd());
    if (result.ideas.length === 0) return ctx.out.info(`no suggestions for ${brand} since ${result.since.slice(0, 10)}`);
    ctx.out.data(renderFitted(IDEA_COLUMNS,
      result.ideas.map((i) => [i.rank, i.terms.join(', '), i.voices, i.mentions, i.trend, clipText(i.samples[0]?.text ?? '', 70)]),
      ctx.tableWidth(flags.wide), ctx.out.color));
  }));

function renderCsv(r: IdeasResult): string {
  return stringify([
    ['rank', 'idea', 'terms', 'voices', 'mentions', 'earlier_voices', 'later_voices', 'trend', 'sample_id', 'sample_text', 'sample_url'],
    ...r.ideas.map((i) => [i.rank, neutraliseCell(i.label), neutraliseCell(i.terms.join('; ')), i.voices, i.mentions, i.earlier, i.later, i.trend,
      i.samples[0]?.ref ?? '', neutraliseCell(i.samples[0]?.text ?? ''), i.samples[0]?.url ?? '']),
  ]);
}
