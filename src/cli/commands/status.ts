import { Command } from 'commander';
import type { StoreStatus } from '../../store/store.js';
import { formatBytes, renderTable, shortTime } from '../../report/table.js';
import { withContext } from '../context.js';
import { addFormatOption, defaultFormat } from '../options.js';

export const statusCommand = addFormatOption(
  new Command('status').description('show what is stored: mentions per brand and source, last scans, database size'),
  ['table', 'json'],
  'table',
)
  .addHelpText('after', '\nExamples:\n  $ earshot status\n  $ earshot status --format json | jq .totalMentions')
  .action(withContext(async (ctx, flags: { format?: string }) => {
    const store = await ctx.readStore();
    const status = await store.status();
    const format = defaultFormat(flags.format, true);
    ctx.out.data(format === 'json' ? JSON.stringify({ database: store.location, ...status }, null, 2) : renderStatus(status, store.location, ctx.out.color));
  }));

function renderStatus(status: StoreStatus, location: string, color: boolean): string {
  const footer = `${location}: ${status.totalMentions.toLocaleString('en-US')} mentions, ${formatBytes(status.sizeBytes)}, schema v${status.schemaVersion}`;
  if (status.rows.length === 0) return `No mentions stored yet.\n${footer}`;
  const table = renderTable(
    ['brand', 'source', 'mentions', 'analysed', 'first mention', 'last mention', 'last scan'],
    status.rows.map((r) => [r.brand, r.source, r.mentions, r.analyzed, shortTime(r.firstMention), shortTime(r.lastMention), shortTime(r.lastScan)]),
    color,
  );
  return `${table}\n${footer}`;
}
