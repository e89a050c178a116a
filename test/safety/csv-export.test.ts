import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportMentions } from '../../src/core/export.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { neutraliseCell } from '../../src/report/csv.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/** Issue 15 #1: a bare line feed or carriage return in a cell must not end the record, and no line of a cell may start a formula. */
const mention = (id: string, text: string): MentionInput => ({ id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text, author: 'amy' });

class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) { this.chunks.push(Buffer.from(chunk)); done(); }
  get text() { return Buffer.concat(this.chunks).toString('utf8'); }
}

/** As a spreadsheet reads CSV: any of CRLF, LF or CR ends a record outside quotes. */
const readAsSpreadsheet = (csv: string) => parse(csv, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
const FORMULA_LINE = /^\r|(^|\r\n|\n|\r)[=+\-@\t]/;

const backends = await storeBackends();
describe.each(backends)('CSV export of multi-line text ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  let store: Store;
  beforeEach(() => { store = current(); });
  const csvOf = async () => {
    const sink = new Sink();
    await exportMentions(store, {}, sink, { format: 'csv', columns: ['id', 'text', 'author'] });
    return sink.text;
  };

  it('quotes every cell holding \\n or \\r, so each mention is one record of the right width', async () => {
    const texts = ['ok tea\n=1+1', 'cr only\r+SUM(1)', 'two\n\nblank lines', 'crlf\r\n@here', 'plain'];
    await store.upsertMentions(texts.map((t, i) => mention(String(9001 + i), t)));
    const csv = await csvOf();
    expect(csv).toContain('"ok tea\n\'=1+1"');
    const records = readAsSpreadsheet(csv);
    expect(records).toHaveLength(texts.length + 1);
    expect(records.every((r) => r.length === 3)).toBe(true);
    expect(records.slice(1).map((r) => r[1])).toEqual(texts.map(neutraliseCell));
    for (const [, text] of records.slice(1)) expect(text).not.toMatch(FORMULA_LINE);
  });

  it('holds for random text with line breaks and formula starts (fuzz)', async () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', '=', '+', '-', '@', '\t', '"', ',', 'tea', ' ', '🫖', "'");
    const texts = fc.sample(fc.array(piece, { minLength: 1, maxLength: 12 }).map((p) => p.join('')), { numRuns: 300, seed: 15 })
      .map((t) => (t.trim() === '' ? `x${t}` : t));
    await store.upsertMentions(texts.map((t, i) => mention(String(i + 1), t)));
    const records = readAsSpreadsheet(await csvOf());
    expect(records).toHaveLength(texts.length + 1);
    expect(records.filter((r) => r.length !== 3)).toEqual([]);
    for (const [, text] of records.slice(1)) expect(text).not.toMatch(FORMULA_LINE);
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['plain', 'plain'],
    ['=1+1', "'=1+1"],
    ['ok tea\n=1+1', "ok tea\n'=1+1"],
    ['a\r\n-2\r+3', "a\r\n'-2\r'+3"],
    ['\r=1', "'\r'=1"],
    ['not - a start', 'not - a start'],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});

describe('neutraliseCell fast path', () => {
  /** The guard as it was before cells without a line break or formula start skipped the regex. */
  const reference = (text: string) => {
    const guarded = text.replace(/(^|\r\n|\n|\r)(?=[=+\-@\t])/g, "$1'");
    return guarded.startsWith('\r') ? `'${guarded}` : guarded;
  };
  it('gives what the regex alone gives, for random cells (fuzz)', () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', '=', '+', '-', '@', '\t', '"', ',', 'tea', ' ', '🫖', "'", '', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), (text) => neutraliseCell(text) === reference(text)),
      { numRuns: 2000, seed: 18 });
  });
});
