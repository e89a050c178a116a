import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_BRANDS } from '../../src/tools/bench/corpus.js';
import { describeRealCorpus, readRealTexts, writeRealCorpus } from '../../src/tools/bench/real-corpus.js';

// a tiny stand-in for ../shared/data, one file of each kind the real corpus reads
const root = mkdtempSync(join(tmpdir(), 'earshot-real-corpus-'));
const put = (path: string, body: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), body);
};
put('sentiment/semeval2013-2016-train/train_text.txt', 'the kettle sings at dawn\nrainy walk, warm scones\n\nparcel came early, nice\n');
put('complaints/made-up/data.jsonl', `${JSON.stringify({ id: 'c1', text: 'my order is three weeks late', label: 1 })}\n${JSON.stringify({ id: 'c2', text: 'refund still missing\nsecond line', label: 1 })}\n`);
put('multilingual/umsab/german/train.jsonl', `${JSON.stringify({ text: 'Der Zug ist wieder zu spät', label: 0 })}\n`);
put('multilingual/umsab/german/val.jsonl', `${JSON.stringify({ text: 'not read: only train files are', label: 0 })}\n`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const spec = (n: number) => ({ n, end: new Date('2026-11-20T12:00:00Z'), days: 30, brands: BENCH_BRANDS, seed: 7 });
const rowsOf = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);

describe('the real-text bench corpus', () => {
  it('reads every set, skipping blank texts and non-training files', () => {
    const real = readRealTexts(root);
    expect(real.sources).toEqual([
      { name: 'sentiment/semeval2013-2016-train', count: 3 },
      { name: 'complaints/made-up', count: 2 },
      { name: 'multilingual/umsab/german/train.jsonl', count: 1 },
    ]);
    expect(real.langs.filter((l) => l === 'de')).toHaveLength(1);
  });

  it('writes the requested count, the same bytes twice, each text once while texts last', async () => {
    const real = readRealTexts(root);
    const a = join(root, 'a.jsonl');
    const b = join(root, 'b.jsonl');
    const first = await writeRealCorpus(a, spec(6), real, 4);
    await writeRealCorpus(b, spec(6), real);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
    const rows = rowsOf(a);
    expect(rows).toHaveLength(6);
    expect(first).toMatchObject({ distinct: 6, repeated: 0, sample: rows.slice(0, 4).map((r) => r.text) });
    expect(new Set(rows.map((r) => r.text))).toEqual(new Set(real.texts));
    expect(rows.map((r) => r.created_at)).toEqual(rows.map((r) => r.created_at).sort());
  });

  it('repeats texts with a small variation only past the texts there are, and says so', async () => {
    const real = readRealTexts(root);
    const file = join(root, 'many.jsonl');
    const corpus = await writeRealCorpus(file, spec(40), real, 0);
    const rows = rowsOf(file);
    expect(rows).toHaveLength(40);
    expect(corpus.repeated).toBe(34);
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    // the varied repeats start with an original text
    for (const r of rows.slice(6)) expect(real.texts.some((t) => r.text!.startsWith(t) && r.text !== t)).toBe(true);
    expect(new Set(rows.map((r) => r.brand)).size).toBeGreaterThan(1);
    expect(describeRealCorpus(real, corpus, 40)).toContain('34 of 40 rows repeat a text');
  });
});
