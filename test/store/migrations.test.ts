import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate, openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir } from '../support/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

describe('migrations', () => {
  it('upgrades a database made by an older migration set and keeps its data', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'old.db');
    const old = openDatabase(path, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(old)).toBe(1);
    old.prepare("INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z')").run();
    old.prepare(`INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES ('x', '42', 1, '2026-01-02T00:00:00.000Z', 'old mention about plastic', 'a', 'a')`).run();
    expect(() => old.prepare('SELECT * FROM analyses').all()).toThrow(/no such table/);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(await store.searchMentions({ text: 'plastic', limit: 5 })).toHaveLength(1);
    expect(await store.countPendingAnalysis('m1')).toBe(1);
    const applied = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect(applied.slice(-10)).toEqual([13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    const columns = (table: string) => store.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table);
    expect(columns('analyses')).toEqual(expect.arrayContaining(['safety_score', 'safety', 'question_score', 'question',
      'suggestion_score', 'suggestion', 'lang', 'scored']));
    expect(columns('issue_states')).toEqual(expect.arrayContaining(['brand', 'issue_key', 'state', 'ref_voices']));
    expect(columns('intent_labels')).toEqual(['mention_id', 'question', 'suggestion', 'handled', 'labeled_at']);
    expect(columns('source_days')).toEqual(expect.arrayContaining(['questions', 'suggestions']));
    expect(columns('term_forms')).toEqual(['term_id', 'form', 'n']);
    await store.close();
  });

  it('upgrades a v5 database to complaints: mentions, analyses and labels survive, the rollup is recomputed', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v5.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 5));
    expect(schemaVersion(old)).toBe(5);
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        ('x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', 'a', 'a'),
        ('x', '2', 1, '2026-01-02T11:00:00.000Z', 'bob', 'lovely lid colour', 'a', 'a');
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment, analyzed_at)
        VALUES (1, 'old', 0.1, 'neutral', 'k1', 1, 490330, 1, 1, -1, 'a'), (2, 'old', 0.6, 'positive', 'k2', 1, 490331, 2, 2, 1, 'a');
      INSERT INTO human_labels (mention_id, label, labeled_at) VALUES (1, 'negative', 'a');
      INSERT INTO terms (key, display) VALUES ('lid', 'lid');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment) VALUES (1, 490330, 1, 1, 1, 1, -1), (1, 490331, 1, 2, 2, 2, 1);
      INSERT INTO term_days_done (brand_id, day) VALUES (1, 20430);
      INSERT INTO term_days (brand_id, term_id, day, mentions, authors, clusters, negative, positive) VALUES (1, 1, 20430, 2, 2, 2, 1, 1);`);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect((await store.searchMentions({ text: 'lid', limit: 5 })).map((m) => m.id)).toEqual(['2', '1']);
    expect(await store.countPendingAnalysis('old')).toBe(0);
    const rows = [];
    for await (const row of store.exportMentions({})) rows.push([row.id, row.sentimentLabel, row.complaint, row.isComplaint]);
    // scored before there was a complaint model: no score and no flag until the next analysis
    expect(rows).toEqual([['1', 'negative', null, null], ['2', 'positive', null, null]]);
    expect(store.db.prepare('SELECT COUNT(*) FROM term_days_done').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT COUNT(*) FROM term_days').pluck().get()).toBe(0);
    await store.setComplaintLabel(1, true);
    const range = { brand: 'Acme', fromHour: 20430 * 24, toHour: 20431 * 24 };
    expect(await store.windowTerms(range, 1, 5)).toEqual([
      { termId: 1, key: 'lid', display: 'lid', mentions: 2, voices: 2, negative: 1, positive: 1, complaints: 1 }]);
    expect(store.db.prepare('SELECT complaints FROM term_days').pluck().all()).toEqual([1]);
    expect((await store.status()).rows[0]).toMatchObject({ mentions: 2, analyzed: 2, complaints: 1 });
    await store.close();
  });

  it('upgrades a v8 database to brand links: every mention keeps its brand, analysis, terms and failures', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v8.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 8));
    expect(schemaVersion(old)).toBe(8);
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z'), ('Rival', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, likes, first_seen, last_seen) VALUES
        ('x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', 3, 'a', 'a'),
        ('x', '2', 2, '2026-01-02T11:30:00.000Z', 'bob', 'lovely lid colour', NULL, 'a', 'a'),
        ('x', '3', 2, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet', NULL, 'a', 'a');
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, 'a'), (2, 'm', 0.6, 'positive', 'k2', 2, 490931, 12, 22, 1, 0.1, 0, 'a');
      INSERT INTO terms (key, display) VALUES ('lid', 'lid');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint)
        VALUES (1, 490930, 1, 1, 11, 21, -1, 1), (2, 490931, 1, 2, 12, 22, 1, 0);
      INSERT INTO analysis_failures (mention_id, model_version, reason, failed_at) VALUES (3, 'm', 'unreadable', 'a');`);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.prepare(`SELECT brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement
      FROM mention_brands ORDER BY mention_id`).raw().all()).toEqual([
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
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v10.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 10));
    expect(schemaVersion(old)).toBe(10);
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        ('x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the lid cracked the first time', 'a', 'a'),
        ('reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'lovely lid colour', 'a', 'a'),
        ('x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet', 'a', 'a');
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, 'a'), (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, 'a');
      INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
        VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);
      INSERT INTO complaint_labels (mention_id, complaint, labeled_at) VALUES (3, 1, 'a');
      INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        VALUES (1, 20455, 2, 2, 2, 2, 1, 1, 1, 0);`);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    // the day brand_days held is counted; the other is read from the links until it is rolled up
    expect(store.db.prepare('SELECT day, source, mentions, analyzed, complaints FROM source_days ORDER BY day, source').raw().all()).toEqual([
      [20455, 'reddit', 1, 1, 0], [20455, 'x', 1, 1, 1]]);
    const expected = [
      { brand: 'Acme', source: 'reddit', mentions: 1, firstMention: '2026-01-02T11:30:00.000Z', lastMention: '2026-01-02T11:30:00.000Z', analyzed: 1, complaints: 0, safety: 0, questions: 0, suggestions: 0, lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null },
      { brand: 'Acme', source: 'x', mentions: 2, firstMention: '2026-01-02T10:00:00.000Z', lastMention: '2026-01-03T09:00:00.000Z', analyzed: 1, complaints: 2, safety: 0, questions: 0, suggestions: 0, lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null }];
    expect((await store.status()).rows).toEqual(expected);
    await store.refreshReportRollups(new Date('2026-02-01T00:00:00.000Z'));
    expect(store.db.prepare('SELECT COUNT(*) FROM source_days').pluck().get()).toBe(3);
    expect((await store.status()).rows).toEqual(expected);
    await store.close();
  });

  it('upgrades a v10 database to the per-batch full-text index: old rows stay found, edits and new rows are indexed exactly', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v10.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 10));
    expect(schemaVersion(old)).toBe(10);
    const at = '2026-01-02T10:00:00.000Z';
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen) VALUES
        ('x', '1', 1, '${at}', 'the lid cracked', 'a', 'a'), ('x', '2', 1, '${at}', 'lovely lid colour', 'a', 'a'),
        ('x', '3', 1, '${at}', 'a spout that drips', 'a', 'a');
      INSERT INTO mention_brands (brand_id, mention_id, hour) SELECT 1, id, 0 FROM mentions;`);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'mention_terms_term'").all()).toEqual([]);
    const found = async (text: string) => (await store.searchMentions({ text, limit: 10 })).map((m) => m.id).sort();
    expect(await found('lid')).toEqual(['1', '2']);
    // an old row edited, an old row re-imported as it was, new rows, one of them twice in the batch
    await store.upsertMentions([
      { id: '1', source: 'x', brand: 'Acme', createdAt: at, text: 'the handle came off' },
      { id: '2', source: 'x', brand: 'Acme', createdAt: at, text: 'lovely lid colour' },
      { id: '4', source: 'x', brand: 'Acme', createdAt: at, text: 'new lid please' },
      { id: '5', source: 'x', brand: 'Acme', createdAt: at, text: 'first words' },
      { id: '5', source: 'x', brand: 'Acme', createdAt: at, text: 'second spout words' },
    ]);
    expect(await found('lid')).toEqual(['2', '4']);
    expect(await found('handle')).toEqual(['1']);
    expect(await found('spout')).toEqual(['3', '5']);
    expect(await found('first')).toEqual([]);
    // a row written outside a batch (as a copy writes) is indexed by the trigger
    store.db.prepare(`INSERT INTO mentions (source, external_id, brand_id, created_at, text, first_seen, last_seen)
      VALUES ('x', '6', 1, ?, 'copied lid', 'a', 'a')`).run(at);
    store.db.prepare("INSERT INTO mention_brands (brand_id, mention_id, hour) SELECT 1, id, 0 FROM mentions WHERE external_id = '6'").run();
    expect(await found('lid')).toEqual(['2', '4', '6']);
    store.db.prepare("INSERT INTO mentions_fts (mentions_fts, rank) VALUES ('integrity-check', 1)").run();
    expect(store.db.prepare('SELECT pending_from FROM mentions_fts_state').pluck().get()).toBeNull();
    await store.close();
  });

  it('upgrades a v12 database to safety: analyses keep no safety score until re-scored, status day counts stay, labels and new scores count', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v12.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 12));
    expect(schemaVersion(old)).toBe(12);
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        ('x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the kettle burnt my hand', 'a', 'a'),
        ('reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'lovely kettle colour', 'a', 'a'),
        ('x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet kettle', 'a', 'a');
      INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
          complaint_score, complaint, analyzed_at)
        VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, 'a'), (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, 'a');
      INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
        VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);
      INSERT INTO terms (key, display) VALUES ('kettle', 'kettle');
      INSERT INTO mention_terms (brand_id, hour, term_id, mention_id, voice, cluster, sentiment, complaint)
        VALUES (1, 490930, 1, 1, 11, 21, -1, 1), (1, 490931, 1, 2, 12, 22, 1, 0);
      INSERT INTO complaint_labels (mention_id, complaint, labeled_at) VALUES (2, 1, 'a');
      INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
        VALUES (1, 20455, 2, 2, 2, 2, 1, 1, 2, 0);
      INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, first_mention, last_mention)
        VALUES (1, 20455, 'reddit', 1, 1, 1, '2026-01-02T11:30:00.000Z', '2026-01-02T11:30:00.000Z'),
          (1, 20455, 'x', 1, 1, 1, '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');`);
    old.close();

    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    expect(store.db.prepare('SELECT mention_id, safety_score, safety FROM analyses ORDER BY mention_id').raw().all()).toEqual([[1, null, 0], [2, null, 0]]);
    // the rolled-up day is still current, with no safety reports
    expect(store.db.prepare('SELECT day, source, complaints, safety FROM source_days ORDER BY source').raw().all()).toEqual([
      [20455, 'reddit', 1, 0], [20455, 'x', 1, 0]]);
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

  it('is a no-op on an up-to-date database and refuses a newer one', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(join(tmp.dir, 'a.db'));
    expect(migrate(db)).toBe(LATEST_VERSION);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    expect(() => migrate(db)).toThrow(/newer than this earshot understands/);
    db.close();
  });

  it('uses WAL, foreign keys and a busy timeout on files', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const db = openDatabase(join(tmp.dir, 'p.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    db.close();
  });
});
