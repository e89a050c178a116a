import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { startReceiver } from '../support/receiver.js';

const tmp = makeTempDir('earshot-alert-');
/** The data sits at fixed times before the tests' clock, which every command runs at. */
const NOW = TEST_NOW;
const backends = await cliBackends();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  // each backend posts to its own paths, so the hit counts below are its own
  receiver = await startReceiver(Object.fromEntries(backends.flatMap((b) => [[`/${b.name}/down`, [500]], [`/${b.name}/flaky`, [502, 200]]])));
  writeMentions(join(tmp.dir, 'm.jsonl'));
});
afterAll(async () => {
  await receiver.close();
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

/** Two weeks of everyday chatter, then 40 people finding plastic in the tea bags over the last 40 hours. */
function writeMentions(path: string): void {
  const now = NOW;
  const H = 3_600_000;
  const rows: object[] = [];
  const chatter = ['lovely cup of green tea this morning', 'the chai blend is great with milk', 'ordered the rooibos again, tasty',
    'earl grey with lemon is my favourite', 'new mug for my afternoon tea', 'peppermint tea helps after lunch',
    'camomile before bed works', 'iced tea weather finally', 'my kettle broke today', 'breakfast blend and toast'];
  const openers = ['Shocked to learn', 'Just read', 'Can someone confirm', 'Disgusted that', 'Apparently', 'Unbelievable:',
    'So my sister says', 'Why did nobody tell us', 'Angry because', 'Worried now,'];
  const tails = ['never buying again', 'this is awful', 'what a scandal', 'terrible for health', 'switching brands',
    'so disappointed', 'gross', 'horrible news', 'how is this allowed', 'bad bad bad'];
  for (let d = 0; d < 16; d++) {
    for (let i = 0; i < 20; i++) {
      rows.push({ id: `b${d}-${i}`, source: 'x', created_at: new Date(now - d * 24 * H - i * H / 2 - H / 3).toISOString(),
        text: `${chatter[(d * 3 + i) % 10]} ${['today', 'again', 'yay', 'hmm', 'ok'][i % 5]} ${d}`, author: `fan${(d * 7 + i) % 40}` });
    }
  }
  for (let i = 0; i < 40; i++) {
    rows.push({ id: `w${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(now - (i + 1) * H).toISOString(),
      text: `${openers[i % 10]} there is plastic in the tea bags, ${tails[(i * 3) % 10]} ${['microplastics everywhere', 'my cup of tea', 'the bags melt', 'seriously', 'wow'][i % 5]}`,
      author: `angry${i}`, url: `https://x.com/angry${i}/status/${i}` });
  }
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

function writeConfigFile(name: string, alerts: object[]): string {
  writeFileSync(join(tmp.dir, name), JSON.stringify({ brands: [{ name: 'Acme' }], alerts }), { mode: 0o600 });
  return name;
}

const FAST = { EARSHOT_ALERT_RETRY_DELAY_MS: '5' };

for (const backend of backends) describe.skipIf(!backend.available)(`earshot alert and run on ${backend.name} (built binary, loopback receivers)`, () => {
  const db = backend.fresh(tmp.dir, 'a.db');
  const at = (path: string) => `/${backend.name}${path}`;
  const writeConfig = (name: string, alerts: object[]) => writeConfigFile(`${backend.name}-${name}`, alerts);

  beforeAll(async () => {
    const imported = await runCli(['--db', db, 'import', 'm.jsonl', '--brand', 'Acme'], { cwd: tmp.dir });
    expect(imported.code, imported.stderr).toBe(0);
    const report = await runCli(['--db', db, 'report', '--brand', 'Acme', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(report.stdout).issues.length, 'the fixture must produce an issue').toBeGreaterThan(0);
  }, 60_000);

  it('--dry-run prints the payloads with masked URLs, sends nothing and records nothing', async () => {
    const config = writeConfig('dry.json', [{ type: 'slack', name: 'team', url: receiver.url('/services/T0/B0/SECRETPATH') }]);
    for (let i = 0; i < 2; i++) {
      const r = await runCli(['--db', db, '--config', config, 'alert', '--dry-run'], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
      const line = JSON.parse(r.stdout.trim().split('\n')[0]!);
      expect(line).toMatchObject({ target: 'team', url: `${new URL(receiver.url('/')).origin}/…/****`, brand: 'Acme', rank: 1 });
      expect(line.payload.blocks.at(-1).elements[0].text).toMatch(/earshot export --brand Acme --issue 1 --at \d{4}-\d\d-\d\dT/);
      expect(r.stdout + r.stderr).not.toContain('SECRETPATH');
    }
    expect(receiver.hits('/services/T0/B0/SECRETPATH')).toHaveLength(0);
  });

  it('a failing target exits 1 with one line and does not block the others; re-running never double-posts', async () => {
    const config = writeConfig('live.json', [
      { type: 'webhook', name: 'down', url: receiver.url(at('/down')) },
      { type: 'webhook', name: 'hook', url: receiver.url(at('/hook')), secret: 'hmac-secret-1' },
      { type: 'slack', name: 'flaky', url: receiver.url(at('/flaky')) },
    ]);
    const first = await runCli(['--db', db, '--config', config, 'alert', '--fail-on-alert'], { cwd: tmp.dir, env: FAST });
    expect(first.code).toBe(1);
    const errors = first.stderr.split('\n').filter((l) => l.startsWith('earshot: '));
    expect(errors).toEqual([expect.stringMatching(/^earshot: alert delivery failed for down \(Acme: .+\): HTTP 500 after 4 attempt\(s\) — 2 other alert\(s\) sent/)]);
    expect(first.stderr).not.toContain(receiver.url(at('/down')));
    expect(receiver.hits(at('/down'))).toHaveLength(4);
    expect(receiver.hits(at('/flaky'))).toHaveLength(2);
    const [hook] = receiver.hits(at('/hook'));
    expect(hook!.headers['x-earshot-signature']).toBe(`sha256=${createHmac('sha256', 'hmac-secret-1').update(hook!.body).digest('hex')}`);
    expect(JSON.parse(hook!.body)).toMatchObject({ brand: 'Acme', rank: 1, terms: expect.arrayContaining(['plastic']) });
    // samples name their time in camelCase like every command's JSON, the old name beside it (issue 28 #6)
    const sample = JSON.parse(hook!.body).samples[0];
    expect(sample.createdAt).toMatch(/^2026-/);
    expect(sample.created_at).toBe(sample.createdAt);

    const again = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env: FAST });
    expect(again.code).toBe(1);
    expect(receiver.hits(at('/hook'))).toHaveLength(1);
    expect(receiver.hits(at('/flaky'))).toHaveLength(2);
    const stored = await backend.storedText(tmp.dir, db);
    expect(stored).toContain('plastic');
    expect(stored).not.toContain(`127.0.0.1:${new URL(receiver.url('/')).port}`);
    expect(stored).not.toContain('hmac-secret-1');
  }, 60_000);

  it('run --fail-on-alert exits 3 when it sent something, 0 when there was nothing new; --quiet prints nothing', async () => {
    const config = writeConfig('run.json', [{ type: 'webhook', name: 'ops', url: receiver.url(at('/ops')) }]);
    const fired = await runCli(['--db', db, '--config', config, 'run', '--no-scan', '--fail-on-alert', '--quiet'], { cwd: tmp.dir });
    expect(fired.code, fired.stderr).toBe(3);
    expect(fired.stdout + fired.stderr).toBe('');
    expect(receiver.hits(at('/ops'))).toHaveLength(1);
    const quiet = await runCli(['--db', db, '--config', config, 'run', '--no-scan', '--fail-on-alert', '--quiet'], { cwd: tmp.dir });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout + quiet.stderr).toBe('');
  }, 60_000);

  it('report shows the issue states that alert and run recorded, and writes nothing itself', async () => {
    const before = await backend.storedText(tmp.dir, db);
    const later = { EARSHOT_NOW: new Date(NOW + 3_600_000).toISOString() };
    const json = await runCli(['--db', db, 'report', '--brand', 'Acme', '--format', 'json'], { cwd: tmp.dir, env: later });
    expect(json.code, json.stderr).toBe(0);
    const issue = JSON.parse(json.stdout).issues[0];
    expect(issue).toMatchObject({ state: 'new', issueKey: expect.stringContaining('plastic') });
    const table = await runCli(['--db', db, 'report', '--brand', 'Acme', '--format', 'markdown'], { cwd: tmp.dir, env: later });
    expect(table.stdout).toMatch(/\|\s+# \| state \| issue\s+\|/); // a padded Markdown table
    expect(table.stdout).toMatch(/\|\s+1 \| new\s+\|/);
    expect(await backend.storedText(tmp.dir, db)).toBe(before);
  }, 60_000);

  it('exports the mentions behind the issue an alert names', async () => {
    const r = await runCli(['--db', db, 'export', '--brand', 'Acme', '--issue', '1', '--format', 'jsonl', '--columns', 'id,topics'], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; topics: string });
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.id.startsWith('w') && row.topics.includes('plastic'))).toBe(true);
  });

  it('export --issue --at returns the issue of that past report, whatever has happened since', async () => {
    const at = new Date(NOW).toISOString();
    // a day later the window has moved on: without --at, issue 1 would be another set (or none)
    const later = await runCli(['--db', db, 'export', '--brand', 'Acme', '--issue', '1', '--at', at, '--format', 'jsonl', '--columns', 'id'],
      { cwd: tmp.dir, env: { EARSHOT_NOW: new Date(NOW + 86_400_000).toISOString() } });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout.trim().split('\n')).toHaveLength(40);
  });
});
