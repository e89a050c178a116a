import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { SourceStopped } from '../../src/sources/source.js';
import { BRAND, CursorBook, buildSources, startReplay } from './helpers.js';

let server: ReplayServer;
afterEach(() => server?.close());

type Thing = { data: Record<string, unknown> };
const postsMatching = () => server.data.reddit.posts.filter((p) => /kettleby/i.test(`${(p as Thing).data.title} ${(p as Thing).data.selftext}`)).length;
const commentsMatching = () =>
  server.data.reddit.comments.filter((c) => (c as Thing).data.subreddit === 'tea' && /kettleby/i.test(String((c as Thing).data.body))).length;
const calls = (path: string) => server.requests.filter((r) => r.source === 'reddit' && r.path === path);

describe('reddit source against the replay server', () => {
  it('gets an app-only token with Basic auth and a User-Agent, then pages search and comments', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server, { version: '9.9.9' }).reddit!, BRAND);
    expect(run.error).toBeNull();
    const token = calls('/api/v1/access_token');
    expect(token).toHaveLength(1);
    expect(token[0]).toMatchObject({ method: 'POST', auth: 'basic', form: { grant_type: 'client_credentials' } });
    expect(calls('/search')[0]!.query).toMatchObject({ sort: 'new', limit: '100', raw_json: '1', q: '"Kettleby Tea" OR "Kettleby"' });
    expect(calls('/search')[1]!.query.after).toMatch(/^t3_/);
    expect(calls('/r/tea/comments').length).toBeGreaterThan(1);
    const ids = [...book.stored.keys()];
    expect(ids.filter((id) => id.startsWith('t3_'))).toHaveLength(postsMatching());
    expect(ids.filter((id) => id.startsWith('t1_'))).toHaveLength(commentsMatching());
    const post = run.mentions.find((m) => m.id.startsWith('t3_'))!;
    expect(post.url).toMatch(/^https:\/\/www\.reddit\.com\/r\/\w+\/comments\//);
    expect(post.metrics).toHaveProperty('replies');
  });

  it('uses the password grant for script apps and masks nothing it should not send', async () => {
    server = await startReplay({ reddit: { username: 'bot', password: 'hunter2' } });
    const sources = buildSources(server, {}, { EARSHOT_REDDIT_USERNAME: 'bot', EARSHOT_REDDIT_PASSWORD: 'hunter2' });
    const run = await new CursorBook().scan(sources.reddit!, BRAND);
    expect(run.error).toBeNull();
    expect(calls('/api/v1/access_token')[0]!.form).toEqual({ grant_type: 'password', username: 'bot', password: '***' });
  });

  it('second scan stops at the last seen fullname', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).reddit!, BRAND);
    const fresh = { kind: 't3', data: { name: 't3_zzzzzz', id: 'zzzzzz', title: 'Kettleby Tea advent calendar!', selftext: '', subreddit: 'tea', created_utc: 1794000000, permalink: '/r/tea/comments/zzzzzz/x/' } };
    server.addData({ reddit: { posts: [fresh] } });
    server.requests.length = 0;
    const second = await book.scan(buildSources(server).reddit!, BRAND);
    expect(calls('/search')).toHaveLength(1);
    expect(calls('/search')[0]!.query.after).toBeUndefined();
    expect(calls('/r/tea/comments')).toHaveLength(1);
    expect(second.mentions.map((m) => m.id)).toEqual(['t3_zzzzzz']);
    expect(second.postsRead).toBe(1);
  });

  it('renews the token after a 401', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'status', status: 401, source: 'reddit', path: '/search' }]);
    const run = await new CursorBook().scan(buildSources(server).reddit!, BRAND);
    expect(run.error).toBeNull();
    expect(calls('/api/v1/access_token')).toHaveLength(2);
  });

  it('paces when the window is used up and stops when the wait exceeds --max-wait', async () => {
    server = await startReplay({ rateLimits: { reddit: { limit: 3, windowSeconds: 1 } } });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).reddit!, BRAND);
    expect(run.error).toBeNull();
    expect(book.events.some((e) => e.kind === 'wait' && /window used up/.test(e.reason))).toBe(true);

    server.setFaults([{ kind: 'rate-limit', source: 'reddit', path: '/search', resetSeconds: 600 }]);
    const stopped = await new CursorBook().scan(buildSources(server).reddit!, BRAND, { maxWaitMs: 1000 });
    expect(stopped.error).toBeInstanceOf(SourceStopped);
    expect((stopped.error as Error).message).toMatch(/429.*600s.*--max-wait 1s/);
  });

  it('retries a dropped connection and a 502, and rejects invalid JSON with one line', async () => {
    server = await startReplay();
    server.setFaults([
      { kind: 'drop-mid-body', source: 'reddit', path: '/search' },
      { kind: 'status', status: 502, source: 'reddit', path: '/search' },
    ]);
    const book = new CursorBook();
    expect((await book.scan(buildSources(server).reddit!, BRAND)).error).toBeNull();
    expect(book.events.filter((e) => e.kind === 'retry')).toHaveLength(2);

    server.setFaults([{ kind: 'invalid-json', source: 'reddit', path: '/r/tea/comments' }]);
    const broken = await new CursorBook().scan(buildSources(server).reddit!, BRAND);
    expect((broken.error as Error).message).toMatch(/^reddit: GET \/reddit\/oauth\/r\/tea\/comments returned invalid or truncated JSON \(.*\); nothing from that page was stored$/);
  });

  it('survives an empty page and a repeated page without gaps', async () => {
    server = await startReplay();
    server.setFaults([
      { kind: 'empty-page', source: 'reddit', path: '/search', skip: 1 },
      { kind: 'repeat-page', source: 'reddit', path: '/r/tea/comments', skip: 1 },
    ]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).reddit!, BRAND);
    expect(run.error).toBeNull();
    expect([...book.stored.keys()].filter((id) => id.startsWith('t3_'))).toHaveLength(postsMatching());
    expect([...book.stored.keys()].filter((id) => id.startsWith('t1_'))).toHaveLength(commentsMatching());
  });

  it('caps a never-ending cursor at --max-pages and says so', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'endless', source: 'reddit', path: '/search', times: Infinity }]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).reddit!, { ...BRAND, queries: {} }, { maxPages: 5 });
    expect(run.error).toBeNull();
    expect(calls('/search')).toHaveLength(5);
    expect(book.events).toContainEqual(expect.objectContaining({ kind: 'notice', message: expect.stringContaining('stopped after 5 pages') }));
  });

  it('applies the brand exclusions locally', async () => {
    server = await startReplay();
    const run = await new CursorBook().scan(buildSources(server).reddit!, { ...BRAND, exclude: ['GIVEAWAY'] });
    expect(run.mentions.length).toBeGreaterThan(0);
    expect(run.mentions.some((m) => /giveaway/i.test(m.text))).toBe(false);
  });
});
