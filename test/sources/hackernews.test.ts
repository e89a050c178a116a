import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { mapHackerNewsHit } from '../../src/sources/hackernews.js';
import { BRAND as BASE, CursorBook, buildSources, startReplay } from './helpers.js';

const BRAND = { ...BASE, queries: { hackernews: 'Kettleby' } };

let server: ReplayServer;
afterEach(() => server?.close());

const searches = () => server.requests.filter((r) => r.path === '/api/v1/search_by_date');
const matchingHits = () => server.data.hackernews.hits.filter((h) => /kettleby/i.test(`${h.title ?? ''} ${h.comment_text ?? ''}`));
const matching = () => matchingHits().length;

describe('hacker news source against the replay server', () => {
  it('pages search_by_date with a pinned created_at_i window', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).hackernews!, BRAND);
    expect(run.error).toBeNull();
    expect(book.stored.size).toBe(matching());
    const [first, second] = searches().map((r) => r.query);
    expect(first).toMatchObject({ query: 'Kettleby', tags: '(story,comment)', numericFilters: expect.stringMatching(/^created_at_i>0,created_at_i<=\d+$/), hitsPerPage: '100', page: '0' });
    expect(second!.numericFilters).toMatch(/^created_at_i>0,created_at_i<=\d+$/);
    expect(second!.page).toBe('1');
  });

  it('second scan asks only for items newer than the last one seen', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).hackernews!, BRAND);
    const newest = Math.max(...matchingHits().map((h) => Number(h.created_at_i)));
    server.addData({ hackernews: { hits: [{ objectID: '47000001', created_at_i: newest + 60, title: 'Show HN: Kettleby Tea tracker', _tags: ['story'], points: 5 }] } });
    server.requests.length = 0;
    const second = await book.scan(buildSources(server).hackernews!, BRAND);
    expect(searches()).toHaveLength(1);
    expect(searches()[0]!.query.numericFilters).toMatch(new RegExp(`^created_at_i>${newest},created_at_i<=\\d+$`));
    expect(second.mentions.map((m) => m.id)).toEqual(['47000001']);
  });

  it('retries a slow response that timed out and an empty page inside the range', async () => {
    server = await startReplay();
    server.setFaults([
      // Requests: 1 slow (times out), 2 its retry, 3 page 1 comes back empty, 4 its retry.
      { kind: 'empty-page', source: 'hackernews', skip: 2 },
      { kind: 'slow', source: 'hackernews', delayMs: 1500 },
    ]);
    const book = new CursorBook();
    const run = await book.scan(buildSources(server, { timeoutMs: 500 }).hackernews!, BRAND);
    expect(run.error).toBeNull();
    expect(book.events.filter((e) => e.kind === 'retry').map((e) => (e as { reason: string }).reason)).toEqual([
      expect.stringMatching(/^hackernews: GET \/hn\/api\/v1\/search_by_date timed out after 500 ms waiting for 127\.0\.0\.1:\d+$/),
      expect.stringMatching(/returned an empty page 1 of 3$/),
    ]);
    expect(book.stored.size).toBe(matching());
  });

  it('strips HTML and decodes entities in comments', () => {
    const mention = mapHackerNewsHit(
      { objectID: '1', created_at_i: 1700000000, author: 'pg', comment_text: '<p>It&#x27;s <i>fine</i> &amp; cheap</p><p>Really &gt; others</p>' },
      'Kettleby Tea',
    );
    expect(mention).toMatchObject({ text: 'It\'s fine & cheap\n\nReally > others', url: 'https://news.ycombinator.com/item?id=1', createdAt: '2023-11-14T22:13:20.000Z' });
  });
});
