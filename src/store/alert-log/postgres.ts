import type { Sql } from '../postgres/connect.js';
import type { MentionRef } from './records.js';

/** PostgreSQL: one round trip, the mentions joined as two arrays (a probe each would be a round trip each). */
export function pgMentionAlertsSent(sql: Sql) {
  return async (target: string, mentions: MentionRef[]): Promise<Set<string>> => {
    if (mentions.length === 0) return new Set();
    const rows = await sql<Array<{ source: string; id: string }>>`
      SELECT s.source, s.external_id AS id FROM mention_alerts_sent s
      JOIN unnest(${sql.array(mentions.map((m) => m.source))}::text[], ${sql.array(mentions.map((m) => m.id))}::text[]) AS k(source, id)
        ON s.source = k.source AND s.external_id = k.id
      WHERE s.target = ${target}`;
    return new Set(rows.map((r) => `${r.source}:${r.id}`));
  };
}
