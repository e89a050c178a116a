import type { MentionInput } from '../domain/mention.js';
import { mapTweet, type XTweet, type XUser } from '../sources/x-map.js';
import { parseTimestamp } from './parse-row.js';
import { cleanMetrics, type Decoded } from './decoded.js';

type Json = Record<string, unknown>;

/**
 * One line of twarc2 output, in any of its three shapes: a raw search/timeline page
 * (`data` is a list, handles in `includes.users`), a stream line (`data` is one tweet),
 * or a flattened tweet (`twarc2 flatten`: `author` inlined). Tweets map as the X source
 * maps them, so an import and a scan of the same post keep one row.
 */
export function decodeTwarcLine(record: unknown, brand: string | undefined): Decoded {
  if (!isObject(record)) return fail('a line must be a JSON object');
  if (!brand) return fail('no brand: pass --brand NAME (twarc files carry none)');
  const provenance = isObject(record.__twarc) ? { __twarc: record.__twarc } : {};
  if (Array.isArray(record.data)) return decodeTweets(record.data, usersOf(record), brand, provenance);
  if (isObject(record.data)) return decodeTweets([record.data], usersOf(record), brand, provenance);
  if (record.data === undefined && isObject(record.meta) && isObject(record.__twarc)) return { mentions: [], errors: [] };
  if (typeof record.id === 'string' || typeof record.id === 'number') {
    const author = isObject(record.author) && typeof record.author.username === 'string' && typeof record.author_id === 'string'
      ? [{ id: record.author_id, username: record.author.username, public_metrics: record.author.public_metrics as XUser['public_metrics'] }] : [];
    return decodeTweets([record], author, brand, {});
  }
  return fail('not twarc2 output: no "data" page or tweet, and no tweet "id"');
}

function decodeTweets(tweets: unknown[], users: XUser[], brand: string, provenance: Json): Decoded {
  const byId = new Map(users.map((user) => [user.id, user]));
  const out: Decoded = { mentions: [], errors: [] };
  for (const tweet of tweets) {
    const checked = checkTweet(tweet);
    if (typeof checked === 'string') {
      out.errors.push(checked);
      continue;
    }
    const mention: MentionInput = mapTweet(checked, byId.get(checked.author_id ?? ''), brand);
    out.mentions.push(cleanMetrics({ ...mention, createdAt: parseTimestamp(checked.created_at!)!, raw: { ...(tweet as Json), ...provenance } }));
  }
  return out;
}

/** The tweet, or why it cannot be a mention (with its id, so a page's bad tweet can be found). */
function checkTweet(tweet: unknown): XTweet | string {
  if (!isObject(tweet)) return 'a tweet must be a JSON object';
  // twarc writes ids as strings; a JSON number this large has already lost digits
  if (typeof tweet.id !== 'string' || !/^\d{1,20}$/.test(tweet.id)) return `tweet id ${JSON.stringify(tweet.id)} is not a string of digits`;
  if (typeof tweet.text !== 'string') return `tweet ${tweet.id}: missing "text"`;
  if (typeof tweet.created_at !== 'string' || !parseTimestamp(tweet.created_at)) return `tweet ${tweet.id}: missing or bad "created_at"`;
  // only well-typed fields reach the mapper; the tweet as written stays the raw payload
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const note = isObject(tweet.note_tweet) ? text(tweet.note_tweet.text) : undefined;
  return {
    id: tweet.id, text: tweet.text, created_at: tweet.created_at, author_id: text(tweet.author_id), lang: text(tweet.lang),
    note_tweet: note === undefined ? undefined : { text: note },
    public_metrics: isObject(tweet.public_metrics) ? (tweet.public_metrics as XTweet['public_metrics']) : undefined,
  };
}

function usersOf(record: Json): XUser[] {
  const includes = isObject(record.includes) ? record.includes : {};
  return (Array.isArray(includes.users) ? includes.users : [])
    .filter((user): user is XUser => isObject(user) && typeof user.id === 'string' && typeof user.username === 'string');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(reason: string): Decoded {
  return { mentions: [], errors: [reason] };
}
