import type { Migration } from './migrations.js';

/** Migration 22 (issue 29): authors' reach, the inbox's last tie-breaker. */
export const MIGRATION_22: Migration = {
  version: 22,
  name: 'author reach: follower counts where the source gives them',
  sql: `
    -- Reach belongs to the author, not the post: one row per (source, author), the newest
    -- count seen. Only sources whose payload carries it fill it (X's user expansion); an
    -- author without a row has unknown reach (NULL), ranked after every known one.
    CREATE TABLE author_reach (
      source TEXT NOT NULL,
      author TEXT NOT NULL,
      followers INTEGER NOT NULL CHECK (followers >= 0),
      seen_at TEXT NOT NULL,
      PRIMARY KEY (source, author)
    );
  `,
};
