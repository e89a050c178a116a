import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importMentions, type ImportSummary } from '../../src/core/import.js';
import { parseMentionRecord } from '../../src/ingest/parse-row.js';
import { openInput, readRecords, type ImportFormat } from '../../src/ingest/readers.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/** Issue 15 #4, #6, #7 and #13: whatever bytes a file holds, every row is stored exactly or reported with its number. */
const H = 'id,source,created_at,text,brand';
const row = (i: number, text = `tea ${i}`) => `${i},x,2026-11-${10 + i}T10:00:00Z,${text},Acme`;
const bytes = (text: string) => Buffer.from(text, 'latin1');

const backends = await storeBackends();
describe.each(backends)('import of awkward files ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  let store: Store;
  beforeEach(() => { store = current(); });
  const load = (input: Buffer | string, format: ImportFormat, encoding?: string): Promise<ImportSummary> =>
    importMentions(store, readRecords(Readable.from([typeof input === 'string' ? Buffer.from(input) : input]), format, encoding), { batchSize: 2 });
  const stored = async () => {
    const rows: Array<{ id: string; text: string }> = [];
    for await (const r of store.exportMentions({})) rows.push(r);
    return rows;
  };
  const ids = async () => (await stored()).map((m) => m.id).sort();
  const texts = async () => Object.fromEntries((await stored()).map((m) => [m.id, m.text]));

  it('reads CSV with mixed CRLF and LF line endings, every row', async () => {
    const summary = await load(`${H}\r\n${row(1)}\r\n${row(2)}\n${row(3)}\r\n${row(4)}\r\n`, 'csv');
    expect(summary).toMatchObject({ read: 4, inserted: 4, rejected: 0 });
    expect(await ids()).toEqual(['1', '2', '3', '4']);
    expect((await load(`${H}\r${row(5)}\r${row(6)}\n`, 'csv')).inserted).toBe(2);
  });

  it('numbers rows as a spreadsheet does after a bad row and a multi-line cell, and keeps the good rows after it', async () => {
    const csv = [H, row(1), row(2, '"two\nlines"'), row(3), '5,x,2026-11-15T10:00:00Z,bad,Acme,extra column', row(6, 'fine'),
      '7,x,not-a-date,tea 7,Acme', row(8, 'a "quoted" word'), ''].join('\n');
    const summary = await load(csv, 'csv');
    expect(summary.rejections).toEqual([
      { line: 5, reason: expect.stringMatching(/^bad CSV: columns length is 5, got 6/) },
      { line: 7, reason: expect.stringMatching(/created_at "not-a-date"/) },
    ]);
    expect(await ids()).toEqual(['1', '2', '3', '6', '8']);
    expect((await texts())['8']).toBe('a "quoted" word');
  });

  it('reports an unclosed quote at its own row, keeping the rows before it', async () => {
    const summary = await load([H, row(1), row(2), row(3), '5,x,2026-11-15T10:00:00Z,"never closed,Acme', row(6), ''].join('\r\n'), 'csv');
    expect(summary.rejections).toEqual([{ line: 5, reason: expect.stringMatching(/Quote Not Closed.*the rest of the file was not read/) }]);
    expect(await ids()).toEqual(['1', '2', '3']);
  });

  it('refuses rows that are not UTF-8 with their number, and reads them with --encoding', async () => {
    const csv = bytes(`${H}\n${row(1)}\n2,x,2026-11-12T10:00:00Z,caf\xe9,Acme\n${row(3)}\n`);
    const strict = await load(csv, 'csv');
    expect(strict.rejections).toEqual([{ line: 3, reason: expect.stringMatching(/^not valid UTF-8 .* --encoding latin1/) }]);
    expect(await ids()).toEqual(['1', '3']);
    expect((await load(csv, 'csv', 'latin1')).rejected).toBe(0);
    expect((await texts())['2']).toBe('café');
    const jsonl = Buffer.concat([Buffer.from('{"id":"j1","source":"x","created_at":"2026-11-20","text":"tea","brand":"A"}\n'),
      Buffer.from('{"id":"j2","source":"x","created_at":"2026-11-20","text":"caf'), Buffer.from([0xe9]), Buffer.from('","brand":"A"}\n')]);
    expect((await load(jsonl, 'jsonl')).rejections).toEqual([{ line: 2, reason: expect.stringMatching(/^not valid UTF-8/) }]);
  });

  it('keeps a real U+FFFD in a UTF-8 file, and never merges ids that differ by a lone surrogate', async () => {
    expect((await load(`${H}\n${row(1, 'tea \uFFFD replacement')}\n`, 'csv')).inserted).toBe(1);
    const lone = ['"\\ud800"', '"\\ud801"', '"\\udfff"'].map((id) => `{"id":${id},"source":"x","created_at":"2026-11-20","text":"tea","brand":"A"}`).join('\n');
    const summary = await load(lone, 'jsonl');
    expect(summary.inserted).toBe(0);
    expect(summary.rejections.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(summary.rejections[0]!.reason).toMatch(/lone UTF-16 surrogate/);
    expect(await ids()).toEqual(['1']);
  });
});

