import { afterEach, describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { STALE_ROWS } from '../../src/store/postgres/planner-stats.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

/** Issue 18: a large analysis run renews PostgreSQL's planner statistics itself, a small one leaves them to autovacuum. */
const [, postgres] = await storeBackends();
const WORDS = ['lid', 'cracked', 'tea', 'bag', 'plastic', 'delivery', 'late', 'lovely', 'blend', 'caddy', 'hinge', 'refund'];

function mentions(from: number, n: number): MentionInput[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      id: String(k), source: 'x', brand: 'Acme', author: `a${k % 997}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + (k % 480) * 3_600_000).toISOString(),
      text: `${WORDS[k % 12]} ${WORDS[(k * 7) % 12]} ${WORDS[(k * 5 + 3) % 12]} from Acme number ${k}`,
    };
  });
}

describe.skipIf(!postgres?.available)('PostgreSQL planner statistics after a large analysis run', () => {
  afterEach(async () => { await postgres!.cleanup(); });

  it('ANALYZEs the written tables once a run outgrows them, and not for a small run', async () => {
    const store: Store = await postgres!.open();
    // autovacuum stays out of it, so only the store can have analysed these tables
    for (const table of ['mention_keys', 'mention_brands', 'analyses', 'terms', 'mention_terms', 'term_days', 'brand_days']) {
      await postgres!.query(store, `ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    }
    const estimate = async (table: string) => Number((await postgres!.query<{ n: number }>(store, `SELECT reltuples AS n FROM pg_class WHERE oid = to_regclass('${table}')`))[0]!.n);
    expect(await estimate('mention_terms')).toBeLessThanOrEqual(0);
    const run = async (batch: MentionInput[]) => {
      for (let i = 0; i < batch.length; i += 2000) await store.upsertMentions(batch.slice(i, i + 2000));
      await analyzePending(store, { brandTerms: { Acme: ['Acme'] }, workers: 0, now: new Date('2026-12-01T00:00:00Z') });
    };
    await run(mentions(0, STALE_ROWS + 500));
    expect(await estimate('analyses')).toBe(STALE_ROWS + 500);
    expect(await estimate('mention_terms')).toBeGreaterThan(STALE_ROWS);
    // a cron-sized run: its rows are left for autovacuum to count
    await run(mentions(STALE_ROWS + 500, 300));
    expect(await estimate('analyses')).toBe(STALE_ROWS + 500);
  }, 120_000);
});
if (!postgres?.available) console.warn('[pg-planner-stats] no PostgreSQL server: SKIPPED (see .ci/postgres.sh)');
