import type { DigestKey, DigestRecord, MentionAlertRecord, MentionRef } from '../store.js';
import type { Sql } from './connect.js';

/** As SQLite's notify-queries: mention_alerts_sent and digests_sent (migration 18). */

export async function readMentionAlertsSent(sql: Sql, target: string, mentions: MentionRef[]): Promise<Set<string>> {
  if (mentions.length === 0) return new Set();
  const rows = await sql<Array<{ source: string; id: string }>>`
    SELECT s.source, s.external_id AS id FROM mention_alerts_sent s
    JOIN unnest(${sql.array(mentions.map((m) => m.source))}::text[], ${sql.array(mentions.map((m) => m.id))}::text[]) AS k(source, id)
      ON s.source = k.source AND s.external_id = k.id
    WHERE s.target = ${target}`;
  return new Set(rows.map((r) => `${r.source}:${r.id}`));
}

export async function writeMentionAlerts(sql: Sql, records: MentionAlertRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    target: r.target, target_name: r.targetName, source: r.source, external_id: r.id, posted: r.posted ? 1 : 0, sent_at: r.sentAt,
  }));
  await sql`INSERT INTO mention_alerts_sent ${sql(rows, 'target', 'target_name', 'source', 'external_id', 'posted', 'sent_at')}
    ON CONFLICT (target, source, external_id) DO NOTHING`;
}

export async function readDigestSent(sql: Sql, key: DigestKey): Promise<DigestRecord | null> {
  const [row] = await sql<Array<DigestRecord & { periodStart: Date; sentAt: Date }>>`
    SELECT target, target_name AS "targetName", brand, period, period_start AS "periodStart", message_id AS "messageId", sent_at AS "sentAt"
    FROM digests_sent WHERE target = ${key.target} AND lower(brand) = lower(${key.brand}) AND period = ${key.period}
      AND period_start = ${key.periodStart}::timestamptz`;
  if (!row) return null;
  return { ...row, periodStart: new Date(row.periodStart).toISOString(), sentAt: new Date(row.sentAt).toISOString() };
}

export async function writeDigestSent(sql: Sql, r: DigestRecord): Promise<boolean> {
  const result = await sql`INSERT INTO digests_sent (target, target_name, brand, period, period_start, message_id, sent_at)
    VALUES (${r.target}, ${r.targetName}, ${r.brand}, ${r.period}, ${r.periodStart}::timestamptz, ${r.messageId}, ${r.sentAt}::timestamptz)
    ON CONFLICT DO NOTHING`;
  return result.count > 0;
}
