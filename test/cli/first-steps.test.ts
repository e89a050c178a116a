import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeJsonError } from '../../src/config/load.js';
import { requestRaw } from '../../src/sources/http.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { startApiServer } from '../reliability/support.js';

/** Issue 28 #5: the first minutes of a new user, from `init` to a first scan that works. */
const tmp = makeTempDir('earshot-first-steps-');
let server: ReplayServer;
beforeAll(async () => { server = await startApiServer(); });
afterAll(async () => {
  await server?.close();
  tmp.cleanup();
});

/** The replay server's hosts and CA, but no key of any source: what a new user has. */
const keyless = () => Object.fromEntries(Object.entries(server.env()).filter(([key]) => !/TOKEN|CLIENT|HANDLE|PASSWORD|USERNAME/.test(key)));
const configOf = (dir: string, name = 'earshot.config.json') => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('earshot init --brand', () => {
  it('writes a starter for the brand whose first scan runs with no keys (Hacker News and Google News)', async () => {
    const dir = makeTempDir('earshot-init-brand-');
    try {
      const init = await runCli(['init', '--brand', 'Kettleby Tea', '--alias', 'Kettleby'], { cwd: dir.dir });
      expect(init.code, init.stderr).toBe(0);
      expect(init.stderr).toMatch(/"Kettleby Tea" on Hacker News and Google News, which need no key/);
      const config = configOf(dir.dir);
      expect(config.brands).toEqual([{ name: 'Kettleby Tea', aliases: ['Kettleby'], exclude: [],
        queries: { hackernews: 'Kettleby Tea', rss: { news: '"Kettleby Tea" OR "Kettleby"' } } }]);
      const scan = await runCli(['--db', 'first.db', 'scan', '--no-analyze', '--format', 'json'], { cwd: dir.dir, env: keyless() });
      expect(scan.code, scan.stderr).toBe(0);
      const runs = (JSON.parse(scan.stdout) as { runs: Array<{ source: string; status: string; inserted: number }> }).runs;
      expect(runs.map((r) => [r.source, r.status])).toEqual([['hackernews', 'ok'], ['rss', 'ok']]);
      expect(runs.every((r) => r.inserted > 0)).toBe(true);
    } finally {
      dir.cleanup();
    }
  });

  it('refuses a blank brand and an alias without a brand', async () => {
    expect((await runCli(['init', '--brand', ' '], { cwd: tmp.dir })).code).toBe(2);
    const alias = await runCli(['init', '--alias', 'K'], { cwd: tmp.dir });
    expect(alias).toMatchObject({ code: 2, stderr: 'earshot: --alias needs --brand — e.g. earshot init --brand "Clipper Teas" --alias "Clipper tea"\n' });
  });

  it('init --force keeps the old config as a backup and says where', async () => {
    const dir = makeTempDir('earshot-init-force-');
    try {
      const mine = '{ "brands": [ { "name": "Mine" } ] }\n';
      writeFileSync(join(dir.dir, 'earshot.config.json'), mine);
      const first = await runCli(['init', '--force', '--brand', 'Acme'], { cwd: dir.dir });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain(`kept the old config as ${join(dir.dir, 'earshot.config.json.bak')}`);
      expect(readFileSync(join(dir.dir, 'earshot.config.json.bak'), 'utf8')).toBe(mine);
      expect(configOf(dir.dir).brands[0].name).toBe('Acme');
      // a second --force never overwrites the first backup
      const second = await runCli(['init', '--force'], { cwd: dir.dir });
      expect(second.stderr).toContain('earshot.config.json.bak.1');
      expect(readFileSync(join(dir.dir, 'earshot.config.json.bak'), 'utf8')).toBe(mine);
      expect(configOf(dir.dir, 'earshot.config.json.bak.1').brands[0].name).toBe('Acme');
    } finally {
      dir.cleanup();
    }
  });
});

describe('config mistakes', () => {
  it('a JSON error gives its line and column', async () => {
    writeFileSync(join(tmp.dir, 'broken.json'), '{\n  "brands": [\n    { "name": "Acme", }\n  ]\n}\n');
    const r = await runCli(['status'], { cwd: tmp.dir, env: { EARSHOT_CONFIG: 'broken.json' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^earshot: config \S+broken\.json is not valid JSON: line 3, column 23: [^\n]+ — [^\n]+\n$/);
    expect(describeJsonError('{"a":', 'Unexpected end of JSON input')).toBe('line 1, column 6: Unexpected end of JSON input');
    expect(describeJsonError('{\r\n"a" 1}', 'Unexpected number in JSON at position 7')).toBe('line 2, column 5: Unexpected number');
  });

  it('a brand listed twice is refused, ignoring case', async () => {
    writeFileSync(join(tmp.dir, 'twice.json'), JSON.stringify({ brands: [{ name: 'Acme' }, { name: 'Other' }, { name: 'ACME ' }] }));
    const r = await runCli(['status'], { cwd: tmp.dir, env: { EARSHOT_CONFIG: 'twice.json' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^earshot: config \S+twice\.json: brands\.2\.name: "ACME" is listed twice \(also brands\.0\); brand names must differ, ignoring case — /);
  });
});

describe('network errors', () => {
  it('name the host and the path', async () => {
    const fetch = async () => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) }); };
    const request = requestRaw(fetch, {
      url: new URL('https://feeds.exmaple.com/tea/feed.xml'), label: 'rss: GET /tea/feed.xml', timeoutMs: 1000, readWindow: () => null,
    });
    await expect(request).rejects.toThrow(/^rss: GET \/tea\/feed\.xml failed: cannot reach feeds\.exmaple\.com \(fetch failed \(ENOTFOUND\)\)$/);
  });
});
