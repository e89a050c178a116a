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

const brands: BrandConfig[] = [{ ...BRAND, queries: { x: 'Kettleby', reddit: { query: 'Kettleby', subreddits: ['tea'] }, hackernews: 'Kettleby' } }];

function options(overrides: Partial<ScanOptions> = {}, env: Record<string, string | undefined> = {}): ScanOptions {
  const sources = createSources(configSchema.parse({}), { ...replayEnv(server), ...env }, { ca: server.caPem, retry: { baseDelayMs: 10 } });
  return { brands, sources, maxPosts: 10_000, maxWaitMs: 2000, maxPages: 50, ...overrides };
}

async function totalMentions(target: Store): Promise<number> {
  return (await target.status()).totalMentions;
}

describe('scan use case with the SQLite store', () => {
  it('stores all three sources, and a second scan reads only what is new', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const first = await scan(store, options());
    expect(first.runs.map((r) => [r.source, r.status])).toEqual([['x', 'ok'], ['reddit', 'ok'], ['hackernews', 'ok']]);
    const stored = await totalMentions(store);
    expect(stored).toBe(first.runs.reduce((sum, r) => sum + r.inserted, 0));
    expect(stored).toBeGreaterThan(400);

    server.requests.length = 0;
    const second = await scan(store, options());
    expect(second.runs.every((r) => r.inserted === 0 && r.postsRead === 0 && r.status === 'ok')).toBe(true);
    const x = server.requests.find((r) => r.source === 'x')!;
    expect(x.query.since_id).toMatch(/^\d+$/);
    const hn = server.requests.find((r) => r.source === 'hackernews')!;
    expect(hn.query.numericFilters).toMatch(/^created_at_i>\d+$/);
    expect(server.requests.filter((r) => r.source === 'reddit' && r.query.after)).toEqual([]);
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

  it('a scan killed mid-page resumes with no gaps and no duplicates', async () => {
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
    await scan(dying, options({ requested: ['x'] }));
    await real.close();
    store = await openStore(path);
    const resumed = await scan(store, options({ requested: ['x'] }));
    expect(resumed.runs[0]!.status).toBe('ok');
    const expected = server.data.x.tweets.filter((t) => /kettleby/i.test(String(t.text))).length;
    expect(await totalMentions(store)).toBe(expected);
  });

  it('skips a source without credentials unless it was asked for', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const summary = await scan(store, options({}, { EARSHOT_X_BEARER_TOKEN: undefined }));
    expect(summary.skipped).toEqual([expect.objectContaining({ source: 'x', reason: 'no bearer token' })]);
    expect(summary.runs.map((r) => r.source)).toEqual(['reddit', 'hackernews']);
    await expect(scan(store, options({ requested: ['x'] }, { EARSHOT_X_BEARER_TOKEN: undefined }))).rejects.toThrow(/x was asked for but has no bearer token/);
  });

  it('shares --max-posts across brands of one source', async () => {
    server = await startReplay();
    store = await openStore(':memory:');
    const two = [brands[0]!, { ...brands[0]!, name: 'Kettleby Two' }];
    const summary = await scan(store, options({ brands: two, requested: ['x'], maxPosts: 150 }));
    expect(summary.runs.map((r) => r.postsRead)).toEqual([150, 0]);
  });
});
