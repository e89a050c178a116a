import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMentionRecord } from '../../src/ingest/parse-row.js';
import { makeTempDir, runCli } from '../support/cli.js';

const tmp = makeTempDir('earshot-brand-name-');
afterAll(() => tmp.cleanup());

const row = (brand: unknown, id = '1') => ({ id, source: 'x', created_at: '2026-11-20T10:00:00Z', text: 'hi', brand });
const REASON = /^brand ".*" is refused: a brand name is one line of at most 100 characters, with no control characters$/;

describe('brand names from imported rows', () => {
  it('refuses control characters, line breaks, bidi controls and names over 100 characters, with one reason', () => {
    for (const brand of ['Acme\nrm -rf', 'Ac\rme', 'Ac\u0000me', 'Ac\u001bme', 'Acme\u2028x', 'Acme\u202eemca', 'Ac\tme', 'x'.repeat(101), '🍮'.repeat(101)]) {
      const parsed = parseMentionRecord(row(brand));
      expect(parsed.ok, JSON.stringify(brand)).toBe(false);
      expect(!parsed.ok && parsed.reason).toMatch(REASON);
      expect(!parsed.ok && parsed.reason).not.toMatch(/[\n\r\u0000\u001b\u2028\u202e]/);
    }
    // odd but printable names stay: quoting makes them safe wherever a command line shows them
    for (const brand of ['Acme $(touch pwned)', 'O\'Brien "x" `id`', 'Crème Brûlée 🍮', 'x'.repeat(100), '🍮'.repeat(100), '  Acme  ']) {
      expect(parseMentionRecord(row(brand)), JSON.stringify(brand)).toMatchObject({ ok: true, mention: { brand: brand.trim() } });
    }
  });

  it('import stores the good rows around a refused one and names its line; a bad --brand is a usage error', async () => {
    const rows = [row('Acme', 'a'), row('Acme\nInjected', 'b'), row('Acme', 'c')];
    writeFileSync(join(tmp.dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const imported = await runCli(['--db', 'b.db', 'import', 'rows.jsonl', '--no-analyze'], { cwd: tmp.dir });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/line 2: brand "Acme\\u000aInjected" is refused: a brand name is one line/);
    expect(imported.stderr).toMatch(/2 new, 0 updated, 1 rejected/);
    const flag = await runCli(['--db', 'b.db', 'import', 'rows.jsonl', '--brand', 'Acme\u001b[31m'], { cwd: tmp.dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^earshot: --brand: brand "Acme\\u001b\[31m" is refused/);
    expect(flag.stderr.trim().split('\n')).toHaveLength(1);
  });
});
