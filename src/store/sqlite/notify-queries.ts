import type { DigestKey, DigestRecord, MentionAlertRecord, MentionRef } from '../store.js';
import type { Db } from './open.js';

/** Rows of mention_alerts_sent and digests_sent (migration 18): what per-mention alerts and digests already sent. */

const CHUNK = 400;

export function readMentionAlertsSent(db: Db, target: string, mentions: MentionRef[]): Set<string> {
  const seen = new Set<string>();
  const query = db.prepare('SELECT 1 FROM mention_alerts_sent WHERE target = ? AND source = ? AND external_id = ?').pluck();
  for (let i = 0; i < mentions.length; i += CHUNK) {
    for (const m of mentions.slice(i, i + CHUNK)) if (query.get(target, m.source, m.id) !== undefined) seen.add(`${m.source}:${m.id}`);
  }
  return seen;
}

export function writeMentionAlerts(db: Db, records: MentionAlertRecord[]): void {
  const insert = db.prepare(`INSERT INTO mention_alerts_sent (target, target_name, source, external_id, posted, sent_at)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target, source, external_id) DO NOTHING`);
  db.transaction(() => {
    for (const r of records) insert.run(r.target, r.targetName, r.source, r.id, r.posted ? 1 : 0, r.sentAt);
  })();
}

export function readDigestSent(db: Db, key: DigestKey): DigestRecord | null {
  const row = db.prepare(`SELECT target, target_name AS targetName, brand, period, period_start AS periodStart, message_id AS messageId, sent_at AS sentAt
    FROM digests_sent WHERE target = ? AND brand = ? AND period = ? AND period_start = ?`).get(key.target, key.brand, key.period, key.periodStart);
  return (row as DigestRecord | undefined) ?? null;
}

export function writeDigestSent(db: Db, r: DigestRecord): boolean {
  const result = db.prepare(`INSERT INTO digests_sent (target, target_name, brand, period, period_start, message_id, sent_at)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`).run(r.target, r.targetName, r.brand, r.period, r.periodStart, r.messageId, r.sentAt);
  return result.changes > 0;
}
