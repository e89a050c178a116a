import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { mapBlueskyPost, sortAtOf } from '../../src/sources/bluesky-map.js';
import { isUnavailable } from '../../src/sources/create-sources.js';
import { SourceStopped } from '../../src/sources/source.js';
import { BRAND as BASE, CursorBook, buildSources, startReplay } from './helpers.js';

const BRAND = { ...BASE, queries: { bluesky: { query: 'Kettleby', lang: undefined } } };

let server: ReplayServer;
afterEach(() => server?.close());

const searches = () => server.requests.filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts');
const matching = () => server.data.bluesky.posts.filter((p) => /kettleby/i.test(String((p.record as { text: string }).text)));

describe('bluesky source against the replay server', () => {
  it('logs in once, pages searchPosts newest first with sort=latest and limit=100, and maps posts', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 10_000 });
    expect(run.error).toBeNull();
    expect(book.stored.size).toBe(matching().length);
    expect(server.bluesky.createSessions).toBe(1);
    expect(searches()[0]!.query).toMatchObject({ q: 'Kettleby', sort: 'latest', limit: '100' });
    expect(searches()[0]!.auth).toBe('bearer');
    const post = server.data.bluesky.posts.find((p) => (p.author as { handle: string }).handle === 'leafandpot.bsky.social' && /kettleby/i.test(String((p.record as { text: string }).text)))!;
    const mention = book.stored.get(String(post.uri))!;
    const rkey = String(post.uri).split('/').pop();
    expect(mention).toMatchObject({ source: 'bluesky', author: 'leafandpot.bsky.social', url: `https://bsky.app/profile/leafandpot.bsky.social/post/${rkey}`, lang: 'en' });
    expect(mention.metrics).toEqual({ likes: post.likeCount, replies: post.replyCount, reposts: Number(post.repostCount) + Number(post.quoteCount) });
  });

  it('pages with the cursor when a page is smaller than the results', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 20 });
    expect(run.error).toBeNull();
    expect(searches().map((r) => r.query.limit)).toEqual(['20']);
    const rest = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(searches()[1]!.query.cursor).toBe('20');
    expect(book.stored.size).toBe(matching().length);
    expect(rest.inserted).toBe(matching().length - 20);
  });

  it('second scan sends since, stops at the newest uri stored, and refreshes instead of logging in', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).bluesky!, BRAND);
    const newest = [...book.stored.values()].map((m) => m.raw as Parameters<typeof sortAtOf>[0]).map(sortAtOf).sort().at(-1)!;
    server.requests.length = 0;
    const again = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(again).toMatchObject({ error: null, inserted: 0, postsRead: 0 });
    expect(searches()).toHaveLength(1);
    expect(searches()[0]!.query.since).toBe(newest);
    // a new process (new source object) reads the sealed refresh token: no second createSession
    expect(server.bluesky).toMatchObject({ createSessions: 1, refreshes: 1 });
    const later = new Date(Date.parse(newest) + 60_000).toISOString();
    server.addData({ bluesky: { posts: [{ ...server.data.bluesky.posts[0]!, uri: 'at://did:plc:newposter/app.bsky.feed.post/3newpost00001', indexedAt: later, record: { text: 'Kettleby Tea new post', createdAt: later, langs: ['en'] } }] } });
    const third = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(third.mentions.map((m) => m.id)).toEqual(['at://did:plc:newposter/app.bsky.feed.post/3newpost00001']);
  });

  it('renews an expired access token once, and logs in again when the saved session was revoked', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const source = buildSources(server).bluesky!;
    await book.scan(source, BRAND, { maxPosts: 20 });
    server.bluesky.expireAccess();
    const resumed = await book.scan(source, BRAND, { maxPosts: 20 });
    expect(resumed.error).toBeNull();
    expect(server.bluesky).toMatchObject({ createSessions: 1, refreshes: 1 });
    server.bluesky.revokeRefresh();
    server.bluesky.expireAccess();
    const relogged = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(relogged.error).toBeNull();
    expect(server.bluesky.createSessions).toBe(2);
    expect(book.events).toContainEqual({ kind: 'notice', message: expect.stringMatching(/saved Bluesky session was refused/) });
    expect(book.stored.size).toBe(matching().length);
  });

  it('never keeps the refresh token in the clear, and a changed app password means a new login', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 5 });
    const [account, sealed] = [...book.sessions.entries()][0]!;
    expect(account).toMatch(/^[0-9a-f]{32}$/);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('eyJ'); // no JWT (base64 JSON) inside
    expect(JSON.stringify([...book.sessions])).not.toContain('replay.bsky.social');
    // the row is keyed under the app password too: another password finds none, and logs in
    const other = await book.scan(buildSources(server, {}, { EARSHOT_BLUESKY_APP_PASSWORD: 'wxyz-wxyz-wxyz-wxyz' }).bluesky!, BRAND, { maxPosts: 5 });
    expect(String(other.error)).toMatch(/createSession answered 401 \(AuthenticationRequired: Invalid identifier or password\): the login was refused/);
    expect(server.requests.filter((r) => r.path.endsWith('createSession'))).toHaveLength(2);
  });

  it('explains the 403 of the public host, and refuses public.api.bsky.app up front', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'status', status: 403, source: 'bluesky', path: 'searchPosts', body: { error: 'Forbidden', message: 'Forbidden' } }]);
    const run = await new CursorBook().scan(buildSources(server).bluesky!, BRAND);
    expect(run.error).toMatchObject({ message: expect.stringMatching(/searchPosts answered 403 \(Forbidden: Forbidden\): search was refused without a login/), hint: expect.stringMatching(/bsky\.social\/xrpc\/.*not public\.api\.bsky\.app/) });
    const publicHost = buildSources(server, {}, { EARSHOT_BLUESKY_API_BASE: 'https://public.api.bsky.app/xrpc/' }).bluesky!;
    expect(isUnavailable(publicHost) && publicHost.reason).toMatch(/public\.api\.bsky\.app, which answers 403 to search/);
  });

  it('paces by RateLimit-* headers: a used-up window past --max-wait stops cleanly, and the next scan resumes', async () => {
    server = await startReplay({ rateLimits: { bluesky: { limit: 2, windowSeconds: 900 } } });
    const book = new CursorBook();
    // createSession and the first page use up the window of 2; the same process scans on
    const source = buildSources(server).bluesky!;
    expect((await book.scan(source, BRAND, { maxPosts: 20 })).error).toBeNull();
    const first = await book.scan(source, BRAND, { maxPosts: 20, maxWaitMs: 1000 });
    expect(first.error).toBeInstanceOf(SourceStopped);
    expect(first.pages).toBe(0);
    expect(String(first.error)).toMatch(/bluesky rate-limit window used up; the window resets in \d+s, longer than --max-wait 1s/);
    expect(server.requests.every((r) => r.status !== 429)).toBe(true);
    await server.close();
    server = await startReplay();
    const second = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(second.error).toBeNull();
    expect(book.stored.size).toBe(matching().length);
  });

  it('waits out a 429 whose reset fits --max-wait; stops on one that does not and resumes', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'rate-limit', source: 'bluesky', path: 'searchPosts', resetSeconds: 1 }]);
    const book = new CursorBook();
    const waited = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 20, maxWaitMs: 5000 });
    expect(waited.error).toBeNull();
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'wait', reason: expect.stringMatching(/searchPosts answered 429/) }));
    server.setFaults([{ kind: 'rate-limit', source: 'bluesky', path: 'searchPosts', resetSeconds: 900 }]);
    const stopped = await book.scan(buildSources(server).bluesky!, BRAND, { maxWaitMs: 1000 });
    expect(stopped.error).toBeInstanceOf(SourceStopped);
    const resumed = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(resumed.error).toBeNull();
    expect(book.stored.size).toBe(matching().length);
  });

  it('retries 5xx, a reset connection and a body cut mid-way; fails on truncated JSON naming the endpoint', async () => {
    server = await startReplay();
    server.setFaults([
      { kind: 'status', status: 502, source: 'bluesky', path: 'searchPosts' },
      { kind: 'reset', source: 'bluesky', path: 'searchPosts' },
      { kind: 'drop-mid-body', source: 'bluesky', path: 'searchPosts' },
    ]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 20 });
    expect(run.error).toBeNull();
    expect(book.events.filter((e) => e.kind === 'retry')).toHaveLength(3);
    server.setFaults([{ kind: 'truncated-json', source: 'bluesky', path: 'searchPosts' }]);
    const broken = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 20 });
    expect(String(broken.error)).toMatch(/bluesky: GET \/bluesky\/xrpc\/app\.bsky\.feed\.searchPosts|searchPosts returned invalid or truncated JSON/);
    const after = await book.scan(buildSources(server).bluesky!, BRAND);
    expect(after.error, String(after.error)).toBeNull();
    expect(book.stored.size).toBe(matching().length);
  });

  it('maps a post with handle.invalid by its did, and a future-dated post by its index time', () => {
    const post = { uri: 'at://did:plc:abc/app.bsky.feed.post/3kxyz', author: { did: 'did:plc:abc', handle: 'handle.invalid' }, record: { text: 'hi', createdAt: '2030-01-01T00:00:00Z', langs: ['de'] }, indexedAt: '2026-11-02T10:00:00.000Z' };
    expect(mapBlueskyPost(post, 'B')).toMatchObject({ author: 'did:plc:abc', url: 'https://bsky.app/profile/did:plc:abc/post/3kxyz', lang: 'de', createdAt: '2030-01-01T00:00:00.000Z' });
    expect(sortAtOf(post)).toBe('2026-11-02T10:00:00.000Z');
  });
});
