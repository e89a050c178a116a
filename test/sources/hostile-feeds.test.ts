import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceEvent } from '../../src/sources/source.js';
import { CursorBook } from './helpers.js';
import { brandWith, loopbackSources, startLoopback, type Handler, type Loopback } from './loopback.js';

/** Feeds that are odd or hostile, served on 127.0.0.1 and read by the real source. */
let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
async function serve(handler: Handler): Promise<Loopback> {
  const server = await startLoopback(handler);
  servers.push(server);
  return server;
}
function rss(res: ServerResponse, items: string[], contentType = 'application/rss+xml; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': contentType });
  res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`);
}
const NOW = new Date('2026-11-07T12:00:00.000Z');
const notices = (book: CursorBook) => book.events.filter((e): e is Extract<SourceEvent, { kind: 'notice' }> => e.kind === 'notice').map((e) => e.message);

describe('feed items', () => {
  it('keys an item with no guid and no link by its content, stably, instead of dropping it', async () => {
    const server = await serve((_req, res) => rss(res, [
      '<item><title>Kettleby Tea first</title><pubDate>Fri, 06 Nov 2026 10:00:00 GMT</pubDate></item>',
      '<item><title>Kettleby Tea second</title><description>no guid, no link</description></item>',
    ]));
    const brand = brandWith({ rss: { feeds: [`${server.url}/f.rss`] } });
    const book = new CursorBook();
    const first = await book.scan(loopbackSources({}).rss!, brand, { now: () => NOW });
    expect(first.error).toBeNull();
    expect([...book.stored.values()].map((m) => m.text)).toEqual(['Kettleby Tea first', 'Kettleby Tea second\n\nno guid, no link']);
    expect([...book.stored.keys()].every((id) => id.startsWith(`${server.url}/f.rss#sha-`))).toBe(true);
    const again = await book.scan(loopbackSources({}).rss!, brand, { now: () => NOW });
    expect(again.postsRead).toBe(0);
  });

  it('keeps two different items that share a guid, and says so; a verbatim repeat is read once', async () => {
    const server = await serve((_req, res) => rss(res, [
      '<item><guid>same</guid><title>Kettleby Tea one</title></item>',
      '<item><guid>same</guid><title>Kettleby Tea two</title></item>',
      '<item><guid>same</guid><title>Kettleby Tea two</title></item>',
    ]));
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({}).rss!, brandWith({ rss: { feeds: [`${server.url}/f.rss`] } }), { now: () => NOW });
    expect([...book.stored.values()].map((m) => m.text).sort()).toEqual(['Kettleby Tea one', 'Kettleby Tea two']);
    expect(run.postsRead).toBe(2);
    expect(notices(book)).toContainEqual(expect.stringMatching(/^feed:.*: 2 item\(s\) repeat the guid of another/));
  });

  it('reads a UTF-8 body its server labels UTF-16', async () => {
    const server = await serve((_req, res) => rss(res, ['<item><guid>1</guid><title>Kettleby chá verde — ótimo</title></item>'], 'application/rss+xml; charset=utf-16'));
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({}).rss!, brandWith({ rss: { feeds: [`${server.url}/f.rss`] } }), { now: () => NOW });
    expect(run.error).toBeNull();
    expect([...book.stored.values()].map((m) => m.text)).toEqual(['Kettleby chá verde — ótimo']);
  });

  it('still reads real UTF-16 without a byte-order mark', async () => {
    const body = Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Kettleby chá</title></item></channel></rss>', 'utf16le');
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-16le' }).end(body));
    const book = new CursorBook();
    await book.scan(loopbackSources({}).rss!, brandWith({ rss: { feeds: [`${server.url}/f.rss`] } }), { now: () => NOW });
    expect([...book.stored.values()].map((m) => m.text)).toEqual(['Kettleby chá']);
  });
});

describe('a feed with thousands of items', () => {
  it('never starves the brand’s other feed, and no scan reads more than --max-posts', { timeout: 30_000 }, async () => {
    const big = Array.from({ length: 6000 }, (_, i) => `<item><guid>b${i}</guid><title>Kettleby Tea ${i}</title></item>`);
    let small = ['<item><guid>s1</guid><title>Kettleby small one</title></item>'];
    const server = await serve((req, res) => rss(res, req.url === '/big.rss' ? big : small));
    const brand = brandWith({ rss: { feeds: [`${server.url}/big.rss`, `${server.url}/small.rss`] } });
    const book = new CursorBook();
    const reads: number[] = [];
    for (let scan = 0; scan < 12; scan++) {
      if (scan === 1) small = ['<item><guid>s2</guid><title>Kettleby small two</title></item>', ...small];
      const run = await book.scan(loopbackSources({}).rss!, brand, { now: () => NOW, maxPosts: 1000 });
      expect(run.error).toBeNull();
      reads.push(run.postsRead);
      // the small feed's new item is read in the scan it appears in
      if (scan === 0) expect(book.stored.has(`${server.url}/small.rss#s1`)).toBe(true);
      if (scan === 1) expect(book.stored.has(`${server.url}/small.rss#s2`)).toBe(true);
    }
    expect(Math.max(...reads)).toBeLessThanOrEqual(1000);
    // the first 5,000 of the big feed are read over a few scans, then nothing is new
    expect([...book.stored.keys()].filter((id) => id.includes('/big.rss#'))).toHaveLength(5000);
    expect(reads.slice(-2)).toEqual([0, 0]);
    expect(notices(book)).toContainEqual(expect.stringMatching(/lists 6000 items; only the first 5000 are read/));
  });
});
