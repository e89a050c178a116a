import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { seal, unseal } from '../../src/sources/bluesky-seal.js';
import { BRAND as BASE, CursorBook, buildSources, startReplay } from './helpers.js';

const BRAND = { ...BASE, queries: { bluesky: { query: 'Kettleby', lang: undefined } } };

let server: ReplayServer;
afterEach(() => server?.close());

/** The key the session row had before: a plain hash of host and handle, which anyone can compute. */
const unkeyed = (apiBase: string, handle: string) => createHash('sha256').update(`${apiBase}\n${handle.toLowerCase()}`).digest('hex').slice(0, 32);

describe('the Bluesky session row is keyed with the app password, not a plain hash of a public handle', () => {
  it('cannot be found from the handle alone, and differs per password', async () => {
    server = await startReplay();
    const book = new CursorBook();
    await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 5 });
    const { EARSHOT_BLUESKY_API_BASE: base, EARSHOT_BLUESKY_HANDLE: handle } = server.env();
    const [account] = [...book.sessions.keys()];
    expect(account).toMatch(/^[0-9a-f]{32}$/);
    expect(account).not.toBe(unkeyed(base!, handle!));
    expect([...book.sessions.keys()]).toHaveLength(1);
  });

  it('carries a session saved under the old key over once: refreshed, not a new login, and the old row deleted', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const env = server.env();
    await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 5 });
    // rewrite the saved session as an earlier version saved it
    const [account, sealed] = [...book.sessions.entries()][0]!;
    const token = unseal(sealed, env.EARSHOT_BLUESKY_APP_PASSWORD!, account)!;
    const legacy = unkeyed(env.EARSHOT_BLUESKY_API_BASE!, env.EARSHOT_BLUESKY_HANDLE!);
    book.sessions.clear();
    book.sessions.set(legacy, seal(token, env.EARSHOT_BLUESKY_APP_PASSWORD!, legacy));
    const refreshes = server.bluesky.refreshes;
    const run = await book.scan(buildSources(server).bluesky!, BRAND, { maxPosts: 5 });
    expect(run.error).toBeNull();
    expect(server.bluesky).toMatchObject({ createSessions: 1, refreshes: refreshes + 1 });
    expect([...book.sessions.keys()]).toEqual([account]);
  });
});
