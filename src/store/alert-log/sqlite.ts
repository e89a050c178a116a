import type { Db } from '../sqlite/open.js';
import type { MentionRef } from './records.js';

const CHUNK = 400;

/** SQLite: one primary-key probe per mention (target, source, external_id). */
export function sqliteMentionAlertsSent(db: Db) {
  return async (target: string, mentions: MentionRef[]): Promise<Set<string>> => {
    const seen = new Set<string>();
    const query = db.prepare('SELECT 1 FROM mention_alerts_sent WHERE target = ? AND source = ? AND external_id = ?').pluck();
    for (let i = 0; i < mentions.length; i += CHUNK) {
      for (const m of mentions.slice(i, i + CHUNK)) if (query.get(target, m.source, m.id) !== undefined) seen.add(`${m.source}:${m.id}`);
    }
    return seen;
  };
}
