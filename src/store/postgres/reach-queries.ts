// Authors' reach (migration 22), PostgreSQL: as ../sqlite/reach-queries.ts, a page at a time.
import type { MentionInput } from '../../domain/mention.js';
import { clean } from './mention-writes.js';
import type { Tx } from './connect.js';

/** Records the page's authors' follower counts where the source gave them; the last of an author's in the page wins. */
export async function writeAuthorReach(tx: Tx, mentions: readonly MentionInput[], now: string): Promise<void> {
  const byAuthor = new Map<string, { source: string; author: string; followers: number }>();
  for (const m of mentions) {
    const n = m.authorFollowers;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || !m.author) continue;
    byAuthor.set(`${m.source}\u0000${m.author}`, { source: clean(m.source), author: clean(m.author), followers: n });
  }
  if (byAuthor.size === 0) return;
  const rows = [...byAuthor.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.author < b.author ? -1 : a.author > b.author ? 1 : 0));
  await tx`INSERT INTO author_reach (source, author, followers, seen_at)
    SELECT source, author, followers, ${now}::timestamptz FROM unnest(${rows.map((r) => r.source)}::text[], ${rows.map((r) => r.author)}::text[],
      ${rows.map((r) => r.followers)}::bigint[]) AS v(source, author, followers)
    ON CONFLICT (source, author) DO UPDATE SET followers = excluded.followers, seen_at = excluded.seen_at
    WHERE excluded.seen_at >= author_reach.seen_at`;
}

/** The reach of a mention `m` (NULL when unknown), for ORDER BY. */
export const AUTHOR_REACH = '(SELECT ar.followers FROM author_reach ar WHERE ar.source = m.source AND ar.author = m.author)';
