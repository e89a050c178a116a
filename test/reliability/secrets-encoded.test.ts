import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';
import { secretValues } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { makeTempDir, runCli, type CliResult } from '../support/cli.js';
import { cliBackends } from '../support/cli-backends.js';
import { KETTLEBY, startApiServer } from './support.js';

/**
 * Secrets holding `"` and `\` change under JSON escaping, and an API error can quote the
 * login: neither may reach a --debug log, stdout or the database.
 */
const SECRETS = {
  xToken: 'xt"ok\\Secret-4q',
  blueskyHandle: 'login-secret-7x.bsky.social',
  blueskyPassword: 'bp"w\\Secret-9z',
};
const tmp = makeTempDir('earshot-secrets-encoded-');
const backends = await cliBackends();
let server: ReplayServer;
let env: Record<string, string>;

beforeAll(async () => {
  server = await startApiServer({ xBearerToken: SECRETS.xToken, bluesky: { handle: SECRETS.blueskyHandle, appPassword: SECRETS.blueskyPassword } });
  const { EARSHOT_X_BEARER_TOKEN: _fromConfig, ...serverEnv } = server.env();
  env = { ...serverEnv, EARSHOT_RETRY_DELAY_MS: '5' };
  writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [KETTLEBY], sources: { x: { bearerToken: SECRETS.xToken } } }), { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  await server?.close();
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

/** Each secret as written, and JSON-escaped once and twice. */
function leaks(what: string, text: string | Buffer): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(SECRETS)) {
    const once = JSON.stringify(value).slice(1, -1);
    for (const form of [value, once, JSON.stringify(once).slice(1, -1)]) if (text.includes(form)) found.push(`${name} (${form}) in ${what}`);
  }
  return found;
}

for (const backend of backends) describe.skipIf(!backend.available)(`secrets in every encoded form (built binary, ${backend.name})`, () => {
  it('--debug, the scan summary on stdout, status and scan_runs.message name no secret, though the API error quotes the login', async () => {
    // Bluesky refuses the login with a message that quotes it back
    server.setFaults([{ kind: 'status', status: 401, source: 'bluesky', path: 'createSession', times: Infinity,
      body: { error: 'AuthenticationRequired', message: `Invalid identifier or password for ${SECRETS.blueskyHandle} (password "${SECRETS.blueskyPassword}")` } }]);
    const db = backend.fresh(tmp.dir, 's.db');
    const outputs: Array<[string, CliResult]> = [];
    const cli = async (args: string[]) => {
      const result = await runCli(args, { cwd: tmp.dir, env });
      outputs.push([args.join(' '), result]);
      return result;
    };
    const scanned = await cli(['--debug', '--db', db, 'scan', '--source', 'bluesky', '--source', 'x', '--no-analyze', '--format', 'json']);
    expect(scanned.code).toBe(1);
    const summary = JSON.parse(scanned.stdout) as { runs: Array<{ source: string; status: string; message?: string }> };
    expect(summary.runs.find((r) => r.source === 'bluesky')).toMatchObject({ status: 'failed', message: expect.stringMatching(/Invalid identifier or password for \[redacted\] \(password "\[redacted\]"\)/) });
    expect(scanned.stderr).toMatch(/"bearerToken":"\[redacted\]"/);
    expect((await cli(['--db', db, 'scan', '--source', 'bluesky', '--no-analyze'])).code).toBe(1);
    expect((await cli(['--debug', '--db', db, 'status'])).code).toBe(0);
    expect((await cli(['--db', db, 'status', '--format', 'json'])).code).toBe(0);
    const stored = await backend.storedText(tmp.dir, db);
    expect(stored).toMatch(/Invalid identifier or password for \[redacted\]/);
    const found = outputs.flatMap(([what, r]) => [...leaks(`${what} stdout`, r.stdout), ...leaks(`${what} stderr`, r.stderr)]);
    found.push(...leaks(`the ${backend.name} store`, stored));
    expect(found).toEqual([]);
  }, 120_000);
});

describe('secret forms', () => {
  it('redacts JSON-escaped, URL-encoded and base64 forms, and Reddit\'s Basic credentials', () => {
    const config = configSchema.parse({ sources: { reddit: { clientId: 'cli"ent-id', clientSecret: 'sec\\ret/+=value', username: 'kettle-fan', password: 'p w"d&=%' } } });
    let written = '';
    const out = createOutput({ debug: true, stderr: { write: (t: string) => { written += t; return true; } } as never, stdout: { write: (t: string) => { written += t; return true; } } as never });
    out.addSecrets(secretValues(config));
    const basic = Buffer.from('cli"ent-id:sec\\ret/+=value').toString('base64');
    out.debug(JSON.stringify({ id: 'cli"ent-id', secret: 'sec\\ret/+=value', nested: JSON.stringify({ password: 'p w"d&=%' }) }));
    out.debug(`POST /api/v1/access_token authorization: Basic ${basic} body: ${new URLSearchParams({ username: 'kettle-fan', password: 'p w"d&=%' })}`);
    out.data(`?secret=${encodeURIComponent('sec\\ret/+=value')}`);
    for (const secret of ['cli"ent-id', 'sec\\ret/+=value', 'p w"d&=%', 'kettle-fan']) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]) {
        expect(written).not.toContain(form);
      }
    }
    expect(written).not.toContain(basic);
    expect(written.match(/\[redacted\]/g)).toHaveLength(7);
  });
});
