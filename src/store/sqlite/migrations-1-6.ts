import type { Migration } from './migrations.js';

/**
 * Migrations 1–6 (the first schema to analysis failures).
 * Shipped: never edit one; the next goes into the newest file.
 */
export const MIGRATIONS_1_TO_6: readonly Migration[] = [
  {
    version: 1,
    name: 'mentions, brands, cursors, full-text index',
    sql: `
      CREATE TABLE brands (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        brand_id INTEGER NOT NULL REFERENCES brands(id),
        created_at TEXT NOT NULL,
        author TEXT,
        text TEXT NOT NULL,
        url TEXT,
        lang TEXT,
        likes INTEGER,
        replies INTEGER,
        reposts INTEGER,
        score INTEGER,
        raw TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        UNIQUE (source, external_id)
      );
      CREATE INDEX mentions_brand_time ON mentions (brand_id, created_at);
      CREATE INDEX mentions_time ON mentions (created_at);

      CREATE VIRTUAL TABLE mentions_fts USING fts5(
        text, content='mentions', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
        INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER mentions_fts_update AFTER UPDATE OF text ON mentions BEGIN
        INSERT INTO mentions_fts (mentions_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO mentions_fts (rowid, text) VALUES (new.id, new.text);
      END;

      CREATE TABLE scan_cursors (
        source TEXT NOT NULL,
        brand_id INTEGER NOT NULL REFERENCES brands(id),
        stream TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (source, brand_id, stream)
      );
      CREATE TABLE scan_runs (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        brand_id INTEGER NOT NULL REFERENCES brands(id),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        posts_read INTEGER NOT NULL,
        inserted INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        status TEXT NOT NULL,
        message TEXT
      );
      CREATE INDEX scan_runs_brand_source ON scan_runs (brand_id, source, finished_at);
    `,
  },
  {
    version: 2,
    name: 'analysis results, human labels, terms',
    sql: `
      -- brand, hour, voice and cluster are copied from the mention so that reports
      -- aggregate from covering indexes instead of joining a million mentions.
      -- sentiment is the effective label (-1/0/1): a human label wins over the model.
      CREATE TABLE analyses (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        model_version TEXT NOT NULL,
        sentiment_score REAL NOT NULL,
        sentiment_label TEXT NOT NULL CHECK (sentiment_label IN ('negative','neutral','positive')),
        cluster_key TEXT NOT NULL,
        brand_id INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        voice INTEGER NOT NULL,
        cluster INTEGER NOT NULL,
        sentiment INTEGER NOT NULL,
        analyzed_at TEXT NOT NULL
      );
      CREATE INDEX analyses_model ON analyses (model_version);
      CREATE INDEX analyses_brand_hour ON analyses (brand_id, hour, sentiment);
      CREATE TABLE human_labels (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        label TEXT NOT NULL CHECK (label IN ('negative','neutral','positive')),
        labeled_at TEXT NOT NULL
      );
      CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        display TEXT NOT NULL
      );
      CREATE TABLE mention_terms (
        brand_id INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        term_id INTEGER NOT NULL,
        mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
        voice INTEGER NOT NULL,
        cluster INTEGER NOT NULL,
        sentiment INTEGER NOT NULL,
        PRIMARY KEY (brand_id, hour, term_id, mention_id)
      ) WITHOUT ROWID;
      CREATE INDEX mention_terms_term ON mention_terms (brand_id, term_id, hour, voice, cluster, sentiment);
      CREATE INDEX mention_terms_mention ON mention_terms (mention_id);
      -- an edited text invalidates its analysis (but never a human label)
      CREATE TRIGGER mentions_text_changed AFTER UPDATE OF text ON mentions
        WHEN old.text IS NOT new.text BEGIN
        DELETE FROM analyses WHERE mention_id = new.id;
        DELETE FROM mention_terms WHERE mention_id = new.id;
      END;
    `,
  },
  {
    version: 3,
    name: 'alerts sent, run lock',
    sql: `
      -- target is a hash of the webhook URL: the URL itself is a secret and never stored.
      CREATE TABLE alerts_sent (
        id INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        target_name TEXT NOT NULL,
        brand TEXT NOT NULL COLLATE NOCASE,
        issue_key TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        sent_at TEXT NOT NULL
      );
      CREATE INDEX alerts_sent_key ON alerts_sent (target, brand, issue_key, sent_at);
      -- at most one row: the run that holds the database (earshot run)
      CREATE TABLE run_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        token TEXT NOT NULL,
        pid INTEGER NOT NULL,
        hostname TEXT NOT NULL,
        started_at TEXT NOT NULL,
        heartbeat TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'per-day term rollup for reports',
    sql: `
      -- Per brand, term and day: the sums a report's baseline needs, so it reads ~14 rows
      -- per term instead of every term row. voices are min(sum of daily authors, sum of
      -- daily clusters), exactly what the raw query computes. Filled lazily by reports for
      -- whole days; any change to a day's term rows marks that day stale.
      CREATE TABLE term_days (
        brand_id INTEGER NOT NULL,
        term_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        authors INTEGER NOT NULL,
        clusters INTEGER NOT NULL,
        negative INTEGER NOT NULL,
        positive INTEGER NOT NULL,
        PRIMARY KEY (brand_id, term_id, day)
      ) WITHOUT ROWID;
      CREATE INDEX term_days_day ON term_days (brand_id, day);
      CREATE TABLE term_days_done (
        brand_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        PRIMARY KEY (brand_id, day)
      ) WITHOUT ROWID;
      CREATE TRIGGER mention_terms_stale_insert AFTER INSERT ON mention_terms BEGIN
        DELETE FROM term_days_done WHERE brand_id = new.brand_id AND day = new.hour / 24;
      END;
      CREATE TRIGGER mention_terms_stale_delete AFTER DELETE ON mention_terms BEGIN
        DELETE FROM term_days_done WHERE brand_id = old.brand_id AND day = old.hour / 24;
      END;
      CREATE TRIGGER mention_terms_stale_update AFTER UPDATE ON mention_terms BEGIN
        DELETE FROM term_days_done WHERE brand_id = old.brand_id AND day = old.hour / 24;
        DELETE FROM term_days_done WHERE brand_id = new.brand_id AND day = new.hour / 24;
      END;
    `,
  },
  {
    version: 5,
    name: 'report rollup kept current on every write',
    // SQLite's triggers came with migration 4; PostgreSQL's 5 adds its own. The number
    // and name are shared so both backends record the same schema history.
    sql: `SELECT 1;`,
  },
  {
    version: 6,
    name: 'analysis failures',
    sql: `
      -- A mention the analyser could not read, per model version: not pending again for
      -- that version (one bad mention must not block the queue), listed by status.
      CREATE TABLE analysis_failures (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        model_version TEXT NOT NULL,
        reason TEXT NOT NULL,
        failed_at TEXT NOT NULL
      );
      CREATE INDEX analysis_failures_time ON analysis_failures (failed_at);
      -- an edited text may read fine: try it again
      CREATE TRIGGER analysis_failures_text_changed AFTER UPDATE OF text ON mentions
        WHEN old.text IS NOT new.text BEGIN
        DELETE FROM analysis_failures WHERE mention_id = new.id;
      END;
    `,
  },
];
