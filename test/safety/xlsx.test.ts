import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportMentions } from '../../src/core/export.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { EXPORT_COLUMNS } from '../../src/report/export-columns.js';
import { MAX_LINKS, writeXlsx, XLSX_MAX_CELL_CHARS } from '../../src/report/xlsx.js';
import type { ExportRow, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/** The xlsx export (issue 15): typed cells, a frozen and filtered header, never a formula. */
class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) { this.chunks.push(Buffer.from(chunk)); done(); }
  get buffer() { return Buffer.concat(this.chunks); }
}

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.getWorksheet('mentions')!;
}
const text = (value: ExcelJS.CellValue) => {
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'text' in value) return String(value.text);
  return value;
};
const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name) + 1;

const mention = (id: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `text ${id}`, ...extra,
});

describe.each(await storeBackends())('xlsx export ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  let store: Store;
  beforeEach(() => { store = current(); });

  it('writes ids and handles as text, dates as dates, http(s) URLs as links, numbers as numbers, and no formula', async () => {
    await store.upsertMentions([
      mention('1859236457122451456', { text: '=1+1\n\tsecond =SUM(A1) line 🫖', author: '@bob', url: 'https://x.com/bob/status/1', metrics: { likes: 3, score: -2 } }),
      mention('0012345', { text: ' leading and trailing spaces ', author: '+cmd', url: 'javascript:alert(1)', createdAt: '2026-11-21T23:59:59.000Z' }),
      mention('long', { text: 'x'.repeat(XLSX_MAX_CELL_CHARS + 100) }),
    ]);
    const [m] = await store.findMention('1859236457122451456');
    await store.saveAnalyses([{ rowId: m!.rowId, modelVersion: 't', sentimentScore: -0.75, sentimentLabel: 'negative', complaintScore: 0.9, complaint: true, safetyScore: 0.95, safety: true, questionScore: 0.812, question: true, suggestionScore: 0.1, suggestion: false, clusterKey: 'k', cluster: 1, voice: 1, terms: [] }]);
    const sink = new Sink();
    expect(await exportMentions(store, {}, sink, { format: 'xlsx' })).toBe(3);
    const sheet = await load(sink.buffer);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + EXPORT_COLUMNS.length)}1`);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => { if (n > 1) rows.set(String(text(row.getCell(col('id')).value)), row); });
    const bob = rows.get('1859236457122451456')!;
    expect(bob.getCell(col('text')).type).toBe(ExcelJS.ValueType.RichText);
    expect(text(bob.getCell(col('text')).value)).toBe('=1+1\n\tsecond =SUM(A1) line 🫖');
    expect(text(bob.getCell(col('author')).value)).toBe('@bob');
    expect(bob.getCell(col('created_at')).value).toEqual(new Date('2026-11-20T10:00:00.000Z'));
    expect(bob.getCell(col('created_at')).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(bob.getCell(col('url')).value).toEqual({ text: 'https://x.com/bob/status/1', hyperlink: 'https://x.com/bob/status/1' });
    expect(bob.getCell(col('sentiment')).value).toBe(-0.75);
    expect(bob.getCell(col('complaint')).value).toBe(0.9);
    expect(bob.getCell(col('is_complaint')).value).toBe(true);
    expect(bob.getCell(col('safety')).value).toBe(0.95);
    expect(bob.getCell(col('is_safety')).value).toBe(true);
    expect(bob.getCell(col('question')).value).toBe(0.812);
    expect(bob.getCell(col('is_question')).value).toBe(true);
    expect(bob.getCell(col('is_suggestion')).value).toBe(false);
    expect(bob.getCell(col('likes')).value).toBe(3);
    expect(bob.getCell(col('score')).value).toBe(-2);
    const plain = rows.get('0012345')!;
    expect(text(plain.getCell(col('text')).value)).toBe(' leading and trailing spaces ');
    expect(text(plain.getCell(col('url')).value)).toBe('javascript:alert(1)');
    expect(plain.getCell(col('url')).type).not.toBe(ExcelJS.ValueType.Hyperlink);
    const long = String(text(rows.get('long')!.getCell(col('text')).value));
    expect(long).toHaveLength(XLSX_MAX_CELL_CHARS);
    expect(long.endsWith('…')).toBe(true);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('honours --columns order', async () => {
    await store.upsertMentions([mention('7')]);
    const sink = new Sink();
    await exportMentions(store, {}, sink, { format: 'xlsx', columns: ['text', 'id'] });
    const sheet = await load(sink.buffer);
    expect(sheet.getRow(1).values).toEqual([undefined, 'text', 'id']);
    expect(text(sheet.getRow(2).getCell(2).value)).toBe('7');
  });
});

describe('xlsx links', () => {
  it(`stop at Excel's ${MAX_LINKS.toLocaleString('en-US')} per sheet; later URLs stay text`, async () => {
    async function* rows(): AsyncIterable<ExportRow> {
      for (let i = 0; i < MAX_LINKS + 2; i++) {
        yield { id: String(i), source: 'x', brand: 'A', createdAt: '2026-11-20T10:00:00.000Z', author: null, text: 't', url: `https://x.com/s/${i}`,
          sentiment: null, sentimentLabel: null, complaint: null, isComplaint: null, safety: null, isSafety: null, question: null, isQuestion: null, suggestion: null, isSuggestion: null, topics: '', likes: null, replies: null, reposts: null, score: null };
      }
    }
    const sink = new Sink();
    const done = finished(sink);
    await writeXlsx(rows(), ['id', 'url'], sink);
    await done;
    const sheet = await load(sink.buffer);
    expect(sheet.getRow(MAX_LINKS + 1).getCell(2).type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(sheet.getRow(MAX_LINKS + 2).getCell(2).type).not.toBe(ExcelJS.ValueType.Hyperlink);
    expect(text(sheet.getRow(MAX_LINKS + 3).getCell(2).value)).toBe(`https://x.com/s/${MAX_LINKS + 1}`);
  }, 60_000);
});
