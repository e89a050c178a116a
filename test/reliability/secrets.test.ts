import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayServer } from '../../src/replay/index.js';
import { makeTempDir, runCli, TEST_NOW, type CliResult } from '../support/cli.js';
import { startReceiver } from '../support/receiver.js';
import { recordFigures } from './figures.js';
import { KETTLEBY, spawnCli, startApiServer, waitForRequests } from './support.js';

/**
 * Tokens set in the environment and in the config file must never leave them: not into
 * the database (nor its WAL), an export, a report, a --debug log or an error message.
 */
const SECRETS = {
  xToken: 'xtok-Secret-7fQ2w',
  redditClientId: 'rid-Secret-4hJ9',
  redditSecret: 'rsec-Secret-9kL4z',
  redditPassword: 'rpw-Secret-3mN8q',
  wrongToken: 'xbad-Secret-1aA1c',
  slackPath: 'slack-Secret-5pX1v',
  hookPath: 'hook-Secret-8cD3b',
  hookSecret: 'whsec-Secret-2vB6n',
  blueskyHandle: 'bsky-secret-6tr2.bsky.social',
  blueskyPassword: 'bpw-Secret-0zX9-aaaa',
  // the signature part of every token the replay server's Bluesky hands out: no session token in the clear either
  blueskyToken: 'replay-signature',
};
const tmp = makeTempDir('earshot-secrets-');
let server: ReplayServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let env: Record<string, string>;
const outputs: Array<{ what: string; text: string }> = [];
let secretsChecked = 0;
let secretsFound = 0;

afterAll(async () => {
  await server?.close();
  await receiver?.close();
  tmp.cleanup();
  recordFigures('secrets', { secretsChecked, secretsFound });
});

async function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const result = await runCli(args, { cwd: tmp.dir, env: { ...env, ...extraEnv } });
  outputs.push({ what: `earshot ${args.join(' ')}`, text: result.stdout + result.stderr });
  return result;
}

/** Every place a secret could end up, as bytes, checked for every secret value. */
function hits(what: string, content: Buffer | string): string[] {
  const found: string[] = [];
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (const [name, value] of Object.entries(SECRETS)) {
    secretsChecked++;
    if (bytes.includes(value) || bytes.includes(Buffer.from(value, 'utf16le'))) found.push(`${name} in ${what}`);
  }
  secretsFound += found.length;
  return found;
}

