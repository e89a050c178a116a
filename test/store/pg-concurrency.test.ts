import { afterEach, describe, expect, it } from 'vitest';
import { configSchema, type BrandConfig } from '../../src/config/schema.js';
import { scan, type ScanOptions } from '../../src/core/scan.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { createSources } from '../../src/sources/create-sources.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';
import { replayEnv, BRAND, startReplay } from '../sources/helpers.js';
import { storeBackends } from '../support/store-backends.js';
import { seededRandom } from '../../src/analysis/seeded-random.js';
import { TEST_SEED } from '../support/test-seed.js';

const [, postgres] = await storeBackends();
const pg = postgres!;

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await pg.cleanup();
});

/** Every mention as (source:id → text) plus the cursors, read back from one store. */
async function contents(store: Store) {
  const keys = await pg.query<{ k: string; n: number }>(store,
    "SELECT source || ':' || external_id AS k, COUNT(*) AS n FROM mentions GROUP BY 1 ORDER BY 1");
  const cursors = await pg.query(store, 'SELECT source, brand_id, stream, value FROM scan_cursors ORDER BY 1, 2, 3');
  const registered = await pg.query<{ n: number }>(store, 'SELECT COUNT(*) AS n FROM mention_keys');
  return { keys: keys.map((r) => r.k), duplicates: keys.filter((r) => Number(r.n) > 1), registered: Number(registered[0]!.n), cursors };
}

const page = (p: number): MentionInput[] => Array.from({ length: 50 }, (_, i) => {
  const n = p * 30 + i; // pages overlap by 20 mentions, as re-fetched search pages do
  return { id: String(n), source: 'x', brand: 'Acme', createdAt: new Date(Date.UTC(2026, 8 + (n % 3), 1 + (n % 27), 10)).toISOString(), text: `post ${n}` };
});

describe.skipIf(!pg.available)('two scanners on one PostgreSQL store', () => {
  it('interleaved upserts of the same pages and cursors store exactly one scan\'s mentions', async () => {
    const reference = await pg.open();
    for (let p = 0; p < 12; p++) await reference.upsertMentions(page(p), { source: 'x', brand: 'Acme', stream: 'search', value: `after-${p}` });

    const [a, b] = await pg.openPair();
    // a seeded jitter varies the interleaving, the same way on every run
    const jitter = seededRandom(TEST_SEED);
    const write = async (store: Store, order: number[]) => {
      let inserted = 0;
      for (const p of order) {
        await new Promise((r) => setTimeout(r, jitter() * 3));
        inserted += (await store.upsertMentions(page(p), { source: 'x', brand: 'Acme', stream: 'search', value: `after-${p}` })).inserted;
      }
      return inserted;
    };
    const pages = [...Array(12).keys()];
    // one scanner forwards, one backwards, then both at once on the last page: every page is written twice, in both orders
    const inserted = await Promise.all([write(a, pages), write(b, [...pages].reverse()), write(a, [11]), write(b, [11])]);

    const got = await contents(a);
    const want = await contents(reference);
    expect(got.duplicates).toEqual([]);
    expect(got.keys).toEqual(want.keys);
    expect(got.registered).toBe(want.keys.length);
    expect(inserted.reduce((x, y) => x + y, 0)).toBe(want.keys.length);
    // the cursor is one a scanner committed with its page, never lost or torn
    expect(got.cursors).toHaveLength(1);
    expect(String(got.cursors[0]!.value)).toMatch(/^after-(0|11)$/);
  });

  it('two concurrent scans against the replay server produce exactly the mentions and cursors of a single scan', async () => {
    server = await startReplay();
    const brands: BrandConfig[] = [{ ...BRAND, queries: { x: 'Kettleby', reddit: { query: 'Kettleby', subreddits: ['tea'] }, hackernews: 'Kettleby' } }];
    const options = (): ScanOptions => ({
      brands, maxPosts: 10_000, maxWaitMs: 2000, maxPages: 50,
      sources: createSources(configSchema.parse({}), replayEnv(server!), { ca: server!.caPem, retry: { baseDelayMs: 10 } }),
    });
    const single = await pg.open();
    const one = await scan(single, options());
    expect(one.runs.every((r) => r.status === 'ok')).toBe(true);

    const shared = await pg.open();
    const second = await openPostgresStore(pg.locationOf(shared));
    try {
      const runs = await Promise.all([scan(shared, options()), scan(second, options())]);
      expect(runs.flatMap((r) => r.runs.map((x) => x.status)).every((s) => s === 'ok')).toBe(true);
      const got = await contents(shared);
      const want = await contents(single);
      expect(got.duplicates).toEqual([]);
      expect(got.keys).toEqual(want.keys);
      expect(got.keys.length).toBeGreaterThan(400);
      expect(got.cursors).toEqual(want.cursors);
      const inserted = runs.flatMap((r) => r.runs).reduce((sum, r) => sum + r.inserted, 0);
      expect(inserted).toBe(want.keys.length);
    } finally {
      await second.close();
    }
  });
});
