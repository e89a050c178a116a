import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-langs-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();

const POSTS: Array<[string, string | null]> = [
  ['the kettle stopped working after two days and support never answered', null],
  ['my new kettle is great, boils in a minute', null],
  ['La tetera llegó rota y nadie contesta, pésimo servicio', null],
  ['Me encanta la tetera nueva, gracias por el envío rápido', null],
  ['De waterkoker is na twee dagen kapot gegaan', null],
  ['Hervidor nuevo', 'es'], // too short to detect: the source's tag says
];

for (const backend of backends) describe.skipIf(!backend.available)(`post languages through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('import analyses each post in its language; status counts languages and unscored posts; export and search filter by --lang', async () => {
    const db = backend.fresh(tmp.dir, 'langs.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writeFileSync(join(tmp.dir, 'kettles.jsonl'), POSTS.map(([text, lang], i) => JSON.stringify({
      id: `k${i}`, source: 'x', created_at: new Date(TEST_NOW - (i + 1) * 3_600_000).toISOString(), author: `user${i}`, text, ...(lang ? { lang } : {}),
    })).join('\n') + '\n');
    const imported = await run(['import', 'kettles.jsonl', '--brand', 'Kettly']);
    expect(imported.code, imported.stderr).toBe(0);

    const status = await run(['status', '--format', 'table']);
    expect(status.code, status.stderr).toBe(0);
    // Spanish has sentiment and the complaint cues (issue 32): fully scored, nothing "sentiment only"
    expect(status.stdout).toContain('Languages (analysed): es 3, en 2, nl 1 (1 unscored)');
    expect(status.stdout).toContain('1 analysed mention(s) are in a language earshot has no model for');

    const exported = await run(['export', '--format', 'jsonl', '--lang', 'es,nl']);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.id, r.lang, r.is_complaint]).sort()).toEqual([['k2', 'es', true], ['k3', 'es', false], ['k4', 'nl', null], ['k5', 'es', false]]);
    // no intent heads in Spanish: its question score is unknown, not 0
    expect([rows.find((r) => r.id === 'k2')!.question, rows.find((r) => r.id === 'k2')!.is_question]).toEqual([null, null]);
    expect(rows.find((r) => r.id === 'k4')!.sentiment_label).toBeNull();
    expect(rows.find((r) => r.id === 'k2')!.sentiment_label).toBe('negative');

    const searched = await run(['search', 'tetera', '--lang', 'es', '--format', 'json']);
    expect(searched.code, searched.stderr).toBe(0);
    expect((JSON.parse(searched.stdout) as Array<{ id: string }>).map((m) => m.id).sort()).toEqual(['k2', 'k3']);

    const bad = await run(['export', '--lang', 'spanish']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')[0]).toMatch(/--lang takes two-letter language codes, not "spanish"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
