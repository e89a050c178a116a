import { createHash } from 'node:crypto';

/**
 * The cursor of one feed: the validators for a conditional GET and the items the last
 * fetch held (as short hashes of their keys), so a server that ignores If-None-Match
 * still reads as nothing new. Committed with the items, so a run killed before the
 * commit refetches. `backlog` says new items were left for the next scan (--max-posts):
 * that feed goes first next time, and is fetched without validators so a 304 cannot
 * hide what is still unread.
 */
export interface FeedCursor {
  url: string;
  etag: string | null;
  lastModified: string | null;
  seen: string[];
  backlog: boolean;
}

/**
 * Items read from one feed, newest first; the rest are ignored (with a notice). The
 * cursor remembers every item it read, so nothing past this cap is ever "new" again and
 * again, which let one huge feed spend every scan's budget and starve the brand's others.
 */
export const MAX_FEED_ITEMS = 5000;

export function readFeedCursor(value: string | null, url: string): FeedCursor {
  const empty: FeedCursor = { url, etag: null, lastModified: null, seen: [], backlog: false };
  if (!value) return empty;
  try {
    const parsed = JSON.parse(value) as Partial<FeedCursor>;
    if (parsed.url !== url) return empty;
    const seen = Array.isArray(parsed.seen) ? parsed.seen.filter((key): key is string => typeof key === 'string') : [];
    return { url, etag: text(parsed.etag), lastModified: text(parsed.lastModified), seen, backlog: parsed.backlog === true };
  } catch {
    return empty;
  }
}

/** What the cursor keeps for an item key: 64 bits of its hash, so 5,000 of them stay small. */
export function seenKey(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Whether the cursor saw this key; cursors written before hashing hold the keys themselves. */
export function wasSeen(seen: ReadonlySet<string>, key: string): boolean {
  return seen.has(seenKey(key)) || seen.has(key);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