describe('import row values that are nonsense (issue 15 #13)', () => {
  const good = { id: '1', source: 'x', created_at: '2026-11-20T10:00:00Z', text: 'hi', brand: 'Acme' };
  it.each([
    [{ brand: '   ' }, /"brand" is blank/],
    [{ brand: undefined }, /no brand/],
    [{ likes: 1e300 }, /metric "likes" is 1e\+300, beyond ±9007199254740991/],
    [{ metrics: { reposts: 2 ** 53 + 2 } }, /metric "reposts" is 9007199254740994, beyond/],
    [{ score: '9007199254740993' }, /metric "score" is 9007199254740993, beyond/],
    [{ id: 1.5 }, /^id 1\.5 is not a whole number; write ids as strings$/],
    [{ id: 2 ** 60 }, /too large to keep exactly/],
  ])('%j is refused', (change, reason) => {
    const result = parseMentionRecord({ ...good, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
  it('keeps a negative score and the largest exact count', () => {
    expect(parseMentionRecord({ ...good, score: -5, likes: 2 ** 53 - 1 })).toMatchObject({ ok: true, mention: { metrics: { score: -5, likes: 2 ** 53 - 1 } } });
    expect(parseMentionRecord({ ...good, brand: '  Acme ' })).toMatchObject({ ok: true, mention: { brand: 'Acme' } });
  });
});

describe('import of a folder (issue 15 #7)', () => {
  const tmp = makeTempDir('earshot-folder-');
  afterAll(() => tmp.cleanup());
  it('is one line and exit 1, for every way of naming it, and creates no database', async () => {
    for (const name of ['d.csv', 'd.jsonl', 'plain-folder']) mkdirSync(join(tmp.dir, name));
    await expect(openInput(join(tmp.dir, 'd.csv'))).rejects.toThrow(/is a folder/);
    for (const args of [['import', 'd.csv'], ['import', 'd.jsonl'], ['import', 'plain-folder', '--format', 'csv']]) {
      const result = await runCli(['--db', 'f.db', ...args], { cwd: tmp.dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/^earshot: cannot read [\w.-]+: it is a folder, not a file — [^\n]+\n$/);
    }
    writeFileSync(join(tmp.dir, 'x.csv'), `${H}\n${row(1)}\n`);
    const blank = await runCli(['--db', 'f.db', 'import', 'x.csv', '--brand', '  '], { cwd: tmp.dir });
    expect(blank.code).toBe(2);
    const encoding = await runCli(['--db', 'f.db', 'import', 'x.csv', '--encoding', 'klingon'], { cwd: tmp.dir });
    expect(encoding).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown encoding "klingon"/) });
  });
});
