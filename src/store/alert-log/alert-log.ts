import type { Dialect } from '../dialect/dialect.js';
import type { AlertKey, AlertSentRecord, DigestKey, DigestRecord, IssueStateRecord, MentionAlertRecord, MentionRef } from './records.js';

/**
 * What alerting and digests remember across runs: issue alerts sent, per-mention alerts
 * sent, digests sent, and each brand's issue states. Written once for both backends;
 * the one read that differs (which of a list of mentions a target already had) is
 * passed in per backend (./sqlite.ts, ./postgres.ts).
 */
export interface AlertLog {
  /** Alerts delivered to one target for one brand at or after `since` (ISO), newest first. */
  alertsSentSince(scope: Omit<AlertKey, 'issueKey'>, since: string): Promise<AlertSentRecord[]>;
  recordAlertSent(record: AlertSentRecord): Promise<void>;
  /** Of these mentions (`source` + external `id`), the ones a per-mention target already had (posted or left out), as `source:id`. */
  mentionAlertsSent(target: string, mentions: MentionRef[]): Promise<Set<string>>;
  /** Records what one run gave a per-mention target, in one transaction; a mention already recorded is left alone. */
  recordMentionAlerts(records: MentionAlertRecord[]): Promise<void>;
  /** The digest sent to a target for a brand and period, if any. */
  digestSent(key: DigestKey): Promise<DigestRecord | null>;
  /** Records a digest; false when one was recorded for that key already (another run sent it). */
  recordDigestSent(record: DigestRecord): Promise<boolean>;
  /** What the writing runs saw of a brand's issues (README "States across runs"), any order. */
  issueStates(brand: string): Promise<IssueStateRecord[]>;
  /** Inserts or replaces each record by (brand, issue key), in one transaction; `at` is the writing run's report time. */
  saveIssueStates(records: IssueStateRecord[], at: string): Promise<void>;
}

const STATE_COLUMNS = `brand, issue_key AS "issueKey", state, first_seen AS "firstSeen", last_seen AS "lastSeen", voices, mentions,
  peak_voices AS "peakVoices", ref_voices AS "refVoices", ref_at AS "refAt"`;

export function alertLog(d: Dialect, mentionAlertsSent: AlertLog['mentionAlertsSent']): AlertLog {
  const name = (param: string) => `${d.foldName('brand')} = ${d.foldName(param)}`;
  return {
    alertsSentSince: (scope, since) => d.all<AlertSentRecord>(`
      SELECT target, target_name AS "targetName", brand, issue_key AS "issueKey", mentions, sent_at AS "sentAt"
      FROM alerts_sent WHERE target = $1 AND ${name('$2')} AND sent_at >= ${d.time('$3')}
      ORDER BY sent_at DESC, id DESC`, [scope.target, scope.brand, since]),

    async recordAlertSent(r) {
      await d.run(`INSERT INTO alerts_sent (target, target_name, brand, issue_key, mentions, sent_at)
        VALUES ($1, $2, $3, $4, $5, ${d.time('$6')})`, [r.target, r.targetName, r.brand, r.issueKey, r.mentions, r.sentAt]);
    },

    mentionAlertsSent,

    async recordMentionAlerts(records) {
      await d.runEach(`INSERT INTO mention_alerts_sent (target, target_name, source, external_id, posted, sent_at)
        VALUES ($1, $2, $3, $4, $5, ${d.time('$6')}) ON CONFLICT (target, source, external_id) DO NOTHING`,
      records.map((r) => [r.target, r.targetName, r.source, r.id, r.posted ? 1 : 0, r.sentAt]));
    },

    async digestSent(key) {
      const row = await d.get<DigestRecord>(`
        SELECT target, target_name AS "targetName", brand, period, period_start AS "periodStart", message_id AS "messageId", sent_at AS "sentAt"
        FROM digests_sent WHERE target = $1 AND ${name('$2')} AND period = $3 AND period_start = ${d.time('$4')}`,
      [key.target, key.brand, key.period, key.periodStart]);
      return row ?? null;
    },

    async recordDigestSent(r) {
      return await d.run(`INSERT INTO digests_sent (target, target_name, brand, period, period_start, message_id, sent_at)
        VALUES ($1, $2, $3, $4, ${d.time('$5')}, $6, ${d.time('$7')}) ON CONFLICT DO NOTHING`,
      [r.target, r.targetName, r.brand, r.period, r.periodStart, r.messageId, r.sentAt]) > 0;
    },

    issueStates: (brand) => d.all<IssueStateRecord>(`SELECT ${STATE_COLUMNS} FROM issue_states WHERE ${name('$1')} ORDER BY id`, [brand]),

    async saveIssueStates(records, at) {
      await d.runEach(`INSERT INTO issue_states
          (brand, issue_key, state, first_seen, last_seen, voices, mentions, peak_voices, ref_voices, ref_at, updated_at)
        VALUES ($1, $2, $3, ${d.time('$4')}, ${d.time('$5')}, $6, $7, $8, $9, ${d.time('$10')}, ${d.time('$11')})
        ON CONFLICT (${d.foldName('brand')}, issue_key) DO UPDATE SET state = excluded.state, first_seen = excluded.first_seen,
          last_seen = excluded.last_seen, voices = excluded.voices, mentions = excluded.mentions, peak_voices = excluded.peak_voices,
          ref_voices = excluded.ref_voices, ref_at = excluded.ref_at, updated_at = excluded.updated_at`,
      records.map((r) => [r.brand, r.issueKey, r.state, r.firstSeen, r.lastSeen, r.voices, r.mentions, r.peakVoices, r.refVoices, r.refAt, at]));
    },
  };
}
