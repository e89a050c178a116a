import type { Migration } from './migrations.js';

/**
 * Migrations 7–12 (complaints to the per-batch full-text index).
 * Shipped: never edit one; the next goes into the newest file.
 */
export const MIGRATIONS_7_TO_12: readonly Migration[] = [
  {
    version: 7,
    name: 'complaint score, complaint labels',
    sql: `
      -- complaint_score is the model's (NULL until a complaint model scored the mention);
      -- complaint is the effective flag (0/1): a human complaint label wins over the model,
      -- as sentiment does. mention_terms carries it too, so reports count complaints from
      -- the covering index, and the per-day rollup sums it.
      ALTER TABLE analyses ADD COLUMN complaint_score REAL;
      ALTER TABLE analyses ADD COLUMN complaint INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE mention_terms ADD COLUMN complaint INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE term_days ADD COLUMN complaints INTEGER NOT NULL DEFAULT 0;
      DROP INDEX analyses_brand_hour;
      CREATE INDEX analyses_brand_hour ON analyses (brand_id, hour, sentiment, complaint);
      DROP INDEX mention_terms_term;
      CREATE INDEX mention_terms_term ON mention_terms (brand_id, term_id, hour, voice, cluster, sentiment, complaint);
      CREATE TABLE complaint_labels (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        complaint INTEGER NOT NULL CHECK (complaint IN (0, 1)),
        labeled_at TEXT NOT NULL
      );
      -- rollup days summed before complaints were counted: recompute them
      DELETE FROM term_days;
      DELETE FROM term_days_done;
    `,
  },
  {
    version: 8,
    name: 'adapted models',
    sql: `
      -- A store's own adaptations of the base models (earshot train), one row per fitted
      -- version. At most one is active for the whole store (brand NULL) and one per brand;
      -- analyses record the version that scored them, so switching re-scores. Brands are
      -- named, not referenced, so the table stands alone.
      CREATE TABLE adapted_models (
        id INTEGER PRIMARY KEY,
        version TEXT NOT NULL UNIQUE,
        brand TEXT COLLATE NOCASE,
        base_version TEXT NOT NULL,
        method TEXT NOT NULL,
        sentiment_labels INTEGER NOT NULL,
        complaint_labels INTEGER NOT NULL,
        evaluation TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
      );
      CREATE INDEX adapted_models_active ON adapted_models (active, brand);
    `,
  },
  {
    version: 9,
    name: 'mention-brand links, per-brand day rollup',
    sql: `
      -- A mention is stored once and linked to every brand that found or names it. Each
      -- link carries what per-brand counts need, copied from the mention and its analysis
      -- (voice, cluster, sentiment, complaint: NULL until analysed), so status, reports and
      -- compare read one brand's rows from an index instead of joining mentions.
      -- mentions.brand_id stays (SQLite cannot drop a column under a foreign key without
      -- rebuilding the table and its full-text index): it is the brand that first stored
      -- the mention, and no per-brand count reads it. analyses.brand_id likewise.
      CREATE TABLE mention_brands (
        brand_id INTEGER NOT NULL REFERENCES brands(id),
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        hour INTEGER NOT NULL,
        voice INTEGER,
        cluster INTEGER,
        sentiment INTEGER,
        complaint INTEGER,
        engagement INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (brand_id, mention_id)
      ) WITHOUT ROWID;
      CREATE INDEX mention_brands_hour ON mention_brands (brand_id, hour, sentiment, complaint, voice, cluster, engagement);
      CREATE INDEX mention_brands_mention ON mention_brands (mention_id);
      INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
      SELECT m.brand_id, m.id, CAST(unixepoch(m.created_at, 'subsec') / 3600 AS INTEGER), a.voice, a.cluster, a.sentiment, a.complaint,
        COALESCE(m.likes, 0) + COALESCE(m.replies, 0) + COALESCE(m.reposts, 0) + MAX(COALESCE(m.score, 0), 0)
      FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id;
      DROP INDEX analyses_brand_hour;
      CREATE TRIGGER mentions_text_changed_links AFTER UPDATE OF text ON mentions
        WHEN old.text IS NOT new.text BEGIN
        UPDATE mention_brands SET voice = NULL, cluster = NULL, sentiment = NULL, complaint = NULL WHERE mention_id = new.id;
      END;
      CREATE TRIGGER mentions_metrics_changed AFTER UPDATE OF likes, replies, reposts, score ON mentions BEGIN
        UPDATE mention_brands SET engagement = COALESCE(new.likes, 0) + COALESCE(new.replies, 0) + COALESCE(new.reposts, 0) + MAX(COALESCE(new.score, 0), 0)
        WHERE mention_id = new.id
          AND engagement <> COALESCE(new.likes, 0) + COALESCE(new.replies, 0) + COALESCE(new.reposts, 0) + MAX(COALESCE(new.score, 0), 0);
      END;
      -- Per brand and day, what compare sums: a row is the day's current rollup, and any
      -- change to that day's links deletes it (filled again on the next read).
      CREATE TABLE brand_days (
        brand_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        analysed INTEGER NOT NULL,
        authors INTEGER NOT NULL,
        clusters INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        positive INTEGER NOT NULL,
        complaints INTEGER NOT NULL,
        engagement INTEGER NOT NULL,
        PRIMARY KEY (brand_id, day)
      ) WITHOUT ROWID;
      CREATE TRIGGER mention_brands_stale_insert AFTER INSERT ON mention_brands BEGIN
        DELETE FROM brand_days WHERE brand_id = new.brand_id AND day = new.hour / 24;
      END;
      CREATE TRIGGER mention_brands_stale_delete AFTER DELETE ON mention_brands BEGIN
        DELETE FROM brand_days WHERE brand_id = old.brand_id AND day = old.hour / 24;
      END;
      CREATE TRIGGER mention_brands_stale_update AFTER UPDATE ON mention_brands BEGIN
        DELETE FROM brand_days WHERE brand_id = old.brand_id AND day = old.hour / 24;
        DELETE FROM brand_days WHERE brand_id = new.brand_id AND day = new.hour / 24;
      END;
    `,
  },
  {
    version: 10,
    name: 'source sessions',
    sql: `
      -- One login per source account that outlives a run (Bluesky: the refresh token,
      -- encrypted by the source with a key from the app password, so this table never
      -- holds a usable secret). account is a hash of API host + handle, never the handle.
      CREATE TABLE source_sessions (
        source TEXT NOT NULL,
        account TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (source, account)
      );
    `,
  },
  {
    version: 11,
    name: 'per-brand, per-source day counts for status',
    sql: `
      -- What status shows per brand and source, per day of the brand's links (counted as
      -- status counts them: analyses rows, the effective complaint flag, created_at bounds).
      -- A day's rows are read only while brand_days holds that day: both are filled in one
      -- transaction (brand-days.ts), and any write that changes the day deletes its
      -- brand_days row, so status counts such a day from the links instead.
      CREATE TABLE source_days (
        brand_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        source TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        analyzed INTEGER NOT NULL,
        complaints INTEGER NOT NULL,
        first_mention TEXT NOT NULL,
        last_mention TEXT NOT NULL,
        PRIMARY KEY (brand_id, day, source)
      ) WITHOUT ROWID;
      INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, first_mention, last_mention)
      SELECT l.brand_id, l.hour / 24, m.source, COUNT(*), COUNT(a.mention_id),
        COALESCE(SUM(COALESCE(cl.complaint, CASE WHEN a.complaint_score IS NOT NULL THEN a.complaint END)), 0),
        MIN(m.created_at), MAX(m.created_at)
      FROM mention_brands l JOIN mentions m ON m.id = l.mention_id
      LEFT JOIN analyses a ON a.mention_id = l.mention_id LEFT JOIN complaint_labels cl ON cl.mention_id = l.mention_id
      WHERE EXISTS (SELECT 1 FROM brand_days d WHERE d.brand_id = l.brand_id AND d.day = l.hour / 24)
      GROUP BY l.brand_id, l.hour / 24, m.source;
      -- a complaint label on a mention not analysed yet changes no link, but status counts it
      CREATE TRIGGER complaint_labels_stale_insert AFTER INSERT ON complaint_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER complaint_labels_stale_update AFTER UPDATE ON complaint_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER complaint_labels_stale_delete AFTER DELETE ON complaint_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = old.mention_id);
      END;
    `,
  },
  {
    version: 12,
    name: 'full-text index filled per write batch, no term-order index',
    sql: `
      -- The import fills the full-text index once per batch (one INSERT … SELECT of the
      -- rows it added) instead of one trigger run per row: each statement runs in a
      -- savepoint, where FTS5 flushes its pending terms, so a per-row trigger wrote one tiny
      -- segment per mention (33.6 µs a mention; 16.5 µs per batch). While a batch is open,
      -- pending_from is the highest id that was indexed before it: rows above it are not in
      -- the index yet, so the delete and update triggers leave them alone, and the batch
      -- indexes their final text at its end. Between batches it is NULL and every other
      -- write (a copy, a test's INSERT) is indexed row by row, as before.
      CREATE TABLE mentions_fts_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pending_from INTEGER
      );
      INSERT INTO mentions_fts_state (id, pending_from) VALUES (1, NULL);
      DROP TRIGGER mentions_fts_insert;
      DROP TRIGGER mentions_fts_delete;
      DROP TRIGGER mentions_fts_update;
      CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions
        WHEN (SELECT pending_from FROM mentions_fts_state) IS NULL BEGIN
        INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions
        WHEN (SELECT pending_from IS NULL OR old.id <= pending_from FROM mentions_fts_state) BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      -- a re-import that leaves the text as it was no longer rewrites its index entry
      CREATE TRIGGER mentions_fts_update AFTER UPDATE OF text ON mentions
        WHEN old.text IS NOT new.text AND (SELECT pending_from IS NULL OR old.id <= pending_from FROM mentions_fts_state) BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
      END;
      -- (brand, term, hour) took term rows in random order (~30 µs a mention at import);
      -- report queries read the primary key (brand, hour, term, mention) with the range's
      -- hours as a list instead, and export --issue the mention index.
      DROP INDEX mention_terms_term;
    `,
  },
];
