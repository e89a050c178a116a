import type { Migration } from '../sqlite/migrations.js';

/** Migration 22 (issue 29), PostgreSQL dialect of ../sqlite/migrations-22.ts. */
export const PG_MIGRATION_22: Migration = {
  version: 22,
  name: 'author reach: follower counts where the source gives them',
  sql: `
    CREATE TABLE author_reach (
      source text NOT NULL,
      author text NOT NULL,
      followers bigint NOT NULL CHECK (followers >= 0),
      seen_at timestamptz NOT NULL,
      PRIMARY KEY (source, author)
    );
  `,
};
