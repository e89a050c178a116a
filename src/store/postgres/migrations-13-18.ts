import type { Migration } from '../sqlite/migrations.js';

/**
 * Migrations 13– (safety). Shipped: never edit one; the next goes into the newest file.
 */
export const MIGRATIONS_13_TO_18: readonly Migration[] = [
  {
    version: 13,
    name: 'safety score, safety labels',
    sql: `
      -- As SQLite's migration 13: the safety model's safety_score (NULL until scored), the
      -- effective safety flag (0/1, a human label wins) on analyses only, the human safety
      -- labels, and a safety count in status's per-day counts (0 on every current day: no
      -- stored analysis has a safety score yet, and no label exists).
      ALTER TABLE analyses ADD COLUMN safety_score double precision;
      ALTER TABLE analyses ADD COLUMN safety integer NOT NULL DEFAULT 0;
      CREATE TABLE safety_labels (
        mention_id bigint PRIMARY KEY REFERENCES mention_keys(id) ON DELETE CASCADE,
        safety integer NOT NULL CHECK (safety IN (0, 1)),
        labeled_at timestamptz NOT NULL
      );
      ALTER TABLE source_days ADD COLUMN safety bigint NOT NULL DEFAULT 0;
      -- a safety label changes no link, but status counts it: its days are counted again
      CREATE FUNCTION safety_labels_dirty() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO brand_days_dirty (brand_id, day)
          SELECT DISTINCT l.brand_id, l.hour / 24 FROM new_rows n JOIN mention_brands l ON l.mention_id = n.mention_id;
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          INSERT INTO brand_days_dirty (brand_id, day)
          SELECT DISTINCT l.brand_id, l.hour / 24 FROM old_rows o JOIN mention_brands l ON l.mention_id = o.mention_id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER safety_labels_dirty_insert AFTER INSERT ON safety_labels
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION safety_labels_dirty();
      CREATE TRIGGER safety_labels_dirty_delete AFTER DELETE ON safety_labels
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION safety_labels_dirty();
      CREATE TRIGGER safety_labels_dirty_update AFTER UPDATE ON safety_labels
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION safety_labels_dirty();
    `,
  },
  {
    version: 17,
    name: 'post language, what was scored',
    sql: `
      -- As SQLite's migration 17: the language the analyser read the post as, and which
      -- heads could score it (NULL on analyses from before, until re-scored).
      ALTER TABLE analyses ADD COLUMN lang text;
      ALTER TABLE analyses ADD COLUMN scored text CHECK (scored IN ('all', 'sentiment', 'none'));
      CREATE INDEX analyses_lang ON analyses (lang, scored);
      -- reports count the posts not fully scored: only those rows are indexed
      CREATE INDEX analyses_unscored ON analyses (mention_id) WHERE scored <> 'all';
    `,
  },
];
