import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../src/sources/source.js';
import { CursorBook } from './helpers.js';
import { brandWith, loopbackCertificate, loopbackSources, startLoopback, type Handler, type Loopback } from './loopback.js';

/**
 * One malformed item must not fail its page for ever: it is skipped and counted, its
 * neighbours are stored and the page's cursor is committed. And a post dated in the
 * future must never become a cursor (it would hide everything older than itself).
 */
let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
async function serve(handler: Handler, tls = false): Promise<Loopback> {
  const server = await startLoopback(handler, tls);
  servers.push(server);
  return server;
}
function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const NOW = new Date('2026-11-07T12:00:00.000Z');
const BRAND = brandWith({ bluesky: 'Kettleby', appstore: { apps: ['123'], countries: ['gb'] } });
const skippedNotice = (book: CursorBook) =>
  book.events.find((e): e is Extract<SourceEvent, { kind: 'notice' }> => e.kind === 'notice' && /skipped \d+ malformed/.test(e.message));
const JWT = `x.${Buffer.from(JSON.stringify({ exp: 4_102_444_800 })).toString('base64url')}.y`;

describe('a malformed item is skipped and counted, never the page', () => {
  it('X: a garbage date, a numeric text and an object username are skipped; the good posts and the cursor are kept', async () => {
    const server = await serve((_req, res) => json(res, {
      data: [
        { id: '105', text: 'Kettleby Tea is lovely', created_at: '2026-11-07T10:00:00.000Z', author_id: '1' },
        { id: '104', text: 'Kettleby bad date', created_at: 'garbage', author_id: '1' },
        { id: '103', text: 42, created_at: '2026-11-07T09:00:00.000Z', author_id: '1' },
        { id: '102', text: 'Kettleby odd user', created_at: '2026-11-07T09:00:00.000Z', author_id: '2' },
        { id: '101', text: 'Kettleby Tea again', created_at: '2026-11-07T08:00:00.000Z', author_id: '1' },
      ],
      includes: { users: [{ id: '1', username: 'teafan' }, { id: '2', username: { evil: true } }] },
      meta: { newest_id: '105', result_count: 5 },
    }), true);
    const sources = loopbackSources({ EARSHOT_X_API_BASE: `${server.url}/2/`, EARSHOT_X_BEARER_TOKEN: 'tok' }, { ca: (await loopbackCertificate()).cert });
    const book = new CursorBook();
    const run = await book.scan(sources.x!, BRAND, { now: () => NOW });
    expect(run.error).toBeNull();
    expect([...book.stored.keys()]).toEqual(['105', '101']);
    expect(skippedNotice(book)?.message).toMatch(/^search: skipped 3 malformed item\(s\) \(created_at is not a date\)/);
    expect(run.postsRead).toBe(5);
    expect(JSON.parse(book.values.get('search')!).since).toBe('105');
  });

  it('App Store: a review whose title is a number is skipped; the others are stored', async () => {
    const entry = (id: string, title: unknown) => ({ id: { label: id }, title: { label: title }, content: { label: 'Kettleby app' }, 'im:rating': { label: '4' }, updated: { label: '2026-11-06T10:00:00-07:00' }, author: { name: { label: 'a' } } });
    const server = await serve((_req, res) => json(res, { feed: { entry: [entry('3', 'good'), entry('2', 42), entry('1', 'fine')] } }));
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({ EARSHOT_APPSTORE_API_BASE: `${server.url}/` }).appstore!, BRAND, { now: () => NOW });
    expect(run.error).toBeNull();
    expect([...book.stored.keys()]).toEqual(['3', '1']);
    expect(skippedNotice(book)?.message).toMatch(/^reviews:123:gb: skipped 1 malformed item/);
    expect(JSON.parse(book.values.get('reviews:123:gb')!).since.id).toBe('3');
  });

  it('Reddit: a post whose author is an object is skipped; the others are stored', async () => {
    const thing = (n: number, author: unknown) => ({ kind: 't3', data: { name: `t3_${n}`, created_utc: 1_794_000_000 + n, author, title: 'Kettleby Tea', permalink: `/r/tea/comments/${n}/x/` } });
    const server = await serve((req, res) => {
      if (req.url!.startsWith('/api/v1/access_token')) return json(res, { access_token: 't', expires_in: 3600 });
      json(res, { kind: 'Listing', data: { after: null, children: [thing(3, 'ann'), thing(2, { name: 'evil' }), thing(1, 'bob')] } });
    });
    const env = { EARSHOT_REDDIT_AUTH_BASE: server.url, EARSHOT_REDDIT_API_BASE: server.url, EARSHOT_REDDIT_CLIENT_ID: 'id', EARSHOT_REDDIT_CLIENT_SECRET: 's' };
    const book = new CursorBook();
    const run = await book.scan(loopbackSources(env).reddit!, brandWith({}), { now: () => NOW });
    expect(run.error).toBeNull();
    expect([...book.stored.keys()]).toEqual(['t3_3', 't3_1']);
    expect(skippedNotice(book)?.message).toMatch(/the author is not a string/);
  });

  it('Hacker News: a hit whose text is an object is skipped; the others are stored', async () => {
    const hit = (n: number, story_text: unknown) => ({ objectID: String(n), created_at_i: 1_794_000_000 + n, title: 'Kettleby', story_text, author: 'a' });
    const server = await serve((_req, res) => json(res, { hits: [hit(3, 'ok'), hit(2, { html: 1 }), hit(1, null)], page: 0, nbPages: 1 }));
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({ EARSHOT_HN_API_BASE: server.url }).hackernews!, brandWith({}), { now: () => NOW });
    expect(run.error).toBeNull();
    expect([...book.stored.keys()]).toEqual(['3', '1']);
    expect(skippedNotice(book)).toBeDefined();
  });
});

