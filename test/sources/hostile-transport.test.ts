import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CursorBook } from './helpers.js';
import { brandWith, loopbackCertificate, loopbackSources, startLoopback, type Loopback } from './loopback.js';

/**
 * Hostile servers on 127.0.0.1 against the real clients (global fetch, twitter-api-v2):
 * dripping bodies, decompression bombs, redirects that would carry a password away.
 */
let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
async function serve(...args: Parameters<typeof startLoopback>): Promise<Loopback> {
  const server = await startLoopback(...args);
  servers.push(server);
  return server;
}

const FEED = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>${title}</guid><title>Kettleby Tea ${title}</title></item></channel></rss>`;
/** 64 MB of spaces after a feed's opening: about 64 KB of gzip. */
const BOMB = gzipSync(Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>'), Buffer.alloc(64 * 1024 * 1024, 0x20)]));

describe('whole-request deadline', () => {
  it('stops an X request whose server drips a byte at a time, at the deadline, not on silence', { timeout: 20_000 }, async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[');
      // a byte every 100 ms: never silent for the client's 1 s timeout, and never done
      timers.push(setInterval(() => res.write(' '), 100));
    }, true);
    try {
      const sources = loopbackSources(
        { EARSHOT_X_API_BASE: `${server.url}/2/`, EARSHOT_X_BEARER_TOKEN: 'tok' },
        { ca: (await loopbackCertificate()).cert, timeoutMs: 1000, retry: { retries: 0 } },
      );
      const run = await new CursorBook().scan(sources.x!, brandWith({}));
      expect((run.error as Error).message).toMatch(/x: GET tweets\/search\/recent timed out after 1000 ms/);
      expect(server.hits).toHaveLength(1);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('caps an X body by size, and asks X for an uncompressed one', async () => {
    const big = `{"data":[${'{"id":"1","text":"Kettleby"},'.repeat(400_000)}{"id":"2","text":"x"}]}`;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(big);
    }, true);
    const sources = loopbackSources({ EARSHOT_X_API_BASE: `${server.url}/2/`, EARSHOT_X_BEARER_TOKEN: 'tok' }, { ca: (await loopbackCertificate()).cert });
    const run = await new CursorBook().scan(sources.x!, brandWith({}));
    expect((run.error as Error).message).toMatch(/response too large: more than 8 MB/);
    expect(server.hits[0]!.headers['accept-encoding'] ?? 'identity').not.toMatch(/gzip|br|deflate/);
  });

  it('reads a gzip bomb sent to X anyway as bytes, never inflating it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(BOMB);
    }, true);
    const sources = loopbackSources({ EARSHOT_X_API_BASE: `${server.url}/2/`, EARSHOT_X_BEARER_TOKEN: 'tok' }, { ca: (await loopbackCertificate()).cert });
    const run = await new CursorBook().scan(sources.x!, brandWith({}));
    expect((run.error as Error).message).toMatch(/invalid or truncated JSON/);
    expect(server.hits[0]!.headers['accept-encoding'] ?? 'identity').not.toMatch(/gzip|br|deflate/);
  });
});

describe('decompressed size cap', () => {
  it('fails only the feed that is a gzip bomb; the brand’s other feed is stored', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/bomb.rss') {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
        res.end(BOMB);
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(FEED('good'));
      }
    });
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({}).rss!, brandWith({ rss: { feeds: [`${server.url}/bomb.rss`, `${server.url}/good.rss`] } }));
    expect((run.error as Error).message).toMatch(/1 of 2 feed\(s\) failed: rss: GET \/bomb.rss response too large: more than 32 MB once decompressed/);
    expect([...book.stored.values()].map((m) => m.text)).toEqual(['Kettleby Tea good']);
    // not retried as transient: the same bomb would come again
    expect(server.hits.filter((hit) => hit.path === '/bomb.rss')).toHaveLength(1);
  });

  it('caps a JSON API page (Hacker News) the same way, for deflate and br too', async () => {
    const { deflateSync, brotliCompressSync } = await import('node:zlib');
    const plain = Buffer.alloc(16 * 1024 * 1024, 0x20);
    for (const [encoding, body] of [['deflate', deflateSync(plain)], ['br', brotliCompressSync(plain)]] as const) {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
        res.end(body);
      });
      const run = await new CursorBook().scan(loopbackSources({ EARSHOT_HN_API_BASE: server.url }).hackernews!, brandWith({}));
      expect((run.error as Error).message).toMatch(/hackernews: GET \/search_by_date response too large: more than 8 MB/);
    }
  });
});

describe('credential requests never follow a redirect', () => {
  async function thief() {
    return serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"accessJwt":"a","refreshJwt":"r","access_token":"t","expires_in":3600}');
    });
  }

  it('Bluesky createSession answered with a 307 to another origin: the app password stays home', async () => {
    const elsewhere = await thief();
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/xrpc/com.atproto.server.createSession` });
      res.end();
    });
    const sources = loopbackSources({ EARSHOT_BLUESKY_API_BASE: `${server.url}/xrpc/`, EARSHOT_BLUESKY_HANDLE: 'me.example', EARSHOT_BLUESKY_APP_PASSWORD: 'pass-word-1234-abcd' });
    const run = await new CursorBook().scan(sources.bluesky!, brandWith({}));
    expect((run.error as Error).message).toMatch(/createSession answered 307, a redirect to http:\/\/127\.0\.0\.1:\d+; a login is never sent on to another address/);
    expect(server.hits).toHaveLength(1);
    expect(elsewhere.hits).toHaveLength(0);
  });

  it('Reddit’s password grant answered with a 307 to another origin: neither secret nor password leaves', async () => {
    const elsewhere = await thief();
    const server = await serve((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/api/v1/access_token` });
      res.end();
    });
    const sources = loopbackSources({
      EARSHOT_REDDIT_AUTH_BASE: server.url, EARSHOT_REDDIT_API_BASE: server.url, EARSHOT_REDDIT_CLIENT_ID: 'id', EARSHOT_REDDIT_CLIENT_SECRET: 'secret',
      EARSHOT_REDDIT_USERNAME: 'me', EARSHOT_REDDIT_PASSWORD: 'hunter2',
    });
    const run = await new CursorBook().scan(sources.reddit!, brandWith({}));
    expect((run.error as Error).message).toMatch(/access_token answered 307, a redirect to/);
    expect(server.hits[0]!.body).toContain('password=hunter2');
    expect(elsewhere.hits).toHaveLength(0);
  });
});

describe('feed redirects', () => {
  it('fails a redirect loop, or a redirect to file: or data:, at once without retrying', async () => {
    const server = await serve((req, res) => {
      const to = { '/a': '/b', '/b': '/a', '/file': 'file:///etc/passwd', '/data': 'data:application/rss+xml,<rss/>' }[req.url ?? ''];
      res.writeHead(302, { location: to ?? '/a' });
      res.end();
    });
    const brand = brandWith({ rss: { feeds: [`${server.url}/a`, `${server.url}/file`, `${server.url}/data`] } });
    const book = new CursorBook();
    const run = await book.scan(loopbackSources({}).rss!, brand);
    expect((run.error as Error).message).toMatch(/3 of 3 feed\(s\) failed: rss: GET \/a answered 302: a redirect loop/);
    expect(server.hits.map((hit) => hit.path)).toEqual(['/a', '/b', '/file', '/data']);
  });

  it('follows an honest redirect, and refuses one from https down to plain http', async () => {
    const plain = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED('moved'));
    });
    const secure = await serve((_req, res) => res.writeHead(301, { location: `${plain.url}/feed` }).end(), true);
    const honest = await serve((req, res) => {
      if (req.url === '/old') res.writeHead(301, { location: `${plain.url}/feed` }).end();
    });
    const ca = (await loopbackCertificate()).cert;
    const book = new CursorBook();
    const down = await book.scan(loopbackSources({}, { ca }).rss!, brandWith({ rss: { feeds: [`${secure.url}/feed`] } }));
    expect((down.error as Error).message).toMatch(/answered 301, a redirect from https to plain http \(127\.0\.0\.1:\d+\); refused/);
    expect(plain.hits).toHaveLength(0);
    const moved = await book.scan(loopbackSources({}).rss!, brandWith({ rss: { feeds: [`${honest.url}/old`] } }));
    expect(moved.error).toBeNull();
    expect([...book.stored.values()].map((m) => m.text)).toEqual(['Kettleby Tea moved']);
  });
});
