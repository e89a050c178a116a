// Authors' reach (migration 22): the follower count a source gave with a post, kept per
// (source, author), the newest seen winning. The inbox reads it as its last tie-breaker.
import type { MentionInput } from '../../domain/mention.js';
import type { Db } from './open.js';

/** Records a mention's author's follower count, when the source gave one (one row per author). */
export function prepareReachWrites(db: Db): (mention: MentionInput, now: string) => void {
  const upsert = db.prepare(`INSERT INTO author_reach (source, author, followers, seen_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (source, author) DO UPDATE SET followers = excluded.followers, seen_at = excluded.seen_at
    WHERE excluded.seen_at >= author_reach.seen_at`);
  return (mention, now) => {
    const n = mention.authorFollowers;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || !mention.author) return;
    upsert.run(mention.source, mention.author, n, now);
  };
}

/** The reach of a mention `m` (NULL when unknown), for ORDER BY. */
export const AUTHOR_REACH = '(SELECT ar.followers FROM author_reach ar WHERE ar.source = m.source AND ar.author = m.author)';
