import type { Migration } from './migrations.js';

/**
 * Migrations 13–18 (safety, intents, languages). Shipped: never edit one; a new one goes into a new file.
 */
export const MIGRATIONS_13_TO_18: readonly Migration[] = [
  {
    version: 13,
    name: 'safety score, safety labels',
    sql: `
      -- As complaints (migration 7): safety_score is the safety model's P(harm or risk of
      -- harm), NULL until a safety-capable model scored the mention (analyses from before
      -- keep NULL until the next model version re-scores them); safety is the effective
      -- flag (0/1): a human safety label wins over the model. Reports read it from analyses
      -- (group counts and samples), so neither the term rows nor their rollup carry it:
      -- the analysis save path writes no extra row.
      ALTER TABLE analyses ADD COLUMN safety_score REAL;
      ALTER TABLE analyses ADD COLUMN safety INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE safety_labels (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        safety INTEGER NOT NULL CHECK (safety IN (0, 1)),
        labeled_at TEXT NOT NULL
      );
      -- status's per-day counts (migration 11) gain the safety count; no stored analysis
      -- has a safety score and no label exists yet, so every current day's count is 0
      ALTER TABLE source_days ADD COLUMN safety INTEGER NOT NULL DEFAULT 0;
      -- a safety label changes no link, but status counts it: the day is counted again
      CREATE TRIGGER safety_labels_stale_insert AFTER INSERT ON safety_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER safety_labels_stale_update AFTER UPDATE ON safety_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER safety_labels_stale_delete AFTER DELETE ON safety_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = old.mention_id);
      END;
    `,
  },
  {
    version: 14,
    name: 'issue states across runs',
    sql: `
      -- What the runs that write (run, alert) saw of each issue, per brand and issue key
      -- (its core term keys, sorted): a report compares against it to say new, growing,
      -- steady or fading, and an issue no run sees any more becomes resolved. ref_voices
      -- and ref_at are the point growth is measured from; it moves on at most every few
      -- hours, so runs minutes apart do not each reset it.
      CREATE TABLE issue_states (
        id INTEGER PRIMARY KEY,
        brand TEXT NOT NULL,
        issue_key TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('new', 'growing', 'steady', 'fading', 'resolved')),
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        voices INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        peak_voices INTEGER NOT NULL,
        ref_voices INTEGER NOT NULL,
        ref_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (brand, issue_key)
      );
    `,
  },
  {
    version: 15,
    name: 'scan runs: whether the post budget cut a run short',
    sql: `
      -- A run that read its whole share of scan.maxPosts stopped at the budget, not at
      -- the end of the source's backlog: compare and report warn that the brand's data from
      -- that source is incomplete. Runs from before this migration are taken as complete.
      ALTER TABLE scan_runs ADD COLUMN budget_hit INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 16,
    name: 'intent scores, intent labels',
    sql: `
      -- As safety (migration 13): question_score and suggestion_score are the intent model's
      -- P(question) and P(suggestion), NULL until an intent-capable model scored the mention
      -- (the next model version re-scores older analyses); question and suggestion are the
      -- effective flags (0/1): a human intent label wins over the model.
      ALTER TABLE analyses ADD COLUMN question_score REAL;
      ALTER TABLE analyses ADD COLUMN question INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE analyses ADD COLUMN suggestion_score REAL;
      ALTER TABLE analyses ADD COLUMN suggestion INTEGER NOT NULL DEFAULT 0;
      -- one row per labelled mention; each column NULL until a person said: question or
      -- not, suggestion or not, and handled (answered: out of the inbox, reversible)
      CREATE TABLE intent_labels (
        mention_id INTEGER PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
        question INTEGER CHECK (question IN (0, 1)),
        suggestion INTEGER CHECK (suggestion IN (0, 1)),
        handled INTEGER CHECK (handled IN (0, 1)),
        labeled_at TEXT NOT NULL
      );
      -- status's per-day counts gain questions and suggestions (0 on every current day: no
      -- stored analysis has an intent score and no label exists yet)
      ALTER TABLE source_days ADD COLUMN questions INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE source_days ADD COLUMN suggestions INTEGER NOT NULL DEFAULT 0;
      CREATE TRIGGER intent_labels_stale_insert AFTER INSERT ON intent_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER intent_labels_stale_update AFTER UPDATE ON intent_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = new.mention_id);
      END;
      CREATE TRIGGER intent_labels_stale_delete AFTER DELETE ON intent_labels BEGIN
        DELETE FROM brand_days WHERE (brand_id, day) IN (SELECT brand_id, hour / 24 FROM mention_brands WHERE mention_id = old.mention_id);
      END;
    `,
  },
  {
    version: 17,
    name: 'post language, what was scored',
    sql: `
      -- lang: the ISO 639-1 code the analyser read the post as (the source's tag when it
      -- names a language, else detected; 'und' when not known); scored: 'all' (English
      -- models), 'sentiment' (a language with a sentiment model only), 'none' (a language
      -- with no model: its sentiment, complaint and safety are stored as 0 and mean
      -- nothing). NULL on analyses from before: the next model version re-scores them.
      ALTER TABLE analyses ADD COLUMN lang TEXT;
      ALTER TABLE analyses ADD COLUMN scored TEXT CHECK (scored IN ('all', 'sentiment', 'none'));
      CREATE INDEX analyses_lang ON analyses (lang, scored);
      -- reports count the posts not fully scored: only those rows are indexed
      CREATE INDEX analyses_unscored ON analyses (mention_id) WHERE scored <> 'all';
    `,
  },
  {
    version: 18,
    name: 'written forms of terms',
    sql: `
      -- How often each term was written in each form ("tea bags", "teabags", "tea bag" for
      -- the key teabag), so a term is shown as its authors wrote it most often (issue 27 #6)
      -- rather than as a stem or a respelling ("christma", "earl gray"). Empty at first: a
      -- term keeps its stored display until a mention is analysed with it.
      CREATE TABLE term_forms (
        term_id INTEGER NOT NULL REFERENCES terms(id),
        form TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n > 0),
        PRIMARY KEY (term_id, form)
      ) WITHOUT ROWID;
    `,
  },
];
