import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { BacklogFeed } from '../../src/core/backlog-feed.js';
import { importMentions } from '../../src/core/import.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { RawRecord } from '../../src/ingest/readers.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, type StoreBackend } from '../support/store-backends.js';

const BRANDS = [{ name: 'Acme', aliases: [], exclude: [], queries: {} }, { name: 'Boilco', aliases: [], exclude: [], queries: {} }];
const brandTerms = { Acme: ['Acme'], Boilco: ['Boilco'] };
const WORDS = ['kettle', 'lid', 'cracked', 'lovely', 'delivery', 'late', 'refund', 'spout', 'handle', 'green', 'boilco', 'broken', 'great'];

function row(i: number, text?: string): Record<string, unknown> {
  const words = Array.from({ length: 4 + (i % 5) }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]!);
  return { id: `f${i}`, source: i % 3 ? 'x' : 'reddit', created_at: new Date(Date.UTC(2026, 10, 10) + i * 600_000).toISOString(),
    text: text ?? `${words.join(' ')} ${i % 4 === 0 ? 'Boilco' : ''}`.trim(), author: `a${i % 50}` };
}

async function* records(rows: Array<Record<string, unknown>>): AsyncIterable<RawRecord> {
  for (const [i, record] of rows.entries()) yield { line: i + 1, record };
}

/** Rows pending before the import, one id twice in a batch with two texts, an edited text: every corner of handing rows over. */
function importRows(editHanded: boolean): Array<Record<string, unknown>> {
  const rows = Array.from({ length: 2200 }, (_, i) => row(i + 100));
  rows.splice(250, 0, row(150, 'the second text of a repeated id, broken lid'));
  rows.push(row(3, 'an edited text of an older mention, late refund'));
  // a mention of the first batch edited in the last, while its analysis may be in flight
  if (editHanded) rows.push(row(200, 'edited after it was handed over, cracked lid'));
  return rows;
}

/** 40 analysed mentions (one gets an edited text in the import), then 10 left pending. */
async function seed(store: Store): Promise<void> {
  const before: MentionInput[] = Array.from({ length: 50 }, (_, i) => {
    const r = row(i);
    return { id: r.id as string, source: r.source as string, createdAt: r.created_at as string, text: r.text as string, author: r.author as string, brand: 'Acme' };
  });
  await store.upsertMentions(before.slice(0, 40));
  await analyzePending(store, { brandTerms, workers: 0 });
  await store.upsertMentions(before.slice(40));
}

async function contents(backend: StoreBackend, store: Store) {
  const q = (sql: string) => backend.query(store, sql);
  return {
    analyses: await q(`SELECT m.external_id AS id, a.sentiment_score, a.sentiment_label, a.cluster_key, a.brand_id, a.hour, a.voice, a.cluster, a.sentiment,
      a.complaint_score, a.complaint FROM analyses a JOIN mentions m ON m.id = a.mention_id ORDER BY m.external_id`),
    terms: await q(`SELECT m.external_id AS id, t.brand_id, t.hour, k.key, t.voice, t.cluster, t.sentiment, t.complaint
      FROM mention_terms t JOIN mentions m ON m.id = t.mention_id JOIN terms k ON k.id = t.term_id ORDER BY m.external_id, t.brand_id, k.key`),
    links: await q(`SELECT m.external_id AS id, l.brand_id, l.hour, l.voice, l.cluster, l.sentiment, l.complaint
      FROM mention_brands l JOIN mentions m ON m.id = l.mention_id ORDER BY m.external_id, l.brand_id`),
  };
}

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`an analysis that follows an import (${backend.name})`, () => {
  it('scores exactly what an analysis after the import scores, the rows the import hands over included', async () => {
    const [followed, after] = [await backend.open(), await backend.open()];
    try {
      for (const store of [followed, after]) await seed(store);
      // SQLite only: on PostgreSQL a result saved while the edit commits can still keep the old
      // text's scores (see AnalysisWriter.save); an edit before or after the save is
      // test/store/analysis-edits.test.ts
      const editHanded = backend.name === 'sqlite';
      const feed = new BacklogFeed();
      const analysis = analyzePending(followed, { brandTerms, follow: feed, workers: 0 });
      const summary = await importMentions(followed, records(importRows(editHanded)), { defaultBrand: 'Acme', watched: BRANDS, batchSize: 500, afterBatch: (o) => feed.stored(o) });
      feed.finish();
      const followedRun = await analysis;
      // as the CLI does after an import that updated rows: what the follower left (nothing, when rows are handed over)
      const rest = await analyzePending(followed, { brandTerms, workers: 0 });
      if (backend.name === 'sqlite') expect(rest.analyzed).toBe(0);
      expect(feed.mode).toBe(backend.name === 'sqlite' ? 'hand' : 'read');
      await importMentions(after, records(importRows(editHanded)), { defaultBrand: 'Acme', watched: BRANDS, batchSize: 500 });
      const afterRun = await analyzePending(after, { brandTerms, workers: 0 });
      expect(summary.inserted).toBe(2200);
      // the seed's 10 pending, the import's 2,200 (one of them stored twice in a batch) and its edited one
      expect(followedRun.analyzed + rest.analyzed).toBe(editHanded ? 2212 : 2211);
      expect(afterRun.analyzed).toBe(2211);
      expect(await followed.countPendingAnalysis(followedRun.modelVersion)).toBe(0);
      const [a, b] = [await contents(backend, followed), await contents(backend, after)];
      expect(a.terms.length).toBeGreaterThan(5000);
      expect(a).toEqual(b);
      const repeated = (await followed.findMention('f150'))[0]!;
      expect(repeated.text).toMatch(/^the second text/);
    } finally {
      await backend.cleanup();
    }
  }, 120_000);
});

describe('BacklogFeed', () => {
  it('makes the import wait while the analysis is 16,000 handed-over rows behind, and lets it go as they are taken', async () => {
    const feed = new BacklogFeed();
    const batch = (n: number) => Array.from({ length: n }, (_, i) => ({ rowId: i, id: String(i), source: 'x', author: null, text: 't', lang: null, brands: ['Acme'] }));
    let released = false;
    await feed.stored({ fresh: batch(15_000) });
    const waiting = feed.stored({ fresh: batch(1_000) }).then(() => { released = true; });
    await Promise.resolve();
    expect(released).toBe(false);
    expect(feed.take()).toHaveLength(15_000);
    await waiting;
    expect(released).toBe(true);
    expect(feed.mode).toBe('hand');
  });
});
