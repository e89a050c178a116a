import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema, type BrandConfig } from '../../src/config/schema.js';
import { scan, type ScanOptions } from '../../src/core/scan.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { createSources } from '../../src/sources/create-sources.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { BRAND, replayEnv, startReplay } from './helpers.js';

let server: ReplayServer;
let store: Store | undefined;
const folders: string[] = [];
afterEach(async () => {
  await store?.close();
  store = undefined;
  await server?.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const FEEDS = ['kettleby-blog.rss', 'tea-trade.atom', 'cuppa.json'];
let brands: BrandConfig[] = [];
/** Feed URLs name the replay server's port, so the brand is made once the server runs. */
function brandsFor(target: ReplayServer): BrandConfig[] {
  return configSchema.parse({ brands: [{
    name: BRAND.name, aliases: BRAND.aliases,
    queries: {
      x: 'Kettleby', reddit: { query: 'Kettleby', subreddits: ['tea'] }, hackernews: 'Kettleby', bluesky: 'Kettleby',
      rss: { feeds: FEEDS.map((file) => `${target.bases.feeds}/${file}`), news: 'Kettleby' },
      appstore: { apps: ['1600000001'], countries: ['gb'] },
    },
  }] }).brands;
}

function options(overrides: Partial<ScanOptions> = {}, env: Record<string, string | undefined> = {}): ScanOptions {
  brands = brandsFor(server);
  const sources = createSources(configSchema.parse({}), { ...replayEnv(server), ...env }, { ca: server.caPem, retry: { baseDelayMs: 10 } });
  return { brands, sources, maxPosts: 10_000, maxWaitMs: 2000, maxPages: 50, ...overrides };
}

async function totalMentions(target: Store): Promise<number> {
  return (await target.status()).totalMentions;
}

describe('scan use case with the SQLite store', () => {
  it('stores all six sources, and a second scan reads only what is new', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const first = await scan(store, options());
    expect(first.runs.map((r) => [r.source, r.status])).toEqual(['x', 'reddit', 'hackernews', 'bluesky', 'rss', 'appstore'].map((s) => [s, 'ok']));
    const stored = await totalMentions(store);
    expect(stored).toBe(first.runs.reduce((sum, r) => sum + r.inserted, 0));
    expect(stored).toBeGreaterThan(400);

    server.requests.length = 0;
    const second = await scan(store, options());
    expect(second.runs.every((r) => r.inserted === 0 && r.postsRead === 0 && r.status === 'ok')).toBe(true);
    const x = server.requests.find((r) => r.source === 'x')!;
    expect(x.query.since_id).toMatch(/^\d+$/);
    const hn = server.requests.find((r) => r.source === 'hackernews')!;
    expect(hn.query.numericFilters).toMatch(/^created_at_i>\d+,created_at_i<=\d+$/);
    expect(server.requests.filter((r) => r.source === 'reddit' && r.query.after)).toEqual([]);
    expect(server.requests.find((r) => r.source === 'bluesky' && r.path.endsWith('searchPosts'))!.query.since).toMatch(/^2026-/);
    expect(server.requests.filter((r) => r.source === 'bluesky' && r.path.endsWith('createSession'))).toEqual([]);
    expect(server.requests.filter((r) => r.source === 'appstore').map((r) => r.path)).toEqual(['/gb/rss/customerreviews/page=1/id=1600000001/sortby=mostrecent/json']);
  });

  it('a stopped or failed source does not stop the others, and each run is recorded', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    server.setFaults([
      { kind: 'rate-limit', source: 'x', resetSeconds: 900 },
      { kind: 'invalid-json', source: 'hackernews', skip: 1 },
    ]);
    const events: string[] = [];
    const summary = await scan(store, options({ onEvent: (brand, source, e) => events.push(`${brand}/${source}/${e.kind}`) }));
    const status = Object.fromEntries(summary.runs.map((r) => [r.source, r]));
    expect(status.x).toMatchObject({ status: 'stopped', message: expect.stringMatching(/--max-wait/) });
    expect(status.reddit).toMatchObject({ status: 'ok' });
    expect(status.hackernews).toMatchObject({ status: 'failed', pages: 1, message: expect.stringMatching(/^hackernews: GET .* returned invalid or truncated JSON/) });
    expect(events).toContain('Kettleby Tea/reddit/page');
    expect((await store.status()).rows.some((row) => row.source === 'hackernews' && row.mentions > 0)).toBe(true);
  });

  it.each([
    ['x', (data: ReplayServer['data']) => data.x.tweets.filter((t) => /kettleby/i.test(String(t.text))).length],
    ['bluesky', (data: ReplayServer['data']) => data.bluesky.posts.filter((p) => /kettleby/i.test(String((p.record as { text: string }).text))).length],
    ['appstore', (data: ReplayServer['data']) => data.appstore.reviews.filter((r) => r.app === '1600000001' && r.country === 'gb').length],
    // 4 + 3 + 2 items of the feeds name the brand, and every news result is kept
    ['rss', (data: ReplayServer['data']) => 9 + data.news.items.filter((i) => /kettleby/i.test(String(i.title))).length],
  ])('a %s scan killed mid-page resumes with no gaps and no duplicates', async (source, expected) => {
    server = await startReplay();
    const folder = mkdtempSync(join(tmpdir(), 'earshot-scan-'));
    folders.push(folder);
    const path = join(folder, 'kill.db');
    const real = await openStore(path);
    let pages = 0;
    // Dies inside the third page's write, as SIGKILL would: that page and its cursor never commit.
    const dying: Store = Object.create(real, {
      upsertMentions: { value: async (...args: Parameters<Store['upsertMentions']>) => (++pages === 3 ? Promise.reject(new Error('killed')) : real.upsertMentions(...args)) },
    });
    const killed = await scan(dying, options({ requested: [source] }));
    expect(killed.runs[0]).toMatchObject({ status: 'failed', message: 'killed', pages: 2 });
    await real.close();
    store = await openStore(path);
    const resumed = await scan(store, options({ requested: [source] }));
    expect(resumed.runs[0]!.status).toBe('ok');
    expect(await totalMentions(store)).toBe(expected(server.data));
    const again = await scan(store, options({ requested: [source] }));
    expect(again.runs[0]).toMatchObject({ status: 'ok', inserted: 0, postsRead: 0 });
  });

  it('skips a source without credentials unless it was asked for', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const summary = await scan(store, options({}, { EARSHOT_X_BEARER_TOKEN: undefined }));
    expect(summary.skipped).toEqual([expect.objectContaining({ source: 'x', reason: 'no bearer token' })]);
    expect(summary.runs.map((r) => r.source)).toEqual(['reddit', 'hackernews', 'bluesky', 'rss', 'appstore']);
    await expect(scan(store, options({ requested: ['x'] }, { EARSHOT_X_BEARER_TOKEN: undefined }))).rejects.toThrow(/x was asked for but has no bearer token/);
  });

  it('splits --max-posts fairly across brands of one source, and marks a brand the budget cut short', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const base = brandsFor(server)[0]!;
    const two = [base, { ...base, name: 'Kettleby Two' }];
    const summary = await scan(store, options({ brands: two, requested: ['x'], maxPosts: 150 }));
    // issue 27: a shared budget gave the first brand all 150 posts and the second none
    expect(summary.runs.map((r) => [r.brand, r.postsRead, r.budgetHit])).toEqual([['Kettleby Tea', 75, true], ['Kettleby Two', 75, true]]);
    expect((await store.scanHealth()).map((h) => [h.brand, h.lastBudgetHit])).toEqual([['Kettleby Tea', true], ['Kettleby Two', true]]);
    const plenty = await scan(store, options({ brands: two, requested: ['x'], maxPosts: 100_000 }));
    expect(plenty.runs.map((r) => r.budgetHit)).toEqual([false, false]);
  });
});

