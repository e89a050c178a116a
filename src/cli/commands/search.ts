import { Command } from 'commander';
import type { SearchResult } from '../../store/store.js';
import { renderFitted } from '../../report/fit-table.js';
import { clipText, shortTime } from '../../report/table.js';
import { withContext } from '../context.js';
import { addBrandOption, addComplaintOption, addFormatOption, addIntentOption, addLangOption, addSafetyOption, addTimeRangeOptions, chooseFormat, parsePositiveInt, wideOption } from '../options.js';
import { parseTimeRange } from '../time.js';
import { checkBrand } from '../brands.js';

interface SearchFlags {
  brand?: string;
  since?: string;
  until?: string;
  complaint?: boolean;
  safety?: boolean;
  lang?: string[];
  intent?: 'question' | 'suggestion';
  limit: number;
  format?: string;
  wide?: boolean;
}

const command = new Command('search')
  .description('full-text search over stored mentions, newest first')
  .argument('<query>', 'words to find; FTS5 syntax works too ("tea bag" OR teabag, plastic*)')
  .option('--limit <n>', 'at most this many results', parsePositiveInt('--limit'), 20)
  .addOption(wideOption());
addBrandOption(command);
addTimeRangeOptions(command);
addComplaintOption(command);
addSafetyOption(command);
addLangOption(command);
addIntentOption(command);

export const searchCommand = addFormatOption(command, ['table', 'json'], 'tty')
  .addHelpText('after', '\nExamples:\n  $ earshot search plastic --since 7d\n  $ earshot search \'"tea bags" NOT recipe\' --format json'
    + '\n  $ earshot search charger --complaint --since 7d\n  $ earshot search kettle --safety --since 30d\n  $ earshot search refill --intent suggestion')
  .action(withContext(async (ctx, query: string, flags: SearchFlags) => {
    const { since, until } = parseTimeRange(flags, ctx.now);
    const store = await ctx.readStore();
    const mentions = await store.searchMentions({
      text: query,
      brand: flags.brand === undefined ? undefined : await checkBrand(ctx, store, flags.brand),
      since,
      until,
      complaint: flags.complaint,
      safety: flags.safety,
      langs: flags.lang,
      intent: flags.intent,
      limit: flags.limit,
    });
    if (chooseFormat(flags.format, { isTTY: process.stdout.isTTY }) === 'json') ctx.out.data(JSON.stringify(mentions.map(publicMention), null, 2));
    else ctx.out.data(mentions.length ? renderResults(mentions, ctx.out.color, ctx.tableWidth(flags.wide)) : 'No mentions match.');
  }));

/** One object per mention: `brands` lists every brand it is linked to (`brand`: the one that stored it). */
function publicMention(m: SearchResult) {
  const { rowId: _rowId, ...rest } = m;
  return rest;
}

/** In a narrow terminal the text is cut, then the link, author and time go (the id leads to all of them). */
const SEARCH_COLUMNS = [
  { head: 'id' }, { head: 'when', drop: 3 }, { head: 'brand', shrink: true, min: 10 }, { head: 'sentiment' }, { head: 'complaint' },
  { head: 'author', drop: 2, shrink: true, min: 10 }, { head: 'text', shrink: true, min: 20 }, { head: 'link', drop: 1 },
];

function renderResults(mentions: SearchResult[], color: boolean, width: number | null): string {
  return renderFitted(
    SEARCH_COLUMNS,
    mentions.map((m) => [`${m.source}:${m.id}`, shortTime(m.createdAt), m.brands.join(', '), m.sentiment ?? '—',
      m.complaint === null ? '—' : m.complaint ? 'yes' : 'no', clipText(m.author ?? '', 20), clipText(m.text, 80), m.url ?? '']),
    width,
    color,
  );
}
