import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closestNames } from '../../src/cli/names.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

/** Issue 27: a typo in a brand, a source or a time range is an error with a hint, never an empty answer with exit 0. */

const tmp = makeTempDir('earshot-typos-');
const backends = await cliBackends();
const HOUR = 3_600_000;
afterAll(() => tmp.cleanup());

const rows = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: `f${i}`, source: 'x', brand: 'Fernwood Coffee', author: `a${i}`, text: `fernwood coffee beans ${i}`,
    created_at: new Date(TEST_NOW - (5 + i) * 24 * HOUR).toISOString() })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, source: 'trustpilot', brand: 'Brindle Tea', author: `b${i}`, text: `brindle tea leaves ${i}`,
    created_at: new Date(TEST_NOW - (5 + i) * 24 * HOUR).toISOString() })),
];

describe('closestNames', () => {
  it('finds near misses, case-insensitively, closest first; nothing for a word far from every name', () => {
    expect(closestNames('Fernwod Coffee', ['Brindle Tea', 'Fernwood Coffee'])).toEqual(['Fernwood Coffee']);
    expect(closestNames('hackrnews', ['x', 'reddit', 'hackernews'])).toEqual(['hackernews']);
    expect(closestNames('brindle', ['Brindle Tea', 'Fernwood Coffee'])).toEqual(['Brindle Tea']);
    expect(closestNames('Nope', ['Brindle Tea', 'Fernwood Coffee'])).toEqual([]);
  });
});

for (const backend of backends) describe.skipIf(!backend.available)(`typos through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('unknown brands and sources and a reversed range are one-line errors with the closest names', async () => {
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Fernwood Coffee' }, { name: 'Brindle Tea' }, { name: 'Quiet Brand' }] }));
    writeFileSync(join(tmp.dir, 'rows.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const db = backend.fresh(tmp.dir, 'typos.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    expect((await run(['import', 'rows.jsonl'])).code).toBe(0);
    const fails = async (args: string[], code: number, message: RegExp) => {
      const r = await run(args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([code, '']);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    };
    await fails(['export', '--brand', 'Fernwod Coffee'], 1, /^earshot: no brand "Fernwod Coffee" in the store or the config — did you mean 'Fernwood Coffee'\?/);
    await fails(['search', 'coffee', '--brand', 'Fernwod Coffee'], 1, /did you mean 'Fernwood Coffee'\?/);
    await fails(['status', '--brand', 'brindel tea'], 1, /did you mean 'Brindle Tea'\?/);
    await fails(['report', '--brand', 'Fernwod Coffee'], 1, /no mentions stored for brand "Fernwod Coffee" — did you mean 'Fernwood Coffee'\?/);
    await fails(['compare', '--brands', 'Fernwood Coffee,Nope'], 1, /no brand "Nope" in the store or the config — known brands: /);
    await fails(['export', '--source', 'twitter'], 2, /unknown source "twitter" — the source is x: --source x/);
    await fails(['report', '--brand', 'Fernwood Coffee', '--source', 'hackrnews'], 2, /did you mean hackernews\?/);
    await fails(['scan', '--source', 'twitter'], 2, /the source is x/);
    await fails(['export', '--since', '2026-11-20', '--until', '2026-11-10'], 2, /--since must be before --until/);
    await fails(['search', 'coffee', '--since', '2026-11-20', '--until', '2026-11-10'], 2, /--since must be before --until/);

    // what is right still works: an imported source name, a configured brand with nothing stored, any case
    const imported = await run(['export', '--source', 'trustpilot', '--columns', 'id']);
    expect([imported.code, imported.stdout]).toEqual([0, 'id\r\nb3\r\nb2\r\nb1\r\nb0\r\n']);
    expect((await run(['export', '--brand', 'Quiet Brand', '--columns', 'id'])).stdout).toBe('id\r\n');
    expect((await run(['status', '--brand', 'fernwood coffee', '--format', 'json'])).stdout).toContain('"brand": "Fernwood Coffee"');
  });

  it('a --since duration counts back from --until', async () => {
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Fernwood Coffee' }, { name: 'Brindle Tea' }] }));
    const db = backend.fresh(tmp.dir, 'range.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    expect((await run(['import', 'rows.jsonl'])).code).toBe(0);
    const compared = await run(['compare', '--since', '14d', '--until', '2026-11-20', '--format', 'json']);
    expect(compared.code, compared.stderr).toBe(0);
    expect(JSON.parse(compared.stdout).period).toEqual({ from: '2026-11-06T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' });
  });

  it('scan and run name the configured brands; inbox and ideas read --since/--until as every command does', async () => {
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands: [{ name: 'Fernwood Coffee' }, { name: 'Brindle Tea' }] }));
    writeFileSync(join(tmp.dir, 'rows.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const db = backend.fresh(tmp.dir, 'scan-names.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    for (const command of ['scan', 'run']) {
      const r = await run([command, '--brand', 'Fernwod Coffee']);
      expect([r.code, r.stdout, r.stderr]).toEqual([2, '', "earshot: no brand \"Fernwod Coffee\" in the config — one of: 'Fernwood Coffee', 'Brindle Tea'\n"]);
    }
    expect((await run(['import', 'rows.jsonl'])).code).toBe(0);
    for (const command of ['inbox', 'ideas']) {
      const r = await run([command, '--brand', 'Fernwood Coffee', '--since', '2026-11-20', '--until', '2026-11-10']);
      expect([r.code, r.stdout], command).toEqual([2, '']);
      expect(r.stderr, command).toMatch(/^earshot: --since must be before --until/);
    }
  });
});