describe('scan use case with sources a brand must configure', () => {
  it('skips feeds and App Store for brands without them, and refuses --source for them', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const plain = configSchema.parse({ brands: [{ name: 'Kettleby Tea', queries: { x: 'Kettleby' } }] }).brands;
    const sources = createSources(configSchema.parse({}), replayEnv(server), { ca: server.caPem, retry: { baseDelayMs: 10 } });
    const summary = await scan(store, { brands: plain, sources, maxPosts: 10, maxWaitMs: 0, maxPages: 1 });
    expect(summary.runs.map((r) => r.source)).toEqual(['x', 'reddit', 'hackernews', 'bluesky']);
    await expect(scan(store, { brands: plain, sources, requested: ['appstore'], maxPosts: 10, maxWaitMs: 0, maxPages: 1 }))
      .rejects.toThrow(/appstore was asked for but no brand configures it/);
  });

  it('says nothing about Bluesky without credentials when the config never mentions it', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const env = { ...replayEnv(server), EARSHOT_BLUESKY_HANDLE: undefined, EARSHOT_BLUESKY_APP_PASSWORD: undefined };
    const run = (config: object) => scan(store!, {
      brands: configSchema.parse(config).brands, sources: createSources(configSchema.parse(config), env, { ca: server.caPem }),
      requested: ['hackernews'], maxPosts: 1, maxWaitMs: 0, maxPages: 1,
    });
    const quiet = createSources(configSchema.parse({}), env).find((s) => s.name === 'bluesky')!;
    expect(quiet).toMatchObject({ quiet: true, reason: 'no handle and app password' });
    const mentioned = createSources(configSchema.parse({ brands: [{ name: 'B', queries: { bluesky: 'B' } }] }), env).find((s) => s.name === 'bluesky')!;
    expect(mentioned).toMatchObject({ quiet: false });
    const halfLogin = createSources(configSchema.parse({}), { ...env, EARSHOT_BLUESKY_APP_PASSWORD: 'aaaa-bbbb-cccc-dddd' }).find((s) => s.name === 'bluesky')!;
    expect(halfLogin).toMatchObject({ quiet: false, reason: 'no handle and app password' });
    expect((await run({ brands: [{ name: 'B' }] })).skipped).toEqual([]);
  });
});
