import { Command } from 'commander';
import type { StoredMention } from '../../domain/mention.js';
import { clipText, renderTable, shortTime } from '../../report/table.js';
import { withContext } from '../context.js';
import { addBrandOption, addComplaintOption, addFormatOption, addIntentOption, addLangOption, addSafetyOption, addTimeRangeOptions, parsePositiveInt } from '../options.js';
import { parseTimeRange } from '../time.js';
import { checkBrand } from '../names.js';

interface SearchFlags {
  brand?: string;
  since?: string;
  until?: string;
  complaint?: boolean;
  safety?: boolean;
  lang?: string[];
  intent?: 'question' | 'suggestion';
  limit: number;
  format: string;
}

const command = new Command('search')
  .description('full-text search over stored mentions, newest first')
  .argument('<query>', 'words to find; FTS5 syntax works too ("tea bag" OR teabag, plastic*)')
  .option('--limit <n>', 'at most this many results', parsePositiveInt('--limit'), 20);
addBrandOption(command);
addTimeRangeOptions(command);
addComplaintOption(command);
addSafetyOption(command);
addLangOption(command);
addIntentOption(command);

export const searchCommand = addFormatOption(command, ['table', 'json'], 'table')
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
    if (flags.format === 'json') ctx.out.data(JSON.stringify(mentions.map(publicMention), null, 2));
    else ctx.out.data(mentions.length ? renderResults(mentions, ctx.out.color) : 'No mentions match.');
  }));

function publicMention(m: StoredMention) {
  const { rowId: _rowId, ...rest } = m;
  return rest;
}

function renderResults(mentions: StoredMention[], color: boolean): string {
  return renderTable(
    ['when', 'source', 'author', 'text', 'link'],
    mentions.map((m) => [shortTime(m.createdAt), m.source, clipText(m.author ?? '', 20), clipText(m.text, 80), m.url ?? '']),
    color,
  );
}
