import { parse } from 'csv-parse/sync';
import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportMentions, issueQuery, parseColumns, type ExportOptions } from '../../src/core/export.js';
import type { MentionInput, SentimentLabel } from '../../src/domain/mention.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import { neutraliseCell } from '../../src/report/csv.js';
import { EXPORT_COLUMNS } from '../../src/report/export-columns.js';
import type { ExportQuery, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const mention = (id: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `text ${id}`, ...extra,
});

class Sink extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) { this.chunks.push(Buffer.from(chunk)); done(); }
  get text() { return Buffer.concat(this.chunks).toString('utf8'); }
}

const backends = await storeBackends();
let store: Store;

async function run(query: ExportQuery = {}, options: Partial<ExportOptions> = {}): Promise<string> {
  const sink = new Sink();
  await exportMentions(store, query, sink, { format: 'csv', ...options });
  return sink.text;
}

const parseCsv = (text: string) => parse(text, { columns: true, bom: true }) as Array<Record<string, string>>;

async function analyse(id: string, label: SentimentLabel, score: number, terms: Array<{ key: string; display: string }> = []) {
  const [m] = await store.findMention(id);
  await store.saveAnalyses([{ rowId: m!.rowId, modelVersion: 't1', sentimentScore: score, sentimentLabel: label, complaintScore: 0, complaint: false, safetyScore: 0, safety: false, clusterKey: id, cluster: 1, voice: Number(id), terms }]);
}

describe.each(backends)('exportMentions ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it('round-trips every character through a CSV parser, in the documented column order', async () => {
    const nasty = 'He said "hi", then\r\nleft; 🫖🍵 tea, \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202eRTL\u202c, tab\there, \u0000nul? no: ok';
    const text = nasty.replace('\u0000', '');
    await store.upsertMentions([mention('1234567890123456789', { text, author: 'ünï,"cödé"', url: 'https://x.com/a?b=1,2', metrics: { likes: 3 } })]);
    const csv = await run();
    expect(csv.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    const [row] = parseCsv(csv);
    expect(row).toMatchObject({ id: '1234567890123456789', text, author: 'ünï,"cödé"', url: 'https://x.com/a?b=1,2', likes: '3', sentiment: '', topics: '' });
  });

  it('neutralises formula cells in text columns but never numbers', async () => {
    const starts = ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    await store.upsertMentions(starts.map((text, i) => mention(String(i + 1), { text, author: '=cmd|\' /C calc\'!A0' })));
    await analyse('1', 'negative', -0.75);
    const rows = parseCsv(await run());
    expect(rows.map((r) => r.text)).toEqual(starts.map((s) => `'${s}`));
    expect(rows[0]!.author).toBe("'=cmd|' /C calc'!A0");
    expect(rows[0]!.sentiment).toBe('-0.75');
    expect(neutraliseCell('plain')).toBe('plain');
  });

  it('honours human labels over the model and lists topics', async () => {
    await store.upsertMentions([mention('1'), mention('2')]);
    await analyse('1', 'positive', 0.6, [{ key: 'teabag', display: 'tea bag' }, { key: 'plastic', display: 'plastic' }]);
    await analyse('2', 'neutral', 0.1);
    await store.setHumanLabel((await store.findMention('1'))[0]!.rowId, 'negative');
    const rows = parseCsv(await run());
    expect(rows[0]).toMatchObject({ sentiment: '0.6', sentiment_label: 'negative', topics: 'plastic; tea bag' });
    expect(parseCsv(await run({ sentiments: ['negative'] })).map((r) => r.id)).toEqual(['1']);
    expect(parseCsv(await run({ sentiments: ['neutral', 'positive'] })).map((r) => r.id)).toEqual(['2']);
  });

  it('filters by brand, source, time, search, terms and limit', async () => {
    await store.upsertMentions([
      mention('1', { text: 'plastic in tea bags', createdAt: '2026-11-18T00:00:00.000Z' }),
      mention('2', { text: 'lovely tea', source: 'reddit', createdAt: '2026-11-19T00:00:00.000Z' }),
      mention('3', { text: 'plastic again', brand: 'Other', createdAt: '2026-11-20T00:00:00.000Z' }),
      mention('4', { text: 'more plastic?', createdAt: '2026-11-21T00:00:00.000Z' }),
    ]);
    await analyse('1', 'negative', -0.5, [{ key: 'plastic', display: 'plastic' }]);
    await analyse('4', 'negative', -0.5, [{ key: 'plastic', display: 'plastic' }]);
    const ids = async (q: ExportQuery) => parseCsv(await run(q)).map((r) => r.id);
    expect(await ids({})).toEqual(['1', '2', '3', '4']);
    expect(await ids({ brand: 'acme' })).toEqual(['1', '2', '4']);
    expect(await ids({ source: 'reddit' })).toEqual(['2']);
    expect(await ids({ since: '2026-11-19T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' })).toEqual(['2', '3']);
    expect(await ids({ search: 'plastic' })).toEqual(['1', '3', '4']);
    expect(await ids({ search: 'plastic?' })).toEqual(['1', '3', '4']);
    expect(await ids({ terms: ['plastic'], since: '2026-11-20T00:00:00.000Z' })).toEqual(['4']);
    expect(await ids({ limit: 2 })).toEqual(['1', '2']);
  });

  it('writes JSONL with chosen columns, string ids and nulls; CSV --excel adds a BOM', async () => {
    await store.upsertMentions([mention('9007199254740993', { text: '=1+1' })]);
    const jsonl = await run({}, { format: 'jsonl', columns: parseColumns('text,id,sentiment') });
    expect(jsonl).toBe('{"text":"=1+1","id":"9007199254740993","sentiment":null}\n');
    const excel = await run({}, { columns: ['id'], excel: true });
    expect(excel).toBe('\uFEFFid\r\n9007199254740993\r\n');
    expect(() => parseColumns('id,nope')).toThrow(/unknown column "nope"/);
  });

  it('finds the mentions behind issue N of a report', () => {
    const issue = { rank: 1, terms: ['tea bag', 'plastic'] } as ReportIssue;
    const report = { brand: 'Acme', window: { from: 'a', to: 'b', hours: 48 }, issues: [issue] } as unknown as Report;
    expect(issueQuery(report, 1)).toEqual({ brand: 'Acme', terms: ['tea bag', 'plastic'], since: 'a', until: 'b' });
    expect(() => issueQuery(report, 2)).toThrow(/only 1 issue/);
  });
});
