import { createHash } from 'node:crypto';
import type { FeedItem } from './feed-items.js';

/** A guid longer than this is hashed: keys live in the cursor and in mention ids. */
const MAX_KEY_CHARS = 2000;

export interface KeyedItems {
  items: Array<FeedItem & { key: string }>;
  /** Items whose guid (or link, or content) another item of the feed already had. */
  duplicates: number;
}

/**
 * Gives every item a key that names it across fetches: its guid or id, else its link,
 * else a hash of its title, date and text (no colon, so it is scoped to its feed). Two
 * items sharing a key are both kept when they differ (the second is keyed by its content
 * as well) and a true repeat is dropped; either way the caller reports how many there were.
 */
export function keyItems(items: FeedItem[]): KeyedItems {
  const byKey = new Map<string, FeedItem & { key: string }>();
  let duplicates = 0;
  for (const item of items) {
    const own = item.key && item.key.length <= MAX_KEY_CHARS ? item.key : item.key ? `sha-${hash(item.key)}` : `sha-${contentHash(item)}`;
    let key = own;
    const earlier = byKey.get(key);
    if (earlier) {
      duplicates++;
      if (contentHash(earlier) === contentHash(item)) continue;
      key = `${own}#sha-${contentHash(item)}`;
      if (byKey.has(key)) continue;
    }
    byKey.set(key, { ...item, key });
  }
  return { items: [...byKey.values()], duplicates };
}

function contentHash(item: FeedItem): string {
  return hash([item.title, item.published ?? '', item.text, item.link ?? ''].join('\u0000'));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
