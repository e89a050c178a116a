import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-competitors-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();
const HOUR = 3_600_000;

const config = {
  brands: [{ name: 'Kettleby Tea', aliases: ['@KettlebyTea'] }, { name: 'Clipper Teas', aliases: ['@ClipperTeas'] }],
  compare: [{ name: 'tea market', brands: ['Kettleby Tea', 'Clipper Teas'] }],
};

/** Quiet baseline chatter per brand, and a burst about plastic lids in the last day, as of the fixed "now". */
function rows(brand: string, prefix: string, quiet: number) {
  const out = [];
  for (let i = 0; i < quiet; i++) {
    out.push({ id: `${prefix}${i}`, source: 'x', created_at: new Date(TEST_NOW - (3 + i) * 24 * HOUR - 5 * HOUR).toISOString(),
      author: `${prefix}fan${i}`, text: `a calm cup of ${brand} tea this morning ${i}`, brand });
  }
  return out;
}
const shared = Array.from({ length: 8 }, (_, i) => ({
  id: `shared${i}`, source: 'x', created_at: new Date(TEST_NOW - (2 + i) * HOUR).toISOString(), author: `both${i}`,
  text: `plastic lid cracked again on my caddy ${i}, so annoying`,
}));

for (const backend of backends) describe.skipIf(!backend.available)(`competitors through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('a post found for two brands is stored once and counted once per brand in status, report, export, search and compare', async () => {
    const db = backend.fresh(tmp.dir, 'competitors.db');
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify(config));
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    const lines = (list: object[]) => `${list.map((r) => JSON.stringify(r)).join('\n')}\n`;
    writeFileSync(join(tmp.dir, 'k.jsonl'), lines([...rows('Kettleby Tea', 'k', 10), ...shared.map((r) => ({ ...r, brand: 'Kettleby Tea' }))]));
    // the same posts found again by the rival's query, and one post that names both brands
    writeFileSync(join(tmp.dir, 'c.jsonl'), lines([...rows('Clipper Teas', 'c', 4), ...shared.map((r) => ({ ...r, brand: 'Clipper Teas' })),
      { id: 'switch', source: 'x', created_at: new Date(TEST_NOW - 30 * HOUR).toISOString(), author: 'sam',
        text: 'switched from @KettlebyTea to Clipper Teas, the Kettleby lids keep cracking', brand: 'Clipper Teas' }]));
    for (const file of ['k.jsonl', 'c.jsonl']) {
      const imported = await run(['import', file]);
      expect(imported.code, imported.stderr).toBe(0);
    }

    const status = JSON.parse((await run(['status', '--format', 'json'])).stdout) as { rows: Array<{ brand: string; mentions: number }>; totalMentions: number };
    expect(status.rows.map((r) => [r.brand, r.mentions])).toEqual([['Clipper Teas', 13], ['Kettleby Tea', 19]]);
    expect(status.totalMentions).toBe(23); // 10 + 4 + 8 shared + 1 naming both: stored once each

    const exported = await run(['export', '--format', 'jsonl', '--columns', 'id,brand,topics']);
    const rowsOut = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; brand: string; topics: string });
    expect(rowsOut.filter((r) => r.id === 'shared0').map((r) => r.brand)).toEqual(['Clipper Teas', 'Kettleby Tea']);
    const switched = new Map(rowsOut.filter((r) => r.id === 'switch').map((r) => [r.brand, r.topics]));
    // each brand's own name is removed from its topics; the rival's name stays
    expect(switched.get('Clipper Teas')).toMatch(/kettleby/i);
    expect(switched.get('Kettleby Tea')).toMatch(/clipper/i);
    expect(switched.get('Kettleby Tea')).not.toMatch(/kettleby/i);

    for (const brand of ['Kettleby Tea', 'Clipper Teas']) {
      const found = JSON.parse((await run(['search', 'plastic', '--brand', brand, '--format', 'json'])).stdout) as unknown[];
      expect(found, brand).toHaveLength(8);
      const exportedBrand = await run(['export', '--brand', brand, '--search', 'plastic', '--format', 'jsonl', '--columns', 'id']);
      expect(exportedBrand.stdout.trim().split('\n'), brand).toHaveLength(8);
      const report = await run(['report', '--brand', brand, '--min-mentions', '3', '--format', 'json']);
      expect(report.code, report.stderr).toBe(0);
      // the report's window counts the shared posts for each brand (and the post naming both for both)
      const totals = (JSON.parse(report.stdout) as { totals: { windowMentions: number } }).totals;
      expect(totals.windowMentions, brand).toBe(9);
    }

    const compared = await run(['compare', '--set', 'tea market', '--since', '7d', '--format', 'json']);
    expect(compared.code, compared.stderr).toBe(0);
    const c = JSON.parse(compared.stdout) as { brands: Array<{ brand: string; mentions: number; shareOfMentions: number }> };
    // 7 days: each brand's 4 quiet posts inside it + the 8 shared + the post naming both
    expect(c.brands.map((b) => [b.brand, b.mentions])).toEqual([['Kettleby Tea', 13], ['Clipper Teas', 13]]);
    expect(c.brands.reduce((n, b) => n + b.shareOfMentions, 0)).toBeCloseTo(1, 2);
  });
});
