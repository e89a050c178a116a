import { mapRedditThing, type RedditItem } from '../sources/reddit-map.js';
import { cleanMetrics, type Decoded } from './decoded.js';

/**
 * One line of a Reddit dump (Arctic Shift, or the Pushshift dumps before it): a comment
 * (`body`, `link_id`) or a submission (`title`). Ids become fullnames (`t1_…`, `t3_…`),
 * as the Reddit source stores them, so a dump and a scan of the same post keep one row.
 * Old Pushshift files lack `name`, write `created_utc` as a string and may lack `permalink`.
 */
export function decodeRedditDumpLine(record: unknown, brand: string | undefined): Decoded {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('a line must be a JSON object');
  if (!brand) return fail('no brand: pass --brand NAME (dumps carry none)');
  const item = record as Record<string, unknown>;
  const isComment = typeof item.body === 'string';
  if (!isComment && typeof item.title !== 'string') return fail('neither a comment ("body") nor a submission ("title")');
  const id = typeof item.id === 'string' && /^[a-z0-9]{1,13}$/.test(item.id) ? item.id : null;
  const prefix = isComment ? 't1_' : 't3_';
  const name = typeof item.name === 'string' && item.name.startsWith(prefix) ? item.name : id ? `${prefix}${id}` : null;
  if (!name) return fail(`id ${JSON.stringify(item.id ?? null)} is not a Reddit id`);
  const created = typeof item.created_utc === 'string' ? Number(item.created_utc) : item.created_utc;
  // seconds since 1970; past year 5000 is no time a post was written
  if (typeof created !== 'number' || !Number.isFinite(created) || created <= 0 || created > 1e11) return fail(`${name}: missing or bad "created_utc"`);
  const permalink = typeof item.permalink === 'string' ? item.permalink : commentPermalink(item, name);
  // only well-typed fields reach the mapper (a dump may hold anything: an object as author, a list as selftext)
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const data: RedditItem = {
    name, created_utc: created, permalink, author: text(item.author), title: text(item.title), body: text(item.body),
    selftext: text(item.selftext), score: item.score as number | undefined, num_comments: item.num_comments as number | undefined,
  };
  const mention = mapRedditThing({ kind: isComment ? 't1' : 't3', data }, brand);
  return { mentions: [cleanMetrics({ ...mention, raw: record })], errors: [] };
}

/** Pushshift comments without a permalink: /r/{sub}/comments/{post}/_/{comment}/. */
function commentPermalink(item: Record<string, unknown>, name: string): string | undefined {
  if (typeof item.subreddit !== 'string' || typeof item.link_id !== 'string' || !name.startsWith('t1_')) return undefined;
  return `/r/${item.subreddit}/comments/${item.link_id.replace(/^t3_/, '')}/_/${name.slice(3)}/`;
}

function fail(reason: string): Decoded {
  return { mentions: [], errors: [reason] };
}
