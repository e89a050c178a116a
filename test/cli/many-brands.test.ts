import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manyBrands } from '../../src/tools/bench/many-brands.js';
import { makeTempDir, runCli } from '../support/cli.js';

const tmp = makeTempDir('earshot-brands-');
afterAll(() => tmp.cleanup());

describe('a config of 10,000 brands (built binary)', () => {
  // one regex per name and alias (30,000) ran V8 out of memory compiling them, or took ~1 s a row
  it('imports, and links rows to the brands they name', async () => {
    const brands = manyBrands(10_000);
    expect(brands).toHaveLength(10_000);
    writeFileSync(join(tmp.dir, 'earshot.config.json'), JSON.stringify({ brands }));
    const last = brands[9_999]!;
    const rows = [...Array.from({ length: 200 }, (_, i) => ({ id: `bulk-${i}`, source: 'x', created_at: '2026-11-20T09:00:00Z', text: `a row about ${brands[i * 37]!.name} and its rivals`, brand: brands[3]!.name })),
      { id: '1', source: 'x', created_at: '2026-11-20T10:00:00Z', text: `switched from ${brands[0]!.name} to ${last.aliases[1]}`, brand: brands[5]!.name },
      { id: '2', source: 'x', created_at: '2026-11-20T10:01:00Z', text: `${last.name.toUpperCase()} again`, brand: brands[1]!.name },
      { id: '3', source: 'x', created_at: '2026-11-20T10:02:00Z', text: 'nothing to see', brand: brands[2]!.name },
    ];
    writeFileSync(join(tmp.dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const imported = await runCli(['--db', 'b.db', 'import', 'rows.jsonl', '--no-analyze'], { cwd: tmp.dir });
    expect(imported.stderr).toMatch(/203 new, 0 updated, 0 rejected/);
    expect(imported.code).toBe(0);
    const exported = await runCli(['--db', 'b.db', 'export', '--format', 'jsonl', '--brand', last.name], { cwd: tmp.dir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id).sort()).toEqual(['1', '2']);
  }, 120_000);
});
