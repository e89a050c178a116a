import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../../src/replay/faults.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { makeTempDir, runCli, type CliResult } from '../support/cli.js';
import { recordFigures } from './figures.js';
import { KETTLEBY, readDb, startApiServer, writeConfig } from './support.js';

/**
 * API faults at the CLI: each scan ends with its exit code and, when it fails, exactly
 * one `earshot: … — hint` line; the database stays consistent and a clean re-scan
 * completes the set. (Source-level retry/backoff details are in test/sources.)
 */
const tmp = makeTempDir('earshot-faults-');
let server: ReplayServer;
let complete: Record<string, string[]>;
let faultsInjected = 0;
// fast backoff and a short per-request timeout, so bursts and timeouts take milliseconds
const FAST = { EARSHOT_RETRY_DELAY_MS: '5', EARSHOT_HTTP_TIMEOUT_MS: '700' };

afterAll(async () => {
  await server?.close();
  tmp.cleanup();
  recordFigures('faults', { faultsInjected });
});

beforeAll(async () => {
  server = await startApiServer();
  writeConfig(tmp.dir, { brands: [KETTLEBY], scan: { maxPages: 6 } });
  const r = await runCli(['--db', 'complete.db', 'scan', '--no-analyze'], { cwd: tmp.dir, env: server.env() });
  expect(r.code, r.stderr).toBe(0);
  complete = bySource(readDb(join(tmp.dir, 'complete.db')).ids);
}, 60_000);

function bySource(ids: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of ids) (out[id.slice(0, id.indexOf(':'))] ??= []).push(id);
  return out;
}

interface Case {
  name: string;
  source: 'x' | 'reddit' | 'hackernews' | 'bluesky' | 'rss' | 'appstore';
  faults: Fault[];
  exit: 0 | 1;
  /** The one error line (exit 1) or a line the scan must print for people (exit 0). */
  message?: RegExp;
  args?: string[];
}

