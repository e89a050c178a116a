import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { peakRss, writeMentionsJsonl } from '../support/memory.js';

const importText = (i: number) => `mention ${i} about tea bags and plastic, pretty long text to look like a real post #${i % 50}`;

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());
const backends = await cliBackends();

beforeAll(async () => {
  await writeMentionsJsonl(join(tmp.dir, 'small.jsonl'), 10_000, importText);
  await writeMentionsJsonl(join(tmp.dir, 'big.jsonl'), 100_000, importText);
});

/** A few mentions of one brand over the last days: enough for search, label and report. */
function writeTeaMentions(path: string): void {
  const now = TEST_NOW;
  const rows = Array.from({ length: 30 }, (_, i) => ({
    id: `t${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(now - (i + 1) * 3_600_000).toISOString(), author: `fan${i}`,
    text: i % 3 ? `lovely green tea number ${i}, great with lemon` : `found plastic in the tea bags again ${i}, awful`,
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

for (const backend of backends) describe.skipIf(!backend.available)(`earshot CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());
  const db = (name: string) => backend.fresh(tmp.dir, name);

  if (backend.name === 'sqlite') it('imports 100k JSONL rows in bounded memory', async () => {
    const small = await peakRss(tmp.dir, ['--db', 'mem-small.db', 'import', 'small.jsonl', '--brand', 'Acme', '--no-analyze']);
    const big = await peakRss(tmp.dir, ['--db', 'mem-big.db', 'import', 'big.jsonl', '--brand', 'Acme', '--no-analyze']);
    expect(big).toBeLessThan(250);
    // constant memory: ten times the rows may not cost much more than the small file
    expect(big - small).toBeLessThan(60);
    const status = await runCli(['--db', 'mem-big.db', 'status', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(status.stdout).totalMentions).toBe(100_000);
  }, 120_000);

  if (backend.name === 'postgres') it('imports 10k JSONL rows with a 64 MB heap', async () => {
    // the 100k memory curve is SQLite's test above; here the same import path must fit the capped heap
    const store = db('mem');
    expect(await peakRss(tmp.dir, ['--db', store, 'import', 'small.jsonl', '--brand', 'Acme', '--no-analyze'])).toBeLessThan(250);
    const status = await runCli(['--db', store, 'status', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(status.stdout).totalMentions).toBe(10_000);
  }, 60_000);

  it('imports without analysis, then analyze, search, label, status and report work on the stored mentions', async () => {
    const store = db('tea.db');
    writeTeaMentions(join(tmp.dir, 'tea.jsonl'));
    const run = (args: string[]) => runCli(['--db', store, ...args], { cwd: tmp.dir });
    expect((await run(['import', 'tea.jsonl', '--brand', 'Kettleby', '--no-analyze'])).code).toBe(0);
    const pending = JSON.parse((await run(['status', '--format', 'json'])).stdout);
    expect(pending).toMatchObject({ totalMentions: 30 });
    const analysed = await run(['analyze', '--workers', '0']);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(analysed.stderr).toMatch(/\b30\b/);
    const found = await run(['search', 'plastic', '--format', 'json']);
    expect(found.code, found.stderr).toBe(0);
    const hits = JSON.parse(found.stdout) as Array<{ id: string }>;
    expect(hits.map((h) => h.id).sort()).toEqual(['t0', 't12', 't15', 't18', 't21', 't24', 't27', 't3', 't6', 't9']);
    const labelled = await run(['label', 'reddit:t0', 'positive']);
    expect(labelled.code, labelled.stderr).toBe(0);
    const labels = await run(['export', '--search', 'plastic', '--format', 'jsonl', '--columns', 'id,sentiment_label']);
    expect(labels.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.sentiment_label === 'positive'))
      .toEqual([{ id: 't0', sentiment_label: 'positive' }]);
    expect((await run(['label', 'reddit:t0', 'furious'])).code).toBe(2);
    const missing = await run(['label', 'nope', 'negative']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const report = await run(['report', '--brand', 'Kettleby', '--format', 'json', '--min-mentions', '2']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ brand: 'Kettleby' });
  }, 60_000);

  it('exits 0 with a summary when some rows are bad, 1 with --strict or when none are good', async () => {
    writeFileSync(join(tmp.dir, 'mixed.jsonl'), '{"id":"1","source":"x","created_at":"2026-11-20","text":"ok"}\n{"id":"2"}\n');
    const exitDb = db('exit.db');
    const mixed = await runCli(['--db', exitDb, 'import', 'mixed.jsonl', '--brand', 'A', '--no-analyze'], { cwd: tmp.dir });
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toContain('line 2: missing required field "source"');
    expect(mixed.stderr).toContain('0 new, 1 updated, 1 rejected'.replace('0 new, 1 updated', '1 new, 0 updated'));
    const strict = await runCli(['--db', exitDb, 'import', 'mixed.jsonl', '--brand', 'A', '--strict', '--no-analyze'], { cwd: tmp.dir });
    expect(strict.code).toBe(1);
    writeFileSync(join(tmp.dir, 'bad.jsonl'), '{"id":"2"}\n');
    const bad = await runCli(['--db', exitDb, 'import', 'bad.jsonl'], { cwd: tmp.dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^earshot: no mention in bad\.jsonl could be imported — /m);
  });

  it('prints usage errors and user errors as one line, without a stack trace', async () => {
    const usage = await runCli(['import'], { cwd: tmp.dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = await runCli(['frobnicate'], { cwd: tmp.dir });
    expect(unknown.code).toBe(2);
    const badFlag = await runCli(['--db', db('empty.db'), 'report', '--window', '2x'], { cwd: tmp.dir });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/^earshot: --window "2x" is not a duration — /);
    const missing = await runCli(['--db', db('x.db'), 'import', 'nope.jsonl'], { cwd: tmp.dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('earshot: cannot read nope.jsonl: no such file — check the path\n');
    const badConfig = await runCli(['status'], { cwd: tmp.dir, env: { EARSHOT_CONFIG: 'none.json' } });
    expect(badConfig.stderr).not.toMatch(/\n\s+at /);
  });

  it('init writes a 0600 config that then validates; a second init refuses to overwrite', async () => {
    const dir = makeTempDir();
    const first = await runCli(['init'], { cwd: dir.dir });
    expect(first.code).toBe(0);
    expect(statSync(join(dir.dir, 'earshot.config.json')).mode & 0o777).toBe(0o600);
    // the store comes from EARSHOT_DB when --db is not given (status only reads: analyze creates it)
    const env = { EARSHOT_DB: backend.fresh(dir.dir, 'earshot.db') };
    expect((await runCli(['status'], { cwd: dir.dir, env })).stderr).toMatch(/no earshot (database|store) at /);
    expect((await runCli(['analyze'], { cwd: dir.dir, env })).code).toBe(0);
    expect((await runCli(['status'], { cwd: dir.dir, env })).code).toBe(0);
    const second = await runCli(['init'], { cwd: dir.dir });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists — pass --force/);
    dir.cleanup();
  });

  it('never prints or stores secrets, even with --debug', async () => {
    const token = 'XTOKEN-abcdef-0123456789';
    const secret = 'reddit-secret-9876543210';
    writeFileSync(join(tmp.dir, 'sec.config.json'), JSON.stringify({ sources: { reddit: { clientSecret: secret, clientId: 'cid-1234' } } }), { mode: 0o600 });
    writeFileSync(join(tmp.dir, 'sec.jsonl'), '{"id":"1","source":"x","created_at":"2026-11-20","text":"hello","brand":"A"}\n');
    const env = { EARSHOT_X_BEARER_TOKEN: token, EARSHOT_CONFIG: 'sec.config.json' };
    const secDb = db('sec.db');
    const runs = await Promise.all([
      runCli(['--debug', '--db', secDb, 'import', 'sec.jsonl'], { cwd: tmp.dir, env }),
      runCli(['--debug', '--db', secDb, 'status', '--format', 'json'], { cwd: tmp.dir, env }),
    ]);
    const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(printed).toContain('[debug]');
    expect(printed).toContain('[redacted]');
    const stored = await backend.storedText(tmp.dir, secDb);
    expect(stored).toContain('hello');
    for (const value of [token, secret]) {
      expect(printed).not.toContain(value);
      expect(stored).not.toContain(value);
    }
  });
});
