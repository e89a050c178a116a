import type { Migration } from './migrations.js';

/**
 * Migrations 19–20 (scan outcomes, per-mention alerts and digests). Shipped: never edit one.
 */
export const MIGRATIONS_19_TO_20: readonly Migration[] = [
  {
    version: 19,
    name: 'scan outcome kind and HTTP status',
    sql: `
      -- how each scan ended in a word (issue 27 #1: ok, empty, rate-limited,
      -- auth, blocked, network, http, parse, other) and the HTTP status it failed with; NULL
      -- on runs recorded before.
      ALTER TABLE scan_runs ADD COLUMN kind TEXT CHECK (kind IN ('ok', 'empty', 'rate-limited', 'auth', 'blocked', 'network', 'http', 'parse', 'other'));
      ALTER TABLE scan_runs ADD COLUMN http_status INTEGER;
    `,
  },
  {
    version: 20,
    name: 'per-mention alerts and digests sent',
    sql: `
      -- Mentions a per-mention target (a target with "match") has had, by the target's hash
      -- (never its URL) and the mention's (source, external id): each is posted once.
      -- posted = 0: it matched but the run's cap left it out (counted in that message), so
      -- a flood does not trickle into the next runs.
      CREATE TABLE mention_alerts_sent (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        target_name TEXT NOT NULL,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        posted INTEGER NOT NULL CHECK (posted IN (0, 1)),
        sent_at TEXT NOT NULL,
        UNIQUE (target, source, external_id)
      );
      -- One digest per target, brand and period: a second run for the same period sends nothing.
      CREATE TABLE digests_sent (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        target_name TEXT NOT NULL,
        brand TEXT NOT NULL COLLATE NOCASE,
        period TEXT NOT NULL CHECK (period IN ('day', 'week')),
        period_start TEXT NOT NULL,
        message_id TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        UNIQUE (target, brand, period, period_start)
      );
    `,
  },
];
