import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../support/cli.js';
import { peakRss, writeMentionsJsonl } from '../support/memory.js';

const importText = (i: number) => `mention ${i} about tea bags and plastic, pretty long text to look like a real post #${i % 50}`;

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('earshot CLI (built binary)', () => {
  beforeAll(async () => {
    await writeMentionsJsonl(join(tmp.dir, 'small.jsonl'), 10_000, importText);
    await writeMentionsJsonl(join(tmp.dir, 'big.jsonl'), 100_000, importText);
  });

  it('imports 100k JSONL rows in bounded memory', async () => {
    const small = await peakRss(tmp.dir, ['--db', 'mem-small.db', 'import', 'small.jsonl', '--brand', 'Acme', '--no-analyze']);
    const big = await peakRss(tmp.dir, ['--db', 'mem-big.db', 'import', 'big.jsonl', '--brand', 'Acme', '--no-analyze']);
    expect(big).toBeLessThan(250);
    // constant memory: ten times the rows may not cost much more than the small file
    expect(big - small).toBeLessThan(60);
    const status = await runCli(['--db', 'mem-big.db', 'status', '--format', 'json'], { cwd: tmp.dir });
    expect(JSON.parse(status.stdout).totalMentions).toBe(100_000);
  }, 120_000);

  it('exits 0 with a summary when some rows are bad, 1 with --strict or when none are good', async () => {
    writeFileSync(join(tmp.dir, 'mixed.jsonl'), '{"id":"1","source":"x","created_at":"2026-11-20","text":"ok"}\n{"id":"2"}\n');
    const mixed = await runCli(['--db', 'exit.db', 'import', 'mixed.jsonl', '--brand', 'A', '--no-analyze'], { cwd: tmp.dir });
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toContain('line 2: missing required field "source"');
    expect(mixed.stderr).toContain('0 new, 1 updated, 1 rejected'.replace('0 new, 1 updated', '1 new, 0 updated'));
    const strict = await runCli(['--db', 'exit.db', 'import', 'mixed.jsonl', '--brand', 'A', '--strict', '--no-analyze'], { cwd: tmp.dir });
    expect(strict.code).toBe(1);
    writeFileSync(join(tmp.dir, 'bad.jsonl'), '{"id":"2"}\n');
    const bad = await runCli(['--db', 'exit.db', 'import', 'bad.jsonl'], { cwd: tmp.dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^earshot: no mention in bad\.jsonl could be imported — /m);
  });

  it('prints usage errors and user errors as one line, without a stack trace', async () => {
    const usage = await runCli(['import'], { cwd: tmp.dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = await runCli(['frobnicate'], { cwd: tmp.dir });
    expect(unknown.code).toBe(2);
    const badFlag = await runCli(['--db', 'empty.db', 'report', '--window', '2x'], { cwd: tmp.dir });
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/^earshot: --window "2x" is not a duration — /);
    const missing = await runCli(['--db', 'x.db', 'import', 'nope.jsonl'], { cwd: tmp.dir });
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
    expect((await runCli(['status'], { cwd: dir.dir })).code).toBe(0);
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
    const runs = await Promise.all([
      runCli(['--debug', '--db', 'sec.db', 'import', 'sec.jsonl'], { cwd: tmp.dir, env }),
      runCli(['--debug', '--db', 'sec.db', 'status', '--format', 'json'], { cwd: tmp.dir, env }),
    ]);
    const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(printed).toContain('[debug]');
    expect(printed).toContain('[redacted]');
    const db = readFileSync(join(tmp.dir, 'sec.db')).toString('latin1') + readFileSync(join(tmp.dir, 'sec.db-wal'), { flag: 'a+' }).toString('latin1');
    for (const value of [token, secret]) {
      expect(printed).not.toContain(value);
      expect(db).not.toContain(value);
    }
  });
});
