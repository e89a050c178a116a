import { afterEach, describe, expect, it } from 'vitest';
import { failureKind } from '../../src/sources/errors.js';
import { CursorBook } from './helpers.js';
import { brandWith, loopbackCertificate, loopbackSources, startLoopback, type Loopback } from './loopback.js';

/**
 * Issue 27 #1: a failed scan says how it failed (status shows "FAILED (blocked, 403)"),
 * from the errors the real clients raise against servers on 127.0.0.1.
 */
let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function failureOf(status: number, body: string, source: 'hackernews' | 'x') {
  const server = await startLoopback((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  }, source === 'x');
  servers.push(server);
  const env: Record<string, string> = source === 'x'
    ? { EARSHOT_X_API_BASE: `${server.url}/2/`, EARSHOT_X_BEARER_TOKEN: 'tok' }
    : { EARSHOT_HN_API_BASE: `${server.url}/` };
  const ca = source === 'x' ? { ca: (await loopbackCertificate()).cert } : {};
  const sources = loopbackSources(env, { ...ca, retry: { retries: 0, baseDelayMs: 1 } });
  const run = await new CursorBook().scan(sources[source]!, brandWith({}));
  return failureKind(run.error);
}

describe('the kind of a failed scan', () => {
  for (const source of ['hackernews', 'x'] as const) {
    it.each([
      [403, '{"title":"Forbidden"}', 'blocked', 403],
      [401, '{"title":"Unauthorized"}', 'auth', 401],
      [404, '{"title":"Not Found"}', 'http', 404],
      [503, '{"title":"Unavailable"}', 'http', 503],
      [200, '{"hits": [', 'parse', null],
    ])(`${source}: %i → %s`, async (status, body, kind, httpStatus) => {
      expect(await failureOf(status, body, source)).toEqual({ kind, httpStatus });
    });
  }

  it('no answer at all is network; an error from elsewhere is other', () => {
    expect(failureKind(new Error('disk full'))).toEqual({ kind: 'other', httpStatus: null });
  });
});
