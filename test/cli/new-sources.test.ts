import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { startApiServer, writeConfig } from '../reliability/support.js';

/** Bluesky, feeds and App Store reviews through the built binary, on each store backend. */
const tmp = makeTempDir('earshot-new-sources-');
const backends = await cliBackends();
let server: ReplayServer;

beforeAll(async () => {
  server = await startApiServer();
  const feeds = ['kettleby-blog.rss', 'tea-trade.atom', 'tea-journal.rdf', 'cuppa.json', 'noticias-cha-bare.rss'].map((f) => `${server.bases.feeds}/${f}`);
  writeConfig(tmp.dir, { brands: [{ name: 'Kettleby Tea', aliases: ['Kettleby'], queries: {
    bluesky: 'Kettleby', rss: { feeds, news: 'Kettleby' }, appstore: { apps: ['1600000001', '1600000002'], countries: ['gb', 'us'] },
  } }] });
});
afterAll(async () => {
  await server?.close();
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

type Run = { source: string; status: string; inserted: number; postsRead: number };
const scan = async (db: string) => {
  const r = await runCli(['--db', db, 'scan', '--source', 'bluesky,rss,appstore', '--no-analyze', '--format', 'json'], { cwd: tmp.dir, env: server.env() });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { runs: Run[] }).runs;
};

for (const backend of backends) describe.skipIf(!backend.available)(`the new sources on ${backend.name} (built binary)`, () => {
  it('scan stores them; a second scan in a new process reads nothing new and does not log in again', async () => {
    const db = backend.fresh(tmp.dir, 'new.db');
    const before = server.bluesky.createSessions;
    const first = await scan(db);
    expect(first.map((r) => [r.source, r.status])).toEqual([['bluesky', 'ok'], ['rss', 'ok'], ['appstore', 'ok']]);
    expect(first.every((r) => r.inserted > 0)).toBe(true);
    const second = await scan(db);
    expect(second.map((r) => [r.source, r.status, r.inserted, r.postsRead])).toEqual([['bluesky', 'ok', 0, 0], ['rss', 'ok', 0, 0], ['appstore', 'ok', 0, 0]]);
    expect(server.bluesky.createSessions - before).toBe(1);
    const status = await runCli(['--db', db, 'status', '--format', 'json'], { cwd: tmp.dir });
    const rows = JSON.parse(status.stdout).rows as Array<{ source: string; mentions: number }>;
    expect(rows.map((r) => r.source).sort()).toEqual(['appstore', 'bluesky', 'rss']);
    // the saved login is sealed: neither the app password nor the handle nor a token in the clear
    const stored = await backend.storedText(tmp.dir, db);
    const env = server.env();
    for (const secret of [env.EARSHOT_BLUESKY_APP_PASSWORD!, env.EARSHOT_BLUESKY_HANDLE!, 'replay-signature']) expect(stored).not.toContain(secret);
    expect(stored).toMatch(/v1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\./);
  }, 60_000);

  it('search and export find them, with the App Store version in the raw payload', async () => {
    const db = backend.fresh(tmp.dir, 'search.db');
    await scan(db);
    const found = await runCli(['--db', db, 'search', 'saquetas', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(found.stdout).map((m: { source: string; text: string }) => [m.source, m.text])).toEqual([['rss', 'Kettleby Tea lança saquetas sem plástico – notícia 0.']]);
    const out = await runCli(['--db', db, 'export', '--source', 'appstore', '--format', 'jsonl'], { cwd: tmp.dir });
    const rows = out.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.length).toBe(server.data.appstore.reviews.filter((r) => r.app !== '1600000003').length);
    expect(rows.every((row: { score: number }) => row.score >= 1 && row.score <= 5)).toBe(true);
    // which version a complaint came with stays in the stored payload
    // (PostgreSQL's row text escapes the quotes)
    expect(await backend.storedText(tmp.dir, db)).toMatch(/rating\W{1,12}1,\W{1,12}version\W{1,12}3\.3\.0/);
  }, 60_000);
});

describe('earshot init', () => {
  it('writes a Google News search into the starter config (no placeholder feed or app id: issue 28 #5)', async () => {
    const dir = makeTempDir('earshot-init-');
    try {
      expect((await runCli(['init'], { cwd: dir.dir })).code).toBe(0);
      const config = JSON.parse(readFileSync(join(dir.dir, 'earshot.config.json'), 'utf8'));
      expect(config.brands[0].queries).toEqual({ hackernews: 'Clipper Teas', rss: { news: '"Clipper Teas" OR "Clipper tea"' } });
      expect(config.sources).toEqual({ hackernews: {}, rss: {} });
    } finally {
      dir.cleanup();
    }
  });
});