function writeIssueData(path: string): void {
  const now = TEST_NOW;
  const H = 3_600_000;
  const rows: object[] = [];
  for (let d = 0; d < 15; d++) {
    for (let i = 0; i < 10; i++) rows.push({ id: `b${d}-${i}`, source: 'x', created_at: new Date(now - d * 24 * H - i * H - H).toISOString(), text: `lovely cup of tea ${d} ${i}`, author: `fan${i}` });
  }
  const openers = ['Shocked to learn', 'Just read', 'Can someone confirm', 'Disgusted that', 'Apparently', 'Unbelievable:', 'So my sister says', 'Why did nobody tell us', 'Angry because', 'Worried now,'];
  const tails = ['never buying again', 'this is awful', 'what a scandal', 'terrible for health', 'switching brands', 'so disappointed', 'gross', 'horrible news', 'how is this allowed', 'bad bad bad'];
  const extras = ['microplastics everywhere', 'my cup of tea', 'the bags melt', 'seriously', 'wow'];
  for (let i = 0; i < 40; i++) {
    rows.push({ id: `w${i}`, source: 'reddit', created_at: new Date(now - (i + 1) * H).toISOString(), author: `angry${i}`,
      text: `${openers[i % 10]} there is plastic in the tea bags, ${tails[(i * 3) % 10]} ${extras[i % 5]}`, url: `https://x.com/angry${i}/status/${i}` });
  }
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

describe('secrets stay where they were put (built binary)', () => {
  beforeAll(async () => {
    server = await startApiServer({
      xBearerToken: SECRETS.xToken, reddit: { clientId: SECRETS.redditClientId, clientSecret: SECRETS.redditSecret, username: 'kettle-fan', password: SECRETS.redditPassword },
      bluesky: { handle: SECRETS.blueskyHandle, appPassword: SECRETS.blueskyPassword },
    });
    receiver = await startReceiver({ [`/down/${SECRETS.hookPath}`]: [500] });
    // X's token comes from the config file, Reddit's credentials from the environment
    const { EARSHOT_X_BEARER_TOKEN: _fromConfig, ...serverEnv } = server.env();
    env = { ...serverEnv, EARSHOT_RETRY_DELAY_MS: '5', EARSHOT_ALERT_RETRY_DELAY_MS: '5' };
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({
      brands: [KETTLEBY, { name: 'Acme' }],
      sources: { x: { bearerToken: SECRETS.xToken } },
      alerts: [
        { type: 'slack', name: 'team', url: receiver.url(`/services/T0/B0/${SECRETS.slackPath}`) },
        { type: 'webhook', url: receiver.url(`/ok/${SECRETS.hookPath}`), secret: SECRETS.hookSecret },
        { type: 'webhook', name: 'down', url: receiver.url(`/down/${SECRETS.hookPath}`), secret: SECRETS.hookSecret },
      ],
    }), { mode: 0o600 });
    writeIssueData(join(tmp.dir, 'issue.jsonl'));
  }, 60_000);

  it('no secret in the database (and its WAL), exports, reports, --debug logs or error messages', async () => {
    expect((await cli(['--debug', '--db', 's.db', 'scan'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'import', 'issue.jsonl', '--brand', 'Acme'])).code).toBe(0);
    for (const format of ['table', 'markdown', 'json', 'html']) {
      expect((await cli(['--debug', '--db', 's.db', 'report', '--brand', 'Acme', '--format', format])).code).toBe(0);
    }
    expect((await cli(['--db', 's.db', 'report', '--brand', 'Acme', '--format', 'html', '--out', 'report.html'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'export', '--out', 'all.csv', '--excel'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'export', '--format', 'jsonl', '--out', 'all.jsonl'])).code).toBe(0);
    expect((await cli(['--db', 's.db', 'export', '--format', 'jsonl'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'status', '--format', 'json'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'search', 'plastic', '--format', 'json'])).code).toBe(0);
    expect((await cli(['--debug', '--db', 's.db', 'alert', '--dry-run'])).code).toBe(0);
    // a real delivery: slack and one webhook succeed, the other answers 500 — an error line
    const alert = await cli(['--debug', '--db', 's.db', 'alert', '--brand', 'Acme']);
    expect(alert.code, alert.stderr.split('\n').filter((l) => !l.startsWith('[debug] config')).join('\n')).toBe(1);
    expect(alert.stderr).toMatch(/^earshot: alert delivery failed for /m);
    expect(receiver.hits(`/ok/${SECRETS.hookPath}`)).toHaveLength(1);
    expect((await cli(['--debug', '--db', 's.db', 'run', '--no-alert'])).code).toBe(0);
    // refused credentials, from the environment and from the file: error lines name no secret
    const refused = await cli(['--debug', '--db', 's.db', 'scan', '--source', 'x'], { EARSHOT_X_BEARER_TOKEN: SECRETS.wrongToken });
    expect(refused.code).toBe(1);
    const badPassword = await cli(['--debug', '--db', 's.db', 'scan', '--source', 'reddit'], { EARSHOT_REDDIT_PASSWORD: `${SECRETS.redditPassword}x` });
    expect(badPassword.code).toBe(1);
    // Bluesky: the sealed session from the first scan is read back (no second login), then a wrong password
    expect(server.bluesky.createSessions).toBe(1);
    expect(server.bluesky.refreshes).toBeGreaterThan(0);
    const badBluesky = await cli(['--debug', '--db', 'b.db', 'scan', '--source', 'bluesky'], { EARSHOT_BLUESKY_APP_PASSWORD: `${SECRETS.blueskyPassword}x` });
    expect(badBluesky.code).toBe(1);
    // refused once, not once per brand: every try counts against the daily createSession limit
    expect(server.requests.filter((r) => r.path.endsWith('createSession') && r.status === 401)).toHaveLength(1);
    expect(badBluesky.stderr).toMatch(/^earshot: 2 source scan\(s\) failed: bluesky: POST \/xrpc\/com\.atproto\.server\.createSession answered 401/m);
    const badConfig = join(tmp.dir, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ sources: { x: { bearerToken: SECRETS.xToken } }, alerts: [{ type: 'slack', url: `ftp://h/${SECRETS.slackPath}`, secret: SECRETS.hookSecret }] }), { mode: 0o600 });
    const invalid = await cli(['--debug', '--config', 'bad.json', '--db', 's.db', 'status']);
    expect(invalid.code, invalid.stderr).toBe(1);
    expect(invalid.stderr).toMatch(/^earshot: config .*bad\.json: alerts\.0\./m);
    // a scan killed mid-write leaves its WAL behind: grep that too
    const killed = spawnCli(['--db', 'wal.db', 'scan'], { cwd: tmp.dir, env });
    await waitForRequests(server, server.requests.length + 4, killed.done);
    killed.child.kill('SIGKILL');
    await killed.done;

    const found: string[] = [];
    for (const { what, text } of outputs) found.push(...hits(what, text));
    const files = readdirSync(tmp.dir).filter((name) => !['earshot.config.json', 'bad.json'].includes(name) && statSync(join(tmp.dir, name)).isFile());
    expect(files).toEqual(expect.arrayContaining(['s.db', 'all.csv', 'all.jsonl', 'report.html', 'wal.db-wal']));
    for (const name of files) found.push(...hits(name, readFileSync(join(tmp.dir, name))));
    for (const received of receiver.received) found.push(...hits(`delivery to ${received.path.split('/')[1]}`, received.body));
    expect(found).toEqual([]);
    expect(outputs.length).toBeGreaterThan(15);
    // the probe does find what is there: the config file holds the file-borne secrets
    expect(readFileSync(join(tmp.dir, 'earshot.config.json'), 'utf8')).toContain(SECRETS.xToken);
  }, 150_000);

  it('warns about a config file with secrets that others can read, and only then', async () => {
    const path = join(tmp.dir, 'earshot.config.json');
    chmodSync(path, 0o644);
    const open = await cli(['--db', 's.db', 'status']);
    expect(open.code).toBe(0);
    expect(open.stderr).toContain(`earshot: warning: config ${path} holds secrets and is readable by others (mode 644) — run: chmod 600 ${path}`);
    chmodSync(path, 0o640);
    expect((await cli(['--db', 's.db', 'status'])).stderr).toContain('(mode 640)');
    chmodSync(path, 0o600);
    expect((await cli(['--db', 's.db', 'status'])).stderr).not.toContain('warning');
    writeFileSync(join(tmp.dir, 'plain.json'), JSON.stringify({ brands: [{ name: 'Acme' }] }), { mode: 0o644 });
    chmodSync(join(tmp.dir, 'plain.json'), 0o644);
    expect((await cli(['--config', 'plain.json', '--db', 's.db', 'status'])).stderr).not.toContain('warning');
    expect(outputs.flatMap((o) => hits(o.what, o.text))).toEqual([]);
  }, 60_000);
});
