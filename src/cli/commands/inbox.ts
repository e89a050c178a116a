import { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { readInboxItems, type InboxItem } from '../../core/inbox.js';
import { UsageError } from '../../errors.js';
import type { InboxReasonKind } from '../../store/store.js';
import { neutraliseCell } from '../../report/csv.js';
import { renderInboxHtml } from '../../report/intents-html.js';
import { renderInboxMarkdown } from '../../report/intents-text.js';
import { renderFitted } from '../../report/fit-table.js';
import { clipText, shortTime } from '../../report/table.js';
import { resolveBrand } from '../brands.js';
import { withContext } from '../context.js';
import { addFormatOption, brandOption, chooseFormat, parsePositiveInt, sinceOption, untilOption, wideOption } from '../options.js';
import { parseTimeRange } from '../time.js';

interface InboxFlags { brand?: string; source?: string; since: string; until?: string; limit: number; format?: string; only?: InboxReasonKind[]; wide?: boolean }

const REASONS: readonly InboxReasonKind[] = ['safety', 'complaint', 'question'];

function parseReasons(value: string): InboxReasonKind[] {
  const picked = value.split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  const bad = picked.find((r) => !REASONS.includes(r as InboxReasonKind));
  if (bad !== undefined || picked.length === 0) throw new UsageError(`--only takes ${REASONS.join(', ')} (comma-separated), not "${bad ?? value}"`);
  return picked as InboxReasonKind[];
}

export const inboxCommand = addFormatOption(
  new Command('inbox').description('mentions that likely need a reply (safety reports, complaints, questions), newest day first, most urgent first within a day'),
  ['table', 'markdown', 'json', 'csv', 'html'],
  'tty',
)
  .addOption(brandOption())
  .option('--source <name>', 'only this source (x, reddit, bluesky, …)')
  .addOption(sinceOption('7d', 'from this date or this long ago'))
  .addOption(untilOption('before this date or this long ago'))
  .option('--limit <n>', 'how many', parsePositiveInt('--limit'), 50)
  .addOption(wideOption())
  .option('--only <reasons>', 'only these, comma-separated: safety, complaint, question (question: every question, a complaint too)', parseReasons)
  .addHelpText('after', '\nExamples:\n  $ earshot inbox --brand Kettleby\n  $ earshot inbox --since 48h --format csv > to-answer.csv'
    + '\n  $ earshot label x:1859236457122451456 handled   # answered: out of the inbox (not-handled puts it back)'
    + '\n\nA mention labelled not-question (or not-complaint, not-safety) leaves the inbox once it has no other reason to be there.')
  .action(withContext(async (ctx, flags: InboxFlags) => {
    // a read command: never creates, migrates or writes the store
    const store = await ctx.readStore();
    const brand = flags.brand === undefined ? undefined : await resolveBrand(ctx, store, flags.brand);
    const range = parseTimeRange(flags, ctx.now);
    const since = range.since!;
    const until = range.until;
    const format = chooseFormat(flags.format, { isTTY: process.stdout.isTTY });
    const items = await readInboxItems(store, { brand, source: flags.source?.toLowerCase(), limit: flags.limit, since, until, reasons: flags.only });
    if (format === 'json') return ctx.out.data(JSON.stringify(items, null, 2));
    if (format === 'markdown') return ctx.out.data(renderInboxMarkdown(items, { brand, since, until }));
    if (format === 'html') return ctx.out.data(renderInboxHtml(items, { brand, since, until }).trimEnd());
    if (format === 'csv') return ctx.out.data(renderCsv(items).trimEnd());
    if (items.length === 0) return ctx.out.info('the inbox is empty: no questions, complaints or safety reports waiting');
    ctx.out.data(renderFitted(INBOX_COLUMNS,
      items.map((i) => [shortTime(i.createdAt), i.reason, i.ref, clipText(i.author ?? '', 16), clipText(i.text, 70), i.engagement, i.url ?? '']),
      ctx.tableWidth(flags.wide), ctx.out.color));
  }));

/** In a narrow terminal the text is cut, then the link, author and engagement go (the id leads to all of them). */
const INBOX_COLUMNS = [
  { head: 'when' }, { head: 'why' }, { head: 'id' }, { head: 'author', drop: 2, shrink: true, min: 10 },
  { head: 'text', shrink: true, min: 20 }, { head: 'engagement', drop: 3 }, { head: 'link', drop: 1 },
];

function renderCsv(items: InboxItem[]): string {
  return stringify([
    ['id', 'source', 'brand', 'created_at', 'reason', 'safety', 'complaint', 'question', 'engagement', 'author', 'text', 'url'],
    ...items.map((i) => [i.ref, i.source, neutraliseCell(i.brand), i.createdAt, i.reason, i.safety, i.complaint, i.question, i.engagement,
      neutraliseCell(i.author ?? ''), neutraliseCell(i.text), i.url ?? '']),
  ]);
}
