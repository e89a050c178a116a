import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { scan } from '../../src/core/scan.js';
import { emptyReplayData, startReplayServer, type ReplayServer } from '../../src/replay/index.js';
import { createSources } from '../../src/sources/create-sources.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';
import { replayEnv } from '../sources/helpers.js';

// Four questions to Kettleby on one day, no engagement: the author's reach (X followers,
// from the user expansion) breaks the tie, unknown reach last. Written for this test.
const DAY = '2026-11-20';
const tweet = (id: string, hour: number, author: string, text: string) => ({ id, text, created_at: `${DAY}T${hour}:00:00.000Z`, author_id: author, lang: 'en' });
const TWEETS = [
  tweet('1001', 10, '71', 'does the kettleby travel kettle work on 110v?'),
  tweet('1002', 11, '72', 'is the kettleby filter jug dishwasher safe?'),
  tweet('1003', 12, '73', 'how do i descale the kettleby kettle?'),
  tweet('1004', 13, '74', 'where can i buy kettleby refills?'),
];
const USERS = [
  { id: '71', username: 'bigteafan', public_metrics: { followers_count: 5000, following_count: 3 } },
  { id: '72', username: 'smallteafan', public_metrics: { followers_count: 12 } },
  { id: '73', username: 'quietteafan' }, // no public_metrics: reach unknown
  { id: '74', username: 'oddteafan', public_metrics: { followers_count: -3 } }, // not a count: unknown
];

const backends = await storeBackends();
let server: ReplayServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

async function scanX(store: Store, target: ReplayServer): Promise<void> {
  const brands = configSchema.parse({ brands: [{ name: 'Kettleby', queries: { x: 'kettleby' } }] }).brands;
  const sources = createSources(configSchema.parse({}), replayEnv(target), { ca: target.caPem, retry: { baseDelayMs: 10 } });
  const summary = await scan(store, { brands, sources, requested: ['x'], maxPosts: 1000, maxWaitMs: 1000, maxPages: 5 });
  expect(summary.runs.map((r) => r.status), JSON.stringify(summary.runs)).toEqual(['ok']);
}

/** Every stored mention as a question (the model's flag), so the inbox holds them all. */
async function askAll(store: Store): Promise<void> {
  const pending = await store.pendingAnalysis('v1', 0, 100);
  await store.saveAnalyses(pending.map((p) => ({
    rowId: p.rowId, modelVersion: 'v1', sentimentScore: 0, sentimentLabel: 'neutral', complaintScore: 0, complaint: false, safetyScore: 0, safety: false,
    questionScore: 0.9, question: true, suggestionScore: 0, suggestion: false, clusterKey: `c${p.rowId}`, cluster: p.rowId, voice: p.rowId, terms: [],
  })));
}

describe.each(backends)('the inbox ranks ties by author reach in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  afterEach(() => backend.cleanup());

  it('asks X for follower counts, stores them per author (newest wins), and orders a day\'s ties by them, unknown last', async () => {
    const store = await backend.open({ clock: () => new Date('2026-11-21T08:00:00.000Z') });
    const data = emptyReplayData();
    data.x = { tweets: [...TWEETS], users: [...USERS] };
    server = await startReplayServer({ data });
    await scanX(store, server);
    const search = server.requests.find((r) => r.path === '/2/tweets/search/recent')!;
    expect(search.query['user.fields']).toBe('username,public_metrics');
    await askAll(store);
    const order = async () => (await store.inboxMentions({ brand: 'Kettleby', limit: 10 })).map((r) => `${r.author}`);
    // without reach the newest would come first (oddteafan, quietteafan, smallteafan, bigteafan)
    expect(await order()).toEqual(['bigteafan', 'smallteafan', 'oddteafan', 'quietteafan']);
    expect(await backend.query(store, 'SELECT source, author, followers FROM author_reach ORDER BY author'))
      .toEqual([{ source: 'x', author: 'bigteafan', followers: 5000 }, { source: 'x', author: 'smallteafan', followers: 12 }]);

    // smallteafan is now followed by 9,000: the next scan brings a new post and the new count, and both posts rank by it
    server.data.x.users = USERS.map((u) => (u.id === '72' ? { ...u, public_metrics: { followers_count: 9000 } } : u));
    server.addData({ x: { tweets: [tweet('1005', 14, '72', 'do kettleby kettles come with a uk plug?')] } });
    await scanX(store, server);
    await askAll(store);
    expect(await order()).toEqual(['smallteafan', 'smallteafan', 'bigteafan', 'oddteafan', 'quietteafan']);
  });
});
