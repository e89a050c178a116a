import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { startApiServer } from '../reliability/support.js';

/**
 * Issue 27 end to end: a source that fails (a closed port) shows as failing in status,
 * and a report over its window says the data is incomplete; `--strict` exits 4 for cron.
 */

const tmp = makeTempDir('earshot-trust-');
const backends = await cliBackends();
const HOUR = 3_600_000;
afterAll(() => tmp.cleanup());

/** A port nothing listens on: taken, then released, so a connection is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const rows = Array.from({ length: 12 }, (_, i) => ({
  id: `k${i}`, source: 'x', created_at: new Date(TEST_NOW - (2 + i * 3) * HOUR).toISOString(), author: `fan${i}`, text: `a calm cup of Kettleby tea ${i}`,
}));

for (const backend of backends) describe.skipIf(!backend.available)(`trust in the report on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('a failing source shows in status and makes the report incomplete; --strict exits 4', async () => {
    const port = await closedPort();
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({
      brands: [{ name: 'Kettleby', queries: { hackernews: 'Kettleby' } }, { name: 'Brindle' }], sources: { hackernews: { apiBase: `http://127.0.0.1:${port}/` } },
    }));
    const db = backend.fresh(tmp.dir, 'trust.db');
    const env = { EARSHOT_RETRY_DELAY_MS: '0', EARSHOT_HTTP_TIMEOUT_MS: '2000' };
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir, env });
    writeFileSync(join(tmp.dir, 'k.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    expect((await run(['import', 'k.jsonl', '--brand', 'Kettleby'])).code).toBe(0);
    const healthy = await run(['report', '--strict', '--format', 'json']);
    expect(healthy.code, healthy.stderr).toBe(0);
    expect(JSON.parse(healthy.stdout).warnings).toEqual([]);

    const scanned = await run(['scan', '--source', 'hackernews', '--no-analyze']);
    expect(scanned.code).not.toBe(0);

    const table = await run(['status', '--format', 'table']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/hackernews .*FAILED/);
    expect(table.stdout).toMatch(/source\(s\) failing [^\n]*\n(?:.*\n)*? {2}Kettleby · hackernews: failed at 2026-12-01 09:31: .*ECONNREFUSED.* \(last success: never\)/);
    const json = JSON.parse((await run(['status', '--format', 'json'])).stdout) as { rows: Array<Record<string, unknown>> };
    expect(json.rows.find((r) => r.source === 'hackernews')).toMatchObject({ lastOutcome: 'failed', lastKind: 'network', lastHttpStatus: null, lastSuccess: null, lastFailure: '2026-12-01T09:31:00.000Z' });
    expect(table.stdout).toMatch(/hackernews .*FAILED \(network\)/);

    const report = await run(['report', '--format', 'table']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('⚠ Data incomplete:');
    expect(report.stdout).toMatch(/Kettleby · hackernews: the latest scan failed at 2026-12-01 09:31 UTC \(.*ECONNREFUSED.*\); it has never scanned successfully/);
    const strict = await run(['report', '--strict', '--format', 'json']);
    expect(strict.code).toBe(4);
    expect(strict.stderr).toContain('earshot: warning: data incomplete: 1 warning(s)');
    expect(JSON.parse(strict.stdout).warnings.map((w: { kind: string }) => w.kind)).toEqual(['source-failed']);

    // compare carries the same warnings; CSV has no room for them, so each goes to stderr
    const csv = await run(['compare', '--brands', 'Kettleby,Brindle', '--since', '7d', '--format', 'csv', '--strict']);
    expect(csv.code, csv.stderr).toBe(4);
    expect(csv.stdout).toMatch(/^from,to,brand,mentions/);
    expect(csv.stderr).toMatch(/earshot: warning: Kettleby · hackernews: the latest scan failed at 2026-12-01 09:31 UTC/);
    expect(csv.stderr).toMatch(/earshot: warning: Brindle: no analysed mentions from /);

    // a window with no data is never "no emerging issues"
    const empty = await run(['report', '--format', 'markdown', '--at', '2027-03-01']);
    expect(empty.stdout).toContain('No data: no analysed mentions in the window');
    expect(empty.stdout).not.toContain('No emerging issues');
    const html = await run(['report', '--format', 'html', '--at', '2027-03-01', '--strict']);
    expect(html.code).toBe(4);
    expect(html.stdout).toContain('<section id="warnings" class="warnings"><h2>⚠ Data incomplete</h2>');

    // the source comes back: status keeps the last failure and its reason, as recovered
    const server = await startApiServer();
    try {
      const later = { ...server.env(), EARSHOT_NOW: '2026-12-01T10:00:00.000Z' };
      const again = await runCli(['--db', db, 'scan', '--source', 'hackernews', '--brand', 'Kettleby', '--no-analyze'], { cwd: tmp.dir, env: { ...env, ...later } });
      expect(again.code, again.stderr).toBe(0);
      const recovered = await run(['status', '--format', 'table']);
      expect(recovered.stdout).toMatch(/│ hackernews │.*│ ok +│/);
      expect(recovered.stdout).toMatch(/Earlier scan failures, since recovered:\n {2}Kettleby · hackernews: last problem at 2026-12-01 09:31: .*ECONNREFUSED.* \(ok again at 2026-12-01 10:00\)/);
    } finally {
      await server.close();
    }
  });

  it('with scan.every set, a source quiet for over twice that is overdue in status, reports and alert --strict', async () => {
    const config = (every?: string) => writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({
      brands: [{ name: 'Kettleby', queries: { hackernews: 'Kettleby' } }],
      ...(every ? { scan: { every } } : {}),
      alerts: [{ type: 'webhook', name: 'hook', url: 'https://hooks.example.test/earshot' }],
    }));
    config('6h');
    const db = backend.fresh(tmp.dir, 'schedule.db');
    const server = await startApiServer();
    try {
      const at = (iso: string) => ({ ...server.env(), EARSHOT_RETRY_DELAY_MS: '0', EARSHOT_NOW: iso });
      const run = (args: string[], now: string) => runCli(['--db', db, ...args], { cwd: tmp.dir, env: at(now) });
      writeFileSync(join(tmp.dir, 'k.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
      expect((await run(['import', 'k.jsonl', '--brand', 'Kettleby'], '2026-12-01T10:00:00.000Z')).code).toBe(0);
      const scanned = await run(['scan', '--source', 'hackernews', '--no-analyze'], '2026-12-01T10:00:00.000Z');
      expect(scanned.code, scanned.stderr).toBe(0);

      // 11 h after the last success: within twice the schedule
      const onTime = await run(['status', '--format', 'table'], '2026-12-01T21:00:00.000Z');
      expect(onTime.stdout).not.toContain('overdue');
      const hn = (status: { rows: Array<{ source: string }> }) => status.rows.find((r) => r.source === 'hackernews');
      expect(hn(JSON.parse((await run(['status', '--format', 'json'], '2026-12-01T21:00:00.000Z')).stdout))).toMatchObject({ overdue: false });
      // 13 h after: overdue, in the table, the JSON, the report's warnings and alert --strict
      const late = '2026-12-01T23:00:00.000Z';
      const table = await run(['status', '--format', 'table'], late);
      expect(table.stdout).toMatch(/1 source\(s\) overdue — no successful scan for over 2 × scan.every[^\n]*\n {2}Kettleby · hackernews: last success 2026-12-01 10:00/);
      const json = JSON.parse((await run(['status', '--format', 'json'], late)).stdout);
      expect(json.scanEvery).toBe('6h');
      expect(hn(json)).toMatchObject({ overdue: true });
      // imported data was never scanned: it has no schedule to miss
      expect(json.rows.find((r: { source: string }) => r.source === 'x')).toMatchObject({ overdue: false });
      const report = await run(['report', '--format', 'json', '--strict'], late);
      expect(report.code).toBe(4);
      expect(JSON.parse(report.stdout).warnings).toEqual([expect.objectContaining({
        kind: 'source-overdue', source: 'hackernews',
        message: 'Kettleby · hackernews: no successful scan since 2026-12-01 10:00 UTC, though scans are scheduled every 6 h: its mentions since then are missing',
      })]);
      const alert = await run(['alert', '--dry-run', '--strict'], late);
      expect(alert.code, alert.stderr).toBe(4);
      expect(alert.stderr).toContain('earshot: warning: Kettleby · hackernews: no successful scan since 2026-12-01 10:00 UTC');
      expect((await run(['alert', '--dry-run'], late)).code).toBe(0);

      // without a schedule nothing can be overdue: the same store reads as complete
      config();
      expect(JSON.parse((await run(['report', '--format', 'json'], late)).stdout).warnings).toEqual([]);
      expect((await run(['status', '--format', 'json'], late)).stdout).not.toContain('overdue');
      config('6 hours');
      const bad = await run(['status'], late);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(/scan\.every.*a duration such as 30m, 6h or 1d/);
    } finally {
      await server.close();
    }
  });
});