describe('a post dated in the future never becomes a cursor', () => {
  function blueskyServer(posts: () => unknown[]) {
    return serve((req, res) => {
      if (req.url!.includes('Session')) return json(res, { accessJwt: JWT, refreshJwt: JWT });
      json(res, { posts: posts() });
    });
  }
  const post = (n: number, createdAt: string) => ({ uri: `at://did:plc:a/app.bsky.feed.post/${n}`, author: { handle: 'a.example' }, record: { text: 'Kettleby', createdAt }, indexedAt: createdAt });

  it('Bluesky: the stream keeps its cursor at the newest trusted post; the future one is stored as of the clock', async () => {
    const server = await blueskyServer(() => [post(3, '2999-01-01T00:00:00.000Z'), post(2, '2026-11-07T11:00:00.000Z'), post(1, '2026-11-07T10:00:00.000Z')]);
    const env = { EARSHOT_BLUESKY_API_BASE: `${server.url}/xrpc/`, EARSHOT_BLUESKY_HANDLE: 'me.example', EARSHOT_BLUESKY_APP_PASSWORD: 'p' };
    const book = new CursorBook();
    expect((await book.scan(loopbackSources(env).bluesky!, BRAND, { now: () => NOW })).error).toBeNull();
    const cursor = JSON.parse(book.values.get('search')!);
    expect(cursor.since).toEqual({ uri: 'at://did:plc:a/app.bsky.feed.post/2', sortAt: '2026-11-07T11:00:00.000Z' });
    expect(book.stored.get('at://did:plc:a/app.bsky.feed.post/3')!.createdAt).toBe(NOW.toISOString());
    // the next scan asks from the trusted post, not from 2999
    await book.scan(loopbackSources(env).bluesky!, BRAND, { now: () => NOW });
    const searches = server.hits.filter((hit) => hit.path.includes('searchPosts'));
    expect(new URL(searches[1]!.path, server.url).searchParams.get('since')).toBe('2026-11-07T11:00:00.000Z');
  });

  it('a cursor saved in the future by an older earshot is distrusted and the stream starts afresh', async () => {
    const server = await blueskyServer(() => [post(2, '2026-11-07T11:00:00.000Z')]);
    const env = { EARSHOT_BLUESKY_API_BASE: `${server.url}/xrpc/`, EARSHOT_BLUESKY_HANDLE: 'me.example', EARSHOT_BLUESKY_APP_PASSWORD: 'p' };
    const book = new CursorBook();
    book.values.set('search', JSON.stringify({ query: 'Kettleby', since: { uri: 'at://x/app.bsky.feed.post/9', sortAt: '2999-01-01T00:00:00.000Z' }, pending: null }));
    await book.scan(loopbackSources(env).bluesky!, BRAND, { now: () => NOW });
    expect(book.events).toContainEqual({ kind: 'notice', message: 'search: the saved cursor is dated in the future; starting this stream afresh' });
    expect(new URL(server.hits.at(-1)!.path, server.url).searchParams.get('since')).toBeNull();
    expect(book.stored.size).toBe(1);
  });

  it('Hacker News asks only for hits up to the clock plus ten minutes, so a future hit cannot pin the stream', async () => {
    const server = await serve((_req, res) => json(res, { hits: [], page: 0, nbPages: 0 }));
    await new CursorBook().scan(loopbackSources({ EARSHOT_HN_API_BASE: server.url }).hackernews!, brandWith({}), { now: () => NOW });
    const filters = new URL(server.hits[0]!.path, server.url).searchParams.get('numericFilters');
    expect(filters).toBe(`created_at_i>0,created_at_i<=${NOW.getTime() / 1000 + 600}`);
  });

  it('Reddit and the App Store keep their cursor at the newest trusted item', async () => {
    const server = await serve((req, res) => {
      if (req.url!.startsWith('/api/v1/access_token')) return json(res, { access_token: 't', expires_in: 3600 });
      if (req.url!.includes('customerreviews')) {
        const entry = (id: string, updated: string) => ({ id: { label: id }, title: { label: 'Kettleby' }, 'im:rating': { label: '5' }, updated: { label: updated } });
        return json(res, { feed: { entry: [entry('9', '2999-01-01T00:00:00Z'), entry('8', '2026-11-07T09:00:00Z')] } });
      }
      const thing = (n: number, created: number) => ({ kind: 't3', data: { name: `t3_${n}`, created_utc: created, author: 'a', title: 'Kettleby' } });
      json(res, { kind: 'Listing', data: { after: null, children: [thing(9, 32_503_680_000), thing(8, NOW.getTime() / 1000 - 60)] } });
    });
    const env = { EARSHOT_REDDIT_AUTH_BASE: server.url, EARSHOT_REDDIT_API_BASE: server.url, EARSHOT_REDDIT_CLIENT_ID: 'id', EARSHOT_REDDIT_CLIENT_SECRET: 's', EARSHOT_APPSTORE_API_BASE: `${server.url}/` };
    const book = new CursorBook();
    await book.scan(loopbackSources(env).reddit!, BRAND, { now: () => NOW });
    await book.scan(loopbackSources(env).appstore!, BRAND, { now: () => NOW });
    expect(JSON.parse(book.values.get('search')!).since.name).toBe('t3_8');
    expect(JSON.parse(book.values.get('reviews:123:gb')!).since.id).toBe('8');
  });
});
