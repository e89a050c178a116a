import { describe, expect, it } from 'vitest';
import { importMentions } from '../../src/core/import.js';
import { readRecords } from '../../src/ingest/readers.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';
import { streamOf } from '../support/records.js';

const jsonl = [
  '{"id":"1","source":"x","created_at":"2026-11-20T10:00:00Z","text":"first","metrics":{"likes":1}}',
  '{"id":"2","source":"x","created_at":"2026-11-20T11:00:00Z","text":"second"',
  '',
  '{"id":"3","source":"x","created_at":"not a date","text":"third"}',
  '{"id":"4","source":"x","created_at":"2026-11-20T12:00:00Z"}',
  '{"id":"5","source":"x","created_at":"2026-11-20T13:00:00Z","text":["wrong type"]}',
  '{"id":"6","source":"x","created_at":"2026-11-20T14:00:00Z","text":"last good"}',
].join('\n');

const backends = await storeBackends();

describe.each(backends)('importMentions ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);

  it('reports each bad row with its line number and keeps the good rows around it', async () => {
    const store: Store = current();
    const summary = await importMentions(store, readRecords(streamOf(jsonl), 'jsonl'), { defaultBrand: 'Acme', batchSize: 2 });
    expect(summary).toMatchObject({ inserted: 2, updated: 0, rejected: 4 });
    expect(summary.rejections.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(summary.rejections[0]!.reason).toMatch(/broken JSON/);
    expect(summary.rejections[2]!.reason).toMatch(/missing required field "text"/);
    expect((await store.findMention('6'))[0]!.text).toBe('last good');
  });

  it('is idempotent: a second import updates instead of duplicating', async () => {
    const store: Store = current();
    await importMentions(store, readRecords(streamOf(jsonl), 'jsonl'), { defaultBrand: 'Acme' });
    const again = jsonl.replace('"likes":1', '"likes":50');
    const summary = await importMentions(store, readRecords(streamOf(again), 'jsonl'), { defaultBrand: 'Acme' });
    expect(summary).toMatchObject({ inserted: 0, updated: 2 });
    expect((await store.status()).totalMentions).toBe(2);
    expect((await store.findMention('1'))[0]!.likes).toBe(50);
  });

  it('reads CSV with quoted commas, newlines, quotes and emoji exactly', async () => {
    const csv = [
      '\uFEFFid,source,created_at,text,author,likes,replies,reposts,score,brand',
      '"001",x,2026-11-20T10:00:00Z,"Plastic, in my tea? ""Really"" 😡",amy,3,,1,,Acme',
      '002,reddit,2026-11-20,"line one',
      'line two ☕ مرحبا",bob,,,,7,Acme',
      '003,x,bad-date,"ok",carl,,,,,Acme',
      '004,x,2026-11-20,"too",many,cells,here,1,2,3,4,5',
    ].join('\r\n');
    const store: Store = current();
    const summary = await importMentions(store, readRecords(streamOf(csv), 'csv'));
    expect(summary).toMatchObject({ inserted: 2, rejected: 2 });
    expect(summary.rejections.map((r) => r.line)).toEqual([4, 5]);
    expect(summary.rejections[1]!.reason).toMatch(/bad CSV/);
    const [first] = await store.findMention('001');
    expect(first).toMatchObject({ text: 'Plastic, in my tea? "Really" 😡', likes: 3, reposts: 1, replies: null });
    const [second] = await store.findMention('002');
    expect(second).toMatchObject({ text: 'line one\r\nline two ☕ مرحبا', score: 7, source: 'reddit' });
  });

  it('keeps the rows before an unrecoverable CSV fault', async () => {
    const csv = 'id,source,created_at,text\n1,x,2026-11-20,fine\n2,x,2026-11-20,"never closed\n3,x,2026-11-20,lost';
    const store: Store = current();
    const summary = await importMentions(store, readRecords(streamOf(csv), 'csv'), { defaultBrand: 'A' });
    expect(summary.inserted).toBe(1);
    expect(summary.rejected).toBe(1);
    expect(summary.rejections[0]!.reason).toMatch(/rest of the file was not read/);
  });
});
