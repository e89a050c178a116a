import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings, secretValues, smtpPasswords } from '../../src/config/load.js';
import { STARTER_CONFIG } from '../../src/config/starter.js';
import { makeTempDir } from '../support/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

function withConfig(content: string): { path: string; dir: string } {
  const tmp = makeTempDir();
  cleanup = tmp.cleanup;
  const path = join(tmp.dir, 'earshot.config.json');
  writeFileSync(path, content, { mode: 0o600 });
  return { path, dir: tmp.dir };
}

describe('loadSettings', () => {
  it('accepts the starter config and fills defaults', () => {
    const { path } = withConfig(JSON.stringify(STARTER_CONFIG));
    const { config } = loadSettings({ configPath: path, env: {} });
    expect(config.scan.maxPosts).toBe(1000);
    // only the sources that need no key, so the first scan runs as written (issue 28 #5)
    expect(config.brands[0]!.queries).toEqual({
      hackernews: 'Clipper Teas',
      rss: { feeds: [], news: '"Clipper Teas" OR "Clipper tea"', all: false },
    });
  });

  it('takes the new sources in the shapes hand-written and scripted configs use', () => {
    const { path } = withConfig(JSON.stringify({ brands: [{ name: 'A', queries: {
      bluesky: { query: 'A', lang: 'pt-BR' },
      rss: { feeds: ['http://plain.example/feed', { url: 'https://b.example/atom', all: true }] },
      appstore: { apps: ['id1234567890', ' 42 '], countries: ['GB'] },
    } }] }));
    const { config } = loadSettings({ configPath: path, env: {} });
    expect(config.brands[0]!.queries).toEqual({
      bluesky: { query: 'A', lang: 'pt-BR' },
      rss: { feeds: [{ url: 'http://plain.example/feed' }, { url: 'https://b.example/atom', all: true }], all: false },
      appstore: { apps: ['1234567890', '42'], countries: ['gb'] },
    });
    const env = { EARSHOT_BLUESKY_API_BASE: 'https://pds.example/xrpc/', EARSHOT_BLUESKY_HANDLE: 'me.bsky.social', EARSHOT_BLUESKY_APP_PASSWORD: 'aaaa-bbbb-cccc-dddd',
      EARSHOT_APPSTORE_API_BASE: 'https://apple.proxy/', EARSHOT_NEWS_API_BASE: 'https://news.proxy/' };
    const sources = loadSettings({ configPath: path, env }).config.sources;
    expect(sources).toMatchObject({ bluesky: { apiBase: 'https://pds.example/xrpc/', handle: 'me.bsky.social', appPassword: 'aaaa-bbbb-cccc-dddd' },
      appstore: { apiBase: 'https://apple.proxy/' }, rss: { newsApiBase: 'https://news.proxy/' } });
    expect(secretValues(loadSettings({ configPath: path, env }).config)).toEqual(expect.arrayContaining(['aaaa-bbbb-cccc-dddd', 'me.bsky.social']));
  });

  it('works with no config file at all, unless one was named', () => {
    const tmp = makeTempDir();
    cleanup = tmp.cleanup;
    expect(loadSettings({ cwd: tmp.dir, env: {} }).configPath).toBeNull();
    expect(() => loadSettings({ cwd: tmp.dir, env: { EARSHOT_CONFIG: 'missing.json' } })).toThrow(/cannot read config .*missing\.json: ENOENT/);
  });

  it.each([
    ['{ "brands": [ }', /is not valid JSON/],
    ['[]', /must hold a JSON object/],
    ['{"brands":[{"name":""}]}', /brands\.0\.name: must not be empty/],
    ['{"brands":[{"name":"A","queries":{"reddit":{"subreddits":["r/tea"]}}}]}', /brands\.0\.queries\.reddit\.subreddits\.0: must be a subreddit name/],
    ['{"brnads":[]}', /unknown key "brnads"/],
    ['{"sources":{"x":{"apiBase":"ftp://x"}}}', /sources\.x\.apiBase: must be an http\(s\) URL/],
    ['{"alerts":[{"type":"pager","url":"https://x"}]}', /alerts\.0\.type/],
    ['{"scan":{"maxPosts":0}}', /scan\.maxPosts/],
    ['{"brands":[{"name":"A","queries":{"appstore":{"apps":["com.example.app"]}}}]}', /brands\.0\.queries\.appstore\.apps\.0: must be an App Store app id/],
    ['{"brands":[{"name":"A","queries":{"appstore":{"apps":["1"],"countries":["usa"]}}}]}', /countries\.0: must be a two-letter storefront code/],
    ['{"brands":[{"name":"A","queries":{"rss":{"feeds":["ftp://x/feed"]}}}]}', /brands\.0\.queries\.rss\.feeds\.0/],
    ['{"brands":[{"name":"A","queries":{"bluesky":{"query":"A","lang":"english"}}}]}', /lang: must be a language code/],
    ['{"alerts":[{"type":"slack","url":"https://x","kind":"opportunity"}]}', /alerts\.0\.brands: an "opportunity" target must list the rival brands/],
    ['{"alerts":[{"type":"slack","url":"https://x","kind":"rival"}]}', /alerts\.0\.kind/],
    ['{"brands":[{"name":"A"}],"alerts":[{"type":"slack","url":"https://x","brands":["B"]}]}', /alerts\.0\.brands\.0: no brand "B" in brands/],
    ['{"brands":[{"name":"A"}],"compare":[{"name":"m","brands":["A","C"]}]}', /compare\.0\.brands\.1: no brand "C" in brands/],
  ])('reports %s as one line naming the key', (content, message) => {
    const { path } = withConfig(content);
    let error: Error | undefined;
    try { loadSettings({ configPath: path, env: {} }); } catch (e) { error = e as Error; }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it('layers defaults < file < environment < flags', () => {
    const { path } = withConfig(JSON.stringify({ sources: { x: { bearerToken: 'file-token', apiBase: 'https://file/' } } }));
    const env = { EARSHOT_X_BEARER_TOKEN: 'env-token', EARSHOT_DB: 'env.db' };
    const fromEnv = loadSettings({ configPath: path, env });
    expect(fromEnv.config.sources.x).toEqual({ bearerToken: 'env-token', apiBase: 'https://file/' });
    expect(fromEnv.db).toBe('env.db');
    expect(loadSettings({ configPath: path, env, db: 'flag.db' }).db).toBe('flag.db');
    expect(loadSettings({ configPath: path, env: {} }).db).toBe('earshot.db');
    expect(secretValues(fromEnv.config)).toContain('env-token');
  });

  it('warns when a config holding secrets is readable by others', () => {
    const { path } = withConfig(JSON.stringify({ sources: { x: { bearerToken: 'secret-token-1' } } }));
    expect(loadSettings({ configPath: path, env: {} }).warnings).toEqual([]);
    chmodSync(path, 0o644);
    expect(loadSettings({ configPath: path, env: {} }).warnings[0]).toMatch(/readable by others.*chmod 600/);
    const { path: plain } = withConfig(JSON.stringify({ brands: [{ name: 'A' }] }));
    chmodSync(plain, 0o644);
    expect(loadSettings({ configPath: plain, env: { EARSHOT_X_BEARER_TOKEN: 'env-only-token' } }).warnings).toEqual([]);
  });

  it('takes e-mail targets and per-mention rules; the SMTP password only by the name of its variable', () => {
    const mail = { type: 'email', smtp: { host: 'smtp.example.com', user: 'alerts' }, from: 'earshot@example.com', to: ['team@example.com'],
      match: { query: '"Clipper Teas" OR @ClipperTeas', only: ['safety'] } };
    const { path } = withConfig(JSON.stringify({ brands: [{ name: 'A' }], alerts: [mail] }));
    const { config } = loadSettings({ configPath: path, env: {} });
    expect(config.alerts[0]).toMatchObject({ smtp: { host: 'smtp.example.com', port: 587, tls: 'starttls', user: 'alerts', passwordEnv: 'EARSHOT_SMTP_PASSWORD' },
      match: { sources: [], only: ['safety'], minEngagement: 0, maxPerRun: 10, withinHours: 24 } });
    expect(smtpPasswords(config, { EARSHOT_SMTP_PASSWORD: 'smtp-pass-1' })).toEqual(['smtp-pass-1']);
    const bad = (alert: object) => {
      const { path: p } = withConfig(JSON.stringify({ alerts: [alert] }));
      return () => loadSettings({ configPath: p, env: {} });
    };
    expect(bad({ ...mail, smtp: { host: 'h', password: 'x' } })).toThrow(/unknown key "alerts\.0\.smtp\.password"/);
    expect(bad({ ...mail, to: ['team@example.com\r\nBcc: x@example.com'] })).toThrow(/alerts\.0\.to\.0: must be an e-mail address/);
    expect(bad({ ...mail, to: [] })).toThrow(/alerts\.0\.to: must list at least one address/);
    expect(bad({ ...mail, smtp: { host: 'h', passwordEnv: 'NOT A NAME' } })).toThrow(/passwordEnv: must be the name of an environment variable/);
    expect(bad({ ...mail, match: { only: ['idea'] } })).toThrow(/alerts\.0\.match\.only\.0/);
    expect(bad({ ...mail, match: { only: ['question', 'suggestion', 'complaint', 'safety'] } })).not.toThrow();
    expect(bad({ ...mail, smtp: { host: 'smtp.example.com', tls: 'none', user: 'u' } })).toThrow(/alerts\.0\.smtp\.tls: "none" would send the password in clear/);
    expect(bad({ ...mail, smtp: { host: '127.0.0.1', tls: 'none', user: 'u' } })).not.toThrow();
  });
});
