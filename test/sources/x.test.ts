import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { SourceStopped } from '../../src/sources/source.js';
import { BRAND, CursorBook, buildSources, countMatching, startReplay } from './helpers.js';

let server: ReplayServer;
afterEach(() => server?.close());

const searches = () => server.requests.filter((r) => r.path === '/2/tweets/search/recent');

describe('x source against the replay server', () => {
  it('pages through recent search with next_token and maps tweets', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).x!, BRAND);
    expect(run.error).toBeNull();
    const expected = countMatching(server.data.x.tweets, (t) => String(t.text));
    expect(run.inserted).toBe(expected);
    expect(run.pages).toBe(Math.ceil(expected / 100));
    const params = searches().map((r) => r.query);
    expect(params[0]).toMatchObject({ max_results: '100', expansions: 'author_id', 'user.fields': 'username,public_metrics' });
    expect(params[0]!['tweet.fields']).toContain('public_metrics');
    expect(params[0]!.next_token).toBeUndefined();
    expect(params[1]!.next_token).toBeTruthy();
    const mention = run.mentions[0]!;
    expect(mention.source).toBe('x');
    expect(mention.url).toMatch(/^https:\/\/x\.com\/teafan\d+\/status\/\d+$/);
    expect(mention.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('second scan sends since_id and reads only the new posts', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const first = await book.scan(buildSources(server).x!, BRAND);
    const newest = first.mentions.map((m) => BigInt(m.id)).reduce((a, b) => (a > b ? a : b));
    const fresh = { id: String(newest + 1000n), text: 'Kettleby Tea new tin is lovely', created_at: '2026-11-07T10:00:00.000Z', author_id: '900001' };
    server.addData({ x: { tweets: [fresh] } });
    server.requests.length = 0;
    const second = await book.scan(buildSources(server).x!, BRAND);
    expect(searches()[0]!.query.since_id).toBe(String(newest));
    expect(second.mentions.map((m) => m.id)).toEqual([fresh.id]);
    expect(second.postsRead).toBe(1);
  });

  it('stops at --max-posts, keeps a pending cursor, and the next scan resumes without gaps', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const first = await book.scan(buildSources(server).x!, BRAND, { maxPosts: 100 });
    expect(first.pages).toBe(1);
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'notice', message: expect.stringContaining('--max-posts') }));
    const pending = JSON.parse(book.values.get('search')!);
    expect(pending.pending.next).toBeTruthy();
    server.requests.length = 0;
    await book.scan(buildSources(server).x!, BRAND);
    expect(searches()[0]!.query.next_token).toBe(pending.pending.next);
    expect(book.stored.size).toBe(countMatching(server.data.x.tweets, (t) => String(t.text)));
    expect(JSON.parse(book.values.get('search')!).pending).toBeNull();
  });

  it('waits out a 429 when the reset is within --max-wait', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'rate-limit', source: 'x', resetSeconds: 1, skip: 1 }]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).x!, BRAND, { maxWaitMs: 5000 });
    expect(run.error).toBeNull();
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'wait' }));
    expect(book.stored.size).toBe(countMatching(server.data.x.tweets, (t) => String(t.text)));
  });

  it('stops cleanly on a 429 beyond --max-wait and resumes on the next scan', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'rate-limit', source: 'x', resetSeconds: 900, skip: 1 }]);
    const book = new CursorBook();
    const first = await book.scan(buildSources(server).x!, BRAND, { maxWaitMs: 1000 });
    expect(first.error).toBeInstanceOf(SourceStopped);
    expect(first.pages).toBe(1);
    const second = await book.scan(buildSources(server).x!, BRAND);
    expect(second.error).toBeNull();
    expect(book.stored.size).toBe(countMatching(server.data.x.tweets, (t) => String(t.text)));
  });

  it('retries 5xx and a reset connection with backoff', async () => {
    server = await startReplay();
    server.setFaults([
      { kind: 'status', status: 503, source: 'x', times: 2 },
      { kind: 'reset', source: 'x' },
    ]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).x!, BRAND);
    expect(run.error).toBeNull();
    expect(book.events.filter((e) => e.kind === 'retry')).toHaveLength(3);
    expect(server.pendingFaults()).toEqual([]);
  });

  it('gives up after 3 retries with a message naming the endpoint', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'status', status: 500, source: 'x', times: Infinity }]);
    const run = await new CursorBook().scan(buildSources(server).x!, BRAND);
    expect(String((run.error as Error).message)).toMatch(/^x: GET tweets\/search\/recent answered 500; gave up after 3 retries$/);
    expect(searches()).toHaveLength(4);
  });

  it('fails with one clear line on invalid JSON and keeps earlier pages', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'truncated-json', source: 'x', skip: 1 }]);
    const book = new CursorBook();
    const first = await book.scan(buildSources(server).x!, BRAND);
    const message = (first.error as Error).message;
    expect(message).toContain('x: GET tweets/search/recent returned invalid or truncated JSON');
    expect(message).not.toContain('replay-x-token');
    expect(message).not.toContain('\n');
    expect(first.pages).toBe(1);
    await book.scan(buildSources(server).x!, BRAND);
    expect(book.stored.size).toBe(countMatching(server.data.x.tweets, (t) => String(t.text)));
  });

  it('restarts from the 7-day window when X rejects a too-old since_id', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).x!, BRAND);
    const tooOld = { errors: [{ message: "Invalid 'since_id':'1'. 'since_id' must be a tweet id created after 2026-10-30T00:00Z." }], title: 'Invalid Request' };
    server.setFaults([{ kind: 'status', status: 400, source: 'x', body: tooOld }]);
    server.requests.length = 0;
    const run = await book.scan(buildSources(server).x!, BRAND);
    expect(run.error).toBeNull();
    expect(searches().map((r) => r.query.since_id !== undefined)).toEqual([true, false, false, false]);
    expect(book.stored.size).toBe(countMatching(server.data.x.tweets, (t) => String(t.text)));
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'notice', message: expect.stringContaining('7-day window') }));
  });

  it('reports the refused bearer token', async () => {
    server = await startReplay();
    const run = await new CursorBook().scan(buildSources(server, {}, { EARSHOT_X_BEARER_TOKEN: 'wrong-token' }).x!, BRAND);
    expect((run.error as Error).message).toBe('x: GET tweets/search/recent answered 401: the bearer token was refused');
  });
});
