import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import postgres from 'postgres';
import { connectPg, migratePg, parsePgUrl } from '../../src/store/postgres/connect.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openDatabase, schemaVersion } from '../../src/store/sqlite/open.js';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir } from '../support/cli.js';
import { testPostgresUrl, withSchema } from '../support/store-backends.js';

/** A v13 store (safety, no intents): two analysed mentions and one not, one day rolled up for status. */
const V13_ROWS = (now: string) => `
  INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
      complaint_score, complaint, safety_score, safety, analyzed_at)
    VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, 0.1, 0, ${now}), (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, 0.1, 0, ${now});
  INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
    VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);
  INSERT INTO brand_days (brand_id, day, mentions, analysed, authors, clusters, negative, positive, complaints, engagement)
    VALUES (1, 20455, 2, 2, 2, 2, 1, 1, 1, 0);
  INSERT INTO source_days (brand_id, day, source, mentions, analyzed, complaints, safety, first_mention, last_mention)
    VALUES (1, 20455, 'reddit', 1, 1, 0, 0, '2026-01-02T11:30:00.000Z', '2026-01-02T11:30:00.000Z'),
      (1, 20455, 'x', 1, 1, 1, 0, '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z');`;
const MENTIONS = (now: string) => `
  INSERT INTO mentions (id, source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
    (1, 'x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'how do i descale the kettle?', ${now}, ${now}),
    (2, 'reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'please sell kettle filters', ${now}, ${now}),
    (3, 'x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet kettle', ${now}, ${now});`;

/** What every backend must show after migrating the v13 store above. */
async function checkUpgraded(store: Store): Promise<void> {
  expect((await store.status()).schemaVersion).toBe(LATEST_VERSION);
  const statusRows = async () => (await store.status()).rows.map((r) => [r.source, r.mentions, r.complaints, r.questions, r.suggestions]);
  expect(await statusRows()).toEqual([['reddit', 1, 0, 0, 0], ['x', 2, 1, 0, 0]]);
  const rows = async () => {
    const out = [];
    for await (const row of store.exportMentions({})) out.push([row.id, row.question, row.isQuestion, row.suggestion, row.isSuggestion]);
    return out;
  };
  // scored before there was an intent model: no score and no flag; --intent finds none
  expect(await rows()).toEqual([['1', null, null, null, null], ['2', null, null, null, null], ['3', null, null, null, null]]);
  expect(await store.searchMentions({ text: 'kettle', intent: 'question', limit: 5 })).toEqual([]);
  // the inbox still holds the complaint
  expect((await store.inboxMentions({ limit: 5 })).map((r) => [r.id, r.complaint, r.question])).toEqual([['1', true, false]]);
  await store.setIntentLabel(2, 'suggestion', true);
  expect(await statusRows()).toEqual([['reddit', 1, 0, 0, 1], ['x', 2, 1, 0, 0]]);
  const pending = await store.pendingAnalysis('m2', 0, 10);
  await store.saveAnalyses(pending.map((p) => ({
    rowId: p.rowId, modelVersion: 'm2', sentimentScore: 0, sentimentLabel: 'neutral' as const, complaintScore: 0.2, complaint: false, safetyScore: 0, safety: false,
    questionScore: p.id === '1' ? 0.9 : 0.1, question: p.id === '1', suggestionScore: 0.2, suggestion: false,
    clusterKey: `k${p.id}`, cluster: p.rowId, voice: p.rowId, terms: [{ key: 'kettle', display: 'kettle' }],
  })));
  expect(await rows()).toEqual([['1', 0.9, true, 0.2, false], ['2', 0.1, false, 0.2, true], ['3', 0.1, false, 0.2, false]]);
  expect(await statusRows()).toEqual([['reddit', 1, 0, 0, 1], ['x', 2, 0, 1, 0]]);
  await store.refreshReportRollups(new Date('2026-02-01T00:00:00.000Z'));
  expect(await statusRows()).toEqual([['reddit', 1, 0, 0, 1], ['x', 2, 0, 1, 0]]);
}

describe('intent migration (16) from a v13 store', () => {
  const url = testPostgresUrl();
  const schemas: string[] = [];
  afterAll(async () => {
    const pg = await url;
    if (!pg || schemas.length === 0) return;
    const admin = postgres(pg, { max: 1, onnotice: () => undefined });
    for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('on SQLite: old analyses have no intent until re-scored; status day counts, labels and new scores count', async () => {
    const tmp = makeTempDir();
    try {
      const path = join(tmp.dir, 'v13.db');
      const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 13));
      expect(schemaVersion(old)).toBe(13);
      old.exec(`INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z'); ${MENTIONS("'a'")} ${V13_ROWS("'a'")}`);
      old.close();
      const store = new SqliteStore(path);
      try {
        await checkUpgraded(store);
      } finally {
        await store.close();
      }
    } finally {
      tmp.cleanup();
    }
  });

  it('on PostgreSQL: the same', async (ctx) => {
    const pg = await url;
    if (!pg) return ctx.skip();
    const schema = `t_intent_${process.pid}_${Date.now() % 100000}`;
    schemas.push(schema);
    const target = parsePgUrl(withSchema(pg, schema));
    const sql = connectPg(target, 1);
    await sql.unsafe(`CREATE SCHEMA ${target.schema}`);
    expect(await migratePg(sql, PG_MIGRATIONS.filter((m) => m.version <= 13))).toBe(13);
    await sql.unsafe(`
      INSERT INTO brands (id, name, created_at) VALUES (1, 'Acme', '2026-01-01T00:00:00.000Z');
      CREATE TABLE mentions_p2026_01 PARTITION OF mentions FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
      INSERT INTO mention_keys (id, source, external_id, created_at) VALUES
        (1, 'x', '1', '2026-01-02T10:00:00.000Z'), (2, 'reddit', '2', '2026-01-02T11:30:00.000Z'), (3, 'x', '3', '2026-01-03T09:00:00.000Z');
      ${MENTIONS('now()')} ${V13_ROWS('now()')}
      DELETE FROM brand_days_dirty; DELETE FROM term_days_dirty;`);
    await sql.end();
    const store = await openPostgresStore(withSchema(pg, schema));
    try {
      await checkUpgraded(store);
    } finally {
      await store.close();
    }
  });
});
