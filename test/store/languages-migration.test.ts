import { afterAll, afterEach, describe, expect, it } from 'vitest';
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

// one brand, two analysed mentions (hours 490930/490931) and one not analysed, as a v12 store holds them
const V12_ROWS = `
  INSERT INTO analyses (mention_id, model_version, sentiment_score, sentiment_label, cluster_key, brand_id, hour, voice, cluster, sentiment,
      complaint_score, complaint, analyzed_at)
    VALUES (1, 'm', -0.4, 'negative', 'k1', 1, 490930, 11, 21, -1, 0.9, 1, '2026-01-02T12:00:00.000Z'),
      (2, 'm', 0.6, 'positive', 'k2', 1, 490931, 12, 22, 1, 0.1, 0, '2026-01-02T12:00:00.000Z');
  INSERT INTO mention_brands (brand_id, mention_id, hour, voice, cluster, sentiment, complaint, engagement)
    VALUES (1, 1, 490930, 11, 21, -1, 1, 0), (1, 2, 490931, 12, 22, 1, 0, 0), (1, 3, 490953, NULL, NULL, NULL, NULL, 0);`;

/** After the upgrade: old analyses have no language until re-scored; new ones store it and count. */
async function checkUpgraded(store: Store): Promise<void> {
  const rows = async () => {
    const out = [];
    for await (const row of store.exportMentions({})) out.push([row.id, row.lang ?? null, row.sentimentLabel, row.complaint]);
    return out;
  };
  // scored before languages: as they were, language not known
  expect(await rows()).toEqual([['1', null, 'negative', 0.9], ['2', null, 'positive', 0.1], ['3', null, null, null]]);
  expect((await store.status()).languages).toEqual([{ lang: 'und', analyzed: 2, sentimentOnly: 0, unscored: 0 }]);
  const day = { brand: 'Acme', fromHour: 20455 * 24, toHour: 20456 * 24 };
  expect(await store.unscoredTotals!(day)).toEqual({ unscored: 0, sentimentOnly: 0 });
  const pending = await store.pendingAnalysis('m2', 0, 10);
  await store.saveAnalyses(pending.map((p) => ({
    rowId: p.rowId, modelVersion: 'm2', sentimentScore: 0, sentimentLabel: 'neutral' as const, complaintScore: 0, complaint: false,
    safetyScore: 0, safety: false, clusterKey: `k${p.id}`, cluster: p.rowId, voice: p.rowId, terms: [{ key: 'kettle', display: 'kettle' }],
    lang: p.id === '2' ? 'nl' : 'en', scored: p.id === '2' ? 'none' as const : 'all' as const,
  })));
  expect((await rows()).map((r) => r.slice(0, 2))).toEqual([['1', 'en'], ['2', 'nl'], ['3', 'en']]);
  expect(await store.unscoredTotals!(day)).toEqual({ unscored: 1, sentimentOnly: 0 });
}

const url = await testPostgresUrl();
const schemas: string[] = [];
let cleanup = () => {};
afterEach(() => cleanup());

describe('migration 17 (post languages)', () => {
  it('upgrades a v12 SQLite store: analyses keep their scores with no language until re-scored', async () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    const path = join(tmp.dir, 'v12.db');
    const old = openDatabase(path, MIGRATIONS.filter((m) => m.version <= 12));
    old.exec(`
      INSERT INTO brands (name, created_at) VALUES ('Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO mentions (source, external_id, brand_id, created_at, author, text, first_seen, last_seen) VALUES
        ('x', '1', 1, '2026-01-02T10:00:00.000Z', 'ann', 'the kettle burnt my hand', 'a', 'a'),
        ('reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'de waterkoker lekt', 'a', 'a'),
        ('x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet kettle', 'a', 'a');
      ${V12_ROWS}`);
    old.close();
    const store = new SqliteStore(path);
    expect(schemaVersion(store.db)).toBe(LATEST_VERSION);
    await checkUpgraded(store);
    await store.close();
  });

  afterAll(async () => {
    if (!url || schemas.length === 0) return;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    for (const schema of schemas) await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it.skipIf(!url)('upgrades a v12 PostgreSQL store the same way', async () => {
    const schema = `t_lang_${process.pid}`;
    schemas.push(schema);
    const target = parsePgUrl(withSchema(url!, schema));
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
        (2, 'reddit', '2', 1, '2026-01-02T11:30:00.000Z', 'bob', 'de waterkoker lekt', now(), now()),
        (3, 'x', '3', 1, '2026-01-03T09:00:00.000Z', 'cy', 'not analysed yet kettle', now(), now());
      ${V12_ROWS.replaceAll("'2026-01-02T12:00:00.000Z'", 'now()')}`);
    await sql.end();
    const store = await openPostgresStore(withSchema(url!, schema));
    try {
      await checkUpgraded(store);
    } finally {
      await store.close();
    }
  });
});