const CASES: Case[] = [
  { name: '429 with a reset header is waited out', source: 'x', faults: [{ kind: 'rate-limit', resetSeconds: 1, skip: 1 }], exit: 0, message: /waiting \d+s — .*429/ },
  { name: '429 without a reset header beyond --max-wait stops the source cleanly', source: 'x', faults: [{ kind: 'rate-limit', skip: 1 }], exit: 0, args: ['--max-wait', '0'], message: /429/ },
  { name: '500/502/503 bursts are retried', source: 'reddit', faults: [{ kind: 'status', status: 500, times: 2 }, { kind: 'status', status: 502, skip: 2 }, { kind: 'status', status: 503, times: 2, skip: 3 }], exit: 0 },
  { name: 'a 503 that never ends fails the source after the retries', source: 'reddit', faults: [{ kind: 'status', status: 503, times: Infinity, path: '/r/', skip: 1 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: reddit: GET \S+ answered 503; gave up after 3 retries — / },
  { name: 'connection resets are retried', source: 'hackernews', faults: [{ kind: 'reset', times: 2 }], exit: 0 },
  { name: 'a connection dropped mid-body is retried', source: 'hackernews', faults: [{ kind: 'drop-mid-body', skip: 1 }], exit: 0 },
  { name: 'a server that stops answering times out', source: 'hackernews', faults: [{ kind: 'slow', delayMs: 2000, times: Infinity, skip: 1 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: hackernews: GET \S+ timed out after 700 ms waiting for \S+; gave up after 3 retries — / },
  { name: 'truncated JSON fails with the endpoint named', source: 'x', faults: [{ kind: 'truncated-json', skip: 1 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: x: .*(JSON|json).* — / },
  { name: 'invalid JSON fails with the endpoint named', source: 'reddit', faults: [{ kind: 'invalid-json', skip: 2 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: reddit: .*(JSON|json).* — / },
  { name: 'an empty page with a next cursor is paged past', source: 'x', faults: [{ kind: 'empty-page', skip: 1 }], exit: 0 },
  { name: 'a page that repeats the previous one stores nothing twice', source: 'hackernews', faults: [{ kind: 'repeat-page' }], exit: 0 },
  { name: 'a cursor that never ends is stopped by the page cap', source: 'reddit', faults: [{ kind: 'endless', times: Infinity }], exit: 0, message: /stopped after 6 pages/ },
  { name: 'bluesky: a 429 with RateLimit-Reset is waited out', source: 'bluesky', faults: [{ kind: 'rate-limit', resetSeconds: 1, path: 'searchPosts', skip: 1 }], exit: 0, message: /waiting \d+s — .*searchPosts answered 429/ },
  { name: 'bluesky: 502/503 and a reset are retried', source: 'bluesky', faults: [{ kind: 'status', status: 502, path: 'searchPosts' }, { kind: 'reset', path: 'searchPosts' }, { kind: 'status', status: 503, path: 'searchPosts', skip: 1 }], exit: 0 },
  { name: 'bluesky: the public host\'s 403 is explained', source: 'bluesky', faults: [{ kind: 'status', status: 403, path: 'searchPosts', times: Infinity, body: { error: 'Forbidden', message: 'Forbidden' } }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: bluesky: GET \/xrpc\/app\.bsky\.feed\.searchPosts answered 403 \(Forbidden: Forbidden\): search was refused without a login — / },
  { name: 'bluesky: truncated JSON fails with the endpoint named', source: 'bluesky', faults: [{ kind: 'truncated-json', path: 'searchPosts', skip: 1 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: bluesky: .*truncated JSON.* — / },
  { name: 'bluesky: a cursor that never ends is stopped by the page cap', source: 'bluesky', faults: [{ kind: 'endless', times: Infinity, path: 'searchPosts' }], exit: 0, message: /stopped after 6 pages/ },
  { name: 'feeds: 5xx bursts and a dropped body are retried', source: 'rss', faults: [{ kind: 'status', status: 500, times: 2 }, { kind: 'drop-mid-body' }], exit: 0 },
  { name: 'feeds: a 429 with Retry-After beyond --max-wait stops the source cleanly', source: 'rss', faults: [{ kind: 'rate-limit', resetSeconds: 900 }], exit: 0, args: ['--max-wait', '1'], message: /longer than --max-wait 1s/ },
  { name: 'feeds: a truncated feed fails naming it, nothing of it stored', source: 'rss', faults: [{ kind: 'truncated-json' }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: 1 of 1 feed\(s\) failed: rss: GET \/news\/rss\/search returned no RSS, Atom or JSON feed .* — / },
  { name: 'app store: 5xx and a reset are retried', source: 'appstore', faults: [{ kind: 'status', status: 503, skip: 1 }, { kind: 'reset', skip: 2 }], exit: 0 },
  { name: 'app store: a 503 that never ends fails the source after the retries', source: 'appstore', faults: [{ kind: 'status', status: 503, times: Infinity, skip: 1 }], exit: 1, message: /^earshot: 1 source scan\(s\) failed: appstore: GET \S+ answered 503; gave up after 3 retries — / },
  { name: 'app store: a slow page times out and is retried', source: 'appstore', faults: [{ kind: 'slow', delayMs: 1500, skip: 1 }], exit: 0 },
];

function errorLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith('earshot:'));
}

describe('API faults end with a clear message and a consistent database (built binary)', () => {
  for (const [i, c] of CASES.entries()) {
    it(c.name, async () => {
      const db = `fault-${i}.db`;
      const env = { ...server.env(), ...FAST };
      const before = server.requests.length;
      server.setFaults(c.faults);
      // --quiet when it must fail: then stderr is the error line and nothing else
      const quiet = c.exit === 1 ? ['--quiet'] : [];
      const faulted = await runCli(['--db', db, ...quiet, 'scan', '--source', c.source, '--no-analyze', ...(c.args ?? [])], { cwd: tmp.dir, env });
      const fired = server.requests.slice(before).filter((r) => r.fault !== null).length;
      server.setFaults([]);
      faultsInjected += fired;
      expect(fired, 'the scripted fault never fired').toBeGreaterThan(0);
      expect(faulted.code, faulted.stderr).toBe(c.exit);
      if (c.exit === 1) {
        expect(faulted.stderr.trimEnd().split('\n'), faulted.stderr).toHaveLength(1);
        expect(errorLines(faulted)[0]).toMatch(c.message!);
      } else if (c.message) {
        expect(faulted.stderr + faulted.stdout).toMatch(c.message);
      }
      const partial = readDb(join(tmp.dir, db));
      expect(partial.integrity).toBe('ok');
      expect(new Set(partial.ids).size).toBe(partial.ids.length);
      for (const id of partial.ids) expect(complete[c.source]).toContain(id);
      // a clean re-scan (several when a page cap stopped it) completes the set
      for (let scan = 0; scan < 3 && readDb(join(tmp.dir, db)).ids.length < complete[c.source]!.length; scan++) {
        const again = await runCli(['--db', db, 'scan', '--source', c.source, '--no-analyze', '--format', 'json'], { cwd: tmp.dir, env });
        expect(again.code, again.stderr).toBe(0);
      }
      expect(readDb(join(tmp.dir, db)).ids).toEqual(complete[c.source]);
    }, 40_000);
  }
});
