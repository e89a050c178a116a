import { parseTimestamp } from './parse-row.js';
import type { Decoded } from './decoded.js';

/**
 * A row of `twarc-csv` output (DocNow/twarc-csv): dotted column names for nested fields
 * (`public_metrics.like_count`, `author.username`). Ids must still be digits: a sheet
 * that passed through a spreadsheet app may hold 1.37765E+18, which lost the id.
 */
export function decodeTwarcCsvRow(record: unknown, brand: string | undefined): Decoded {
  const row = record as Record<string, string | undefined>;
  if (!brand) return fail('no brand: pass --brand NAME (twarc-csv files carry none)');
  const id = row.id?.trim() ?? '';
  if (!/^\d{1,20}$/.test(id)) return fail(`id "${id.slice(0, 30)}" is not a string of digits (a spreadsheet may have rounded it)`);
  const text = row.text ?? '';
  if (text.trim() === '') return fail('missing "text"');
  const createdAt = parseTimestamp(row.created_at ?? '');
  if (!createdAt) return fail(`created_at ${JSON.stringify((row.created_at ?? '').slice(0, 30))} is not an ISO 8601 date`);
  const username = row['author.username']?.trim() || null;
  const count = (name: string) => {
    const value = Number(row[`public_metrics.${name}`]);
    return row[`public_metrics.${name}`] !== undefined && row[`public_metrics.${name}`] !== '' && Number.isInteger(value) ? value : undefined;
  };
  const retweets = count('retweet_count');
  const quotes = count('quote_count');
  return {
    mentions: [{
      id,
      source: 'x',
      createdAt,
      text,
      author: username ?? (row.author_id?.trim() || null),
      url: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}`,
      lang: row.lang?.trim() || null,
      metrics: { likes: count('like_count'), replies: count('reply_count'), reposts: retweets === undefined && quotes === undefined ? undefined : (retweets ?? 0) + (quotes ?? 0) },
      brand,
      raw: row,
    }],
    errors: [],
  };
}

function fail(reason: string): Decoded {
  return { mentions: [], errors: [reason] };
}
