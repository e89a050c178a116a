import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { connectPg, migratePg, parsePgUrl } from '../../src/store/postgres/connect.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { testPostgresUrl, withSchema } from '../support/store-backends.js';

const url = await testPostgresUrl();
const schemas: string[] = [];
const freshUrl = () => {
  const schema = `t_mig_${process.pid}_${schemas.length}_${Date.now() % 100000}`;
  schemas.push(schema);
  return withSchema(url!, schema);
};

afterAll(async () => {
  if (!url || schemas.length === 0) return;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

describe('PostgreSQL dialect of the migrations', () => {
  it('keeps the SQLite numbering and names', () => {
    expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('masks the password in the printable location and keeps the schema', () => {
    const target = parsePgUrl('postgres://ann:s3cret@db.example:5432/earshot?schema=team_a&sslmode=require');
    expect(target.location).not.toContain('s3cret');
    expect(target.location).toBe('postgres://ann:***@db.example:5432/earshot?sslmode=require&schema=team_a');
    expect(target.url).toBe('postgres://ann:s3cret@db.example:5432/earshot?sslmode=require');
    expect(target.schema).toBe('team_a');
    expect(() => parsePgUrl('postgres://h/db?schema=Bad-Name')).toThrow(/identifier/);
  });
});

describe.skipIf(!url)('PostgreSQL migrations (server)', () => {
  it('upgrades a database made by an older migration set and keeps its data', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.slice(0, 1))).toBe(1);
    await sql`INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z')`;
    await sql`CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')`;
    await sql`INSERT INTO mention_keys (id, source, external_id, created_at) VALUES (42, 'x', '42', '2026-01-02T00:00:00.000Z')`;
    await sql`INSERT INTO mentions (id, source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES (42, 'x', '42', 1, '2026-01-02T00:00:00.000Z', 'old mention about plastic', now(), now())`;
    await expect(sql`SELECT * FROM analyses`).rejects.toThrow(/does not exist/);
    await sql.end();

    const store = await openPostgresStore(withSchema(url!, target.schema!));
    expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
    expect(await store.searchMentions({ text: 'plastic', limit: 5 })).toHaveLength(1);
    expect(await store.countPendingAnalysis('m1')).toBe(1);
    const applied = await store.sql`SELECT version FROM schema_migrations ORDER BY version`;
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await store.close();
  });

  it('clears a rollup filled at v4, before writes marked its days stale, and marks them from v5 on', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.slice(0, 4))).toBe(4);
    await sql`INSERT INTO term_days_done (brand_id, day) VALUES (1, 20000)`;
    await sql`INSERT INTO term_days (brand_id, term_id, day, mentions, authors, clusters, negative, positive) VALUES (1, 1, 20000, 3, 3, 3, 0, 0)`;
    expect(await migratePg(sql)).toBe(LATEST_VERSION);
    expect((await sql`SELECT COUNT(*)::int AS n FROM term_days_done`)[0]!.n).toBe(0);
    expect((await sql`SELECT COUNT(*)::int AS n FROM term_days`)[0]!.n).toBe(0);
    const triggers = await sql`SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relname = 'mention_terms' AND c.relnamespace = current_schema()::regnamespace AND NOT tgisinternal ORDER BY tgname`;
    expect(triggers.map((t) => t.tgname)).toEqual(['mention_terms_dirty_delete', 'mention_terms_dirty_insert', 'mention_terms_dirty_update']);
    await sql.end();
  });

  it('upgrades a v5 database to complaints: mentions, analyses and labels survive, the rollup is recomputed', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.filter((m) => m.version <= 5))).toBe(5);
    await sql.unsafe(`
      INSERT INTO brands (id, name, created_at) VALUES (1, 'Acme', '2026-01-01T00:00:00.000Z');
      CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      INSERT INTO mention_keys (id, source, external_id, created_at) VALUES
        (1, 'x', '1', '2026-01-02T10:00:00.000Z'), (2, 'x', '2', '2026-01-02T11:00:00.000Z');
      INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        (1, 'x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', now(), now()),
        (2, 'x', '2', 1, '2026-01-02T11:00:00.000Z', 'bob', 'lovely lid colour', now(), now());
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment, analyzed_at)
        VALUES (1, 'old', 0.1, 'neutral', 'k1', 1, 490330, 1, 1, -1, now()), (2, 'old', 0.6, 'positive', 'k2', 1, 490331, 2, 2, 1, now());
      INSERT INTO human_labels (mention_id, label, labeled_at) VALUES (1, 'negative', now());
      INSERT INTO terms (id, key, display) VALUES (1, 'lid', 'lid');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment) VALUES (1, 490330, 1, 1, 1, 1, -1), (1, 490331, 1, 2, 2, 2, 1);
      DELETE FROM term_days_dirty;
      INSERT INTO term_days_done (brand_id, day) VALUES (1, 20430);
      INSERT INTO term_days (brand_id, term_id, day, mentions, authors, clusters, negative, positive) VALUES (1, 1, 20430, 2, 2, 2, 1, 1);`);
    await sql.end();

    const store = await openPostgresStore(withSchema(url!, target.schema!));
    expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
    expect((await store.searchMentions({ text: 'lid', limit: 5 })).map((m) => m.id)).toEqual(['2', '1']);
    expect(await store.countPendingAnalysis('old')).toBe(0);
    const rows = [];
    for await (const row of store.exportMentions({})) rows.push([row.id, row.sentimentLabel, row.complaint, row.isComplaint]);
    // scored before there was a complaint model: no score and no flag until the next analysis
    expect(rows).toEqual([['1', 'negative', null, null], ['2', 'positive', null, null]]);
    expect((await store.sql`SELECT COUNT(*)::int AS n FROM term_days_done`)[0]!.n).toBe(0);
    expect((await store.sql`SELECT COUNT(*)::int AS n FROM term_days`)[0]!.n).toBe(0);
    await store.setComplaintLabel(1, true);
    const range = { brand: 'Acme', fromHour: 20430 * 24, toHour: 20431 * 24 };
    expect(await store.windowTerms(range, 1, 5)).toEqual([
      { termId: 1, key: 'lid', display: 'lid', mentions: 2, voices: 2, negative: 1, positive: 1, complaints: 1 }]);
    expect((await store.sql`SELECT complaints FROM term_days`).map((r) => r.complaints)).toEqual([1]);
    expect((await store.status()).rows[0]).toMatchObject({ mentions: 2, analyzed: 2, complaints: 1 });
    await store.close();
  });

  it('upgrades a v8 database to brand links: every mention keeps its brand, analysis, terms and failures', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.filter((m) => m.version <= 8))).toBe(8);
    await sql.unsafe(`
      INSERT INTO brands (id, name, created_at) VALUES (1, 'Acme', '2026-01-01T00:00:00.000Z'), (2, 'Rival', '2026-01-01T00:00:00.000Z');
      CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      INSERT INTO mention_keys (id, source, external_id, created_at) VALUES
        (1, 'x', '1', '2026-01-02T10:00:00.000Z'), (2, 'x', '2', '2026-01-02T11:30:00.000Z'), (3, 'x', '3', '2026-01-03T09:00:00.000Z');
      INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, likes, first_seen, last_seen) VALUES
        (1, 'x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', 3, now(), now()),
        (2, 'x', '2', 2, '2026-01-02T11:30:00.000Z', 'bob', 'lovely lid colour', NULL, now(), now()),
        (3, 'x', '3', 2, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet', NULL, now(), now());
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, now()), (2, 'm', 0.6, 'positive', 'k2', 2, 490931, 12, 22, 1, 0.1, 0, now());
      INSERT INTO terms (id, key, display) VALUES (1, 'lid', 'lid');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint)
        VALUES (1, 490930, 1, 1, 11, 21, -1, 1), (2, 490931, 1, 2, 12, 22, 1, 0);
      INSERT INTO analysis_failures (mention_id, model_version, reason, failed_at) VALUES (3, 'm', 'unreadable', now());`);
    await sql.end();

    const store = await openPostgresStore(withSchema(url!, target.schema!));
    expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
    const links = await store.sql`SELECT brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement
      FROM mention_brands ORDER BY mention_id`;
    expect(links.map((r) => [r.brand_id, r.mention_id, r.hour, r.voice, r.cluster, r.sentiment, r.complaint, r.engagement].map((v) => (v === null ? null : Number(v))))).toEqual([
      [1, 1, 490930, 11, 21, -1, 1, 3], [2, 2, 490931, 12, 22, 1, 0, 0], [2, 3, 490953, null, null, null, null, 0]]);
    expect((await store.status()).rows.map((r) => [r.brand, r.mentions, r.analyzed, r.complaints])).toEqual([
      ['Acme', 1, 1, 1], ['Rival', 2, 1, 0]]);
    expect((await store.status()).failedAnalyses.latest.map((f) => [f.id, f.brand, f.reason])).toEqual([['3', 'Rival', 'unreadable']]);
    expect(await store.countPendingAnalysis('m')).toBe(0);
    expect(await store.countPendingAnalysis('n')).toBe(3);
    const rows = [];
    for await (const row of store.exportMentions({})) rows.push([row.id, row.brand, row.topics]);
    expect(rows).toEqual([['1', 'Acme', 'lid'], ['2', 'Rival', 'lid'], ['3', 'Rival', '']]);
    const day = { fromHour: 20455 * 24, toHour: 20456 * 24 };
    expect(await store.dailyTotals({ brand: 'Rival', ...day })).toEqual([{ day: 20455, mentions: 1, negative: 0, positive: 1, complaints: 0 }]);
    expect((await store.windowTerms({ brand: 'Acme', ...day }, 1, 5)).map((t) => [t.key, t.mentions, t.complaints])).toEqual([['lid', 1, 1]]);
    await store.close();
  });

  it('upgrades a v10 database to status day counts: current days are counted into source_days, status stays the same', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.filter((m) => m.version <= 10))).toBe(10);
    await sql.unsafe(`
      INSERT INTO brands (id, name, created_at) VALUES (1, 'Acme', '2026-01-01T00:00:00.000Z');
      CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      INSERT INTO mention_keys (id, source, external_id, created_at) VALUES
        (1, 'x', '1', '2026-01-02T10:00:00.000Z'), (2, 'reddit', '2', '2026-01-02T11:30:00.000Z'), (3, 'x', '3', '2026-01-03T09:00:00.000Z');
      INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        (1, 'x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', now(), now()),
        (2, 'reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'lovely lid colour', now(), now()),
        (3, 'x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet', now(), now());
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, now()), (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, now());
      INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
        VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);
      INSERT INTO complaint_labels (mention_id, complaint, labeled_at) VALUES (3, 1, now());
      DELETE FROM brand_days_dirty;
      INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        VALUES (1, 20455, 2, 2, 2, 2, 1, 1, 1, 0);`);
    await sql.end();

    const store = await openPostgresStore(withSchema(url!, target.schema!));
    expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
    // the day brand_days held is counted; the other is read from the links until it is rolled up
    const days = await store.sql`SELECT day, source, mentions, analyzed, complaints FROM source_days ORDER BY day, source`;
    expect(days.map((r) => [r.day, r.source, r.mentions, r.analyzed, r.complaints])).toEqual([[20455, 'reddit', 1, 1, 0], [20455, 'x', 1, 1, 1]]);
    const expected = [
      { brand: 'Acme', source: 'reddit', mentions: 1, firstMention: '2026-01-02T11:30:00.000Z', lastMention: '2026-01-02T11:30:00.000Z', analyzed: 1, complaints: 0, safety: 0, questions: 0, suggestions: 0, lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null },
      { brand: 'Acme', source: 'x', mentions: 2, firstMention: '2026-01-02T10:00:00.000Z', lastMention: '2026-01-03T09:00:00.000Z', analyzed: 1, complaints: 2, safety: 0, questions: 0, suggestions: 0, lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null }];
    expect((await store.status()).rows).toEqual(expected);
    await store.refreshReportRollups(new Date('2026-02-01T00:00:00.000Z'));
    expect((await store.sql`SELECT COUNT(*) AS n FROM source_days`)[0]!.n).toBe(3);
    expect((await store.status()).rows).toEqual(expected);
    await store.close();
  });

  it('upgrades a v12 database to safety: analyses keep no safety score until re-scored, status day counts stay, labels and new scores count', async () => {
    const target = parsePgUrl(freshUrl());
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.filter((m) => m.version <= 12))).toBe(12);
    await sql.unsafe(`
      INSERT INTO brands (id, name, created_at) VALUES (1, 'Acme', '2026-01-01T00:00:00.000Z');
      CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      INSERT INTO mention_keys (id, source, external_id, created_at) VALUES
        (1, 'x', '1', '2026-01-02T10:00:00.000Z'), (2, 'reddit', '2', '2026-01-02T11:30:00.000Z'), (3, 'x', '3', '2026-01-03T09:00:00.000Z');
      INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        (1, 'x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the kettle burnt my hand', now(), now()),
        (2, 'reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'lovely kettle colour', now(), now()),
        (3, 'x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet kettle', now(), now());
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, now()), (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, now());
      INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
        VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);
      INSERT INTO terms (id, key, display) VALUES (1, 'kettle', 'kettle');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint)
        VALUES (1, 490930, 1, 1, 11, 21, -1, 1), (1, 490931, 1, 2, 12, 22, 1, 0);
      INSERT INTO complaint_labels (mention_id, complaint, labeled_at) VALUES (2, 1, now());
      DELETE FROM brand_days_dirty;
      DELETE FROM term_days_dirty;
      INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        VALUES (1, 20455, 2, 2, 2, 2, 1, 1, 2, 0);
      INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, first_mention, last_mention)
        VALUES (1, 20455, 'reddit', 1, 1, 1, '2026-01-02T11:30:00.000Z', '2026-01-02T11:30:00.000Z'),
          (1, 20455, 'x', 1, 1, 1, '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');`);
    await sql.end();

    const store = await openPostgresStore(withSchema(url!, target.schema!));
    expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
    const analyses = await store.sql`SELECT mention_id, safety_score, safety FROM analyses ORDER BY mention_id`;
    expect(analyses.map((r) => [r.mention_id, r.safety_score, r.safety])).toEqual([[1, null, 0], [2, null, 0]]);
    // the rolled-up day is still current, with no safety reports
    const days = await store.sql`SELECT day, source, complaints, safety FROM source_days ORDER BY source`;
    expect(days.map((r) => [r.day, r.source, r.complaints, r.safety])).toEqual([[20455, 'reddit', 1, 0], [20455, 'x', 1, 0]]);
    expect((await store.status()).rows.map((r) => [r.source, r.mentions, r.analyzed, r.complaints, r.safety])).toEqual([
      ['reddit', 1, 1, 1, 0], ['x', 2, 1, 1, 0]]);
    const rows = async () => {
      const out = [];
      for await (const row of store.exportMentions({})) out.push([row.id, row.complaint, row.isComplaint, row.safety, row.isSafety]);
      return out;
    };
    // scored before there was a safety model: no score and no flag; neither --safety nor --safety no finds them
    expect(await rows()).toEqual([['1', 0.9, true, null, null], ['2', 0.1, true, null, null], ['3', null, null, null, null]]);
    expect(await store.searchMentions({ text: 'kettle', safety: false, limit: 5 })).toEqual([]);
    const day = { brand: 'Acme', fromHour: 20455 * 24, toHour: 20456 * 24 };
    expect(await store.termGroupStats(day, [1])).toMatchObject({ mentions: 2, complaints: 1, safety: 0, safetyVoices: 0, complaintEvidence: 1.9, safetyEvidence: 0 });
    // the analyses stay as they are until a new model version re-scores them
    expect(await store.countPendingAnalysis('m')).toBe(1);
    await store.setSafetyLabel(1, true);
    expect((await store.status()).rows.map((r) => [r.source, r.safety])).toEqual([['reddit', 0], ['x', 1]]);
    const pending = await store.pendingAnalysis('m2', 0, 10);
    expect(pending.map((p) => p.id)).toEqual(['1', '2', '3']);
    await store.saveAnalyses(pending.map((p) => ({
      rowId: p.rowId, modelVersion: 'm2', sentimentScore: 0, sentimentLabel: 'neutral' as const, complaintScore: 0.2, complaint: false,
      safetyScore: p.id === '3' ? 0.875 : 0.25, safety: p.id === '3', clusterKey: `k${p.id}`, cluster: p.rowId, voice: p.rowId, terms: [{ key: 'kettle', display: 'kettle' }],
    })));
    expect(await rows()).toEqual([['1', 0.2, false, 0.25, true], ['2', 0.2, true, 0.25, false], ['3', 0.2, false, 0.875, true]]);
    expect((await store.status()).rows.map((r) => [r.source, r.safety])).toEqual([['reddit', 0], ['x', 2]]);
    await store.refreshReportRollups(new Date('2026-02-01T00:00:00.000Z'));
    expect((await store.status()).rows.map((r) => [r.source, r.safety])).toEqual([['reddit', 0], ['x', 2]]);
    await store.close();
  });

  it('is a no-op on an up-to-date database, migrates once under concurrency, and refuses a newer one', async () => {
    const location = freshUrl();
    const stores = await Promise.all([openPostgresStore(location), openPostgresStore(location), openPostgresStore(location)]);
    const [store] = stores;
    expect(await migratePg(store!.sql)).toBe(LATEST_VERSION);
    expect((await store!.sql`SELECT COUNT(*) AS n FROM schema_migrations`)[0]!.n).toBe(MIGRATIONS.length);
    await store!.sql`INSERT INTO schema_migrations VALUES (999, 'future', now())`;
    await expect(migratePg(store!.sql)).rejects.toThrow(/newer than this earshot understands/);
    for (const s of stores) await s.close();
  });

  it('has the tables and columns of the SQLite schema, plus only the documented differences', async () => {
    const sqlite = new SqliteStore(':memory:');
    const liteTables = sqlite.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'
      AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'mentions_fts%'`).pluck().all() as string[];
    const lite = new Map(liteTables.map((t) => [t, (sqlite.db.pragma(`table_info(${t})`) as Array<{ name: string }>).map((c) => c.name).sort()]));
    await sqlite.close();

    const store = await openPostgresStore(freshUrl());
    await store.upsertMentions([{ id: '1', source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: 'hi' }]);
    const columns = await store.sql<Array<{ table_name: string; column_name: string }>>`
      SELECT c.table_name, c.column_name FROM information_schema.columns c
      JOIN pg_class k ON k.relname = c.table_name AND k.relnamespace = current_schema()::regnamespace
      WHERE c.table_schema = current_schema() AND NOT k.relispartition`;
    const pg = new Map<string, string[]>();
    for (const c of columns) pg.set(c.table_name, [...(pg.get(c.table_name) ?? []), c.column_name]);
    for (const list of pg.values()) list.sort();
    const partitions = await store.sql`SELECT relname FROM pg_class WHERE relispartition AND relnamespace = current_schema()::regnamespace AND relkind = 'r'`;
    await store.close();

    expect(partitions.map((p) => p.relname)).toEqual(['mentions_p2026_11']);
    expect([...pg.keys()].sort()).toEqual([...liteTables, 'mention_keys', 'term_days_dirty', 'brand_days_dirty'].sort());
    for (const [table, cols] of lite) {
      expect(pg.get(table), table).toEqual(table === 'mentions' ? [...cols, 'tsv'].sort() : cols);
    }
  });
});
