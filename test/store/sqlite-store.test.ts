import { beforeEach, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const mention = (id: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `text ${id}`, ...extra,
});

let store: SqliteStore;
beforeEach(() => { store = new SqliteStore(':memory:'); });

describe('SqliteStore', () => {
  it('keeps one row per (source, id), refreshes metrics and keeps first_seen', async () => {
    expect(await store.upsertMentions([mention('1', { metrics: { likes: 1 } })])).toEqual({ inserted: 1, updated: 0 });
    const [before] = await store.findMention('x:1');
    await new Promise((r) => setTimeout(r, 5));
    expect(await store.upsertMentions([mention('1', { metrics: { likes: 9 } })])).toEqual({ inserted: 0, updated: 1 });
    const rows = await store.findMention('1');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.likes).toBe(9);
    expect(rows[0]!.firstSeen).toBe(before!.firstSeen);
    expect(rows[0]!.lastSeen > before!.lastSeen).toBe(true);
  });

  it('keeps the same id from two sources apart', async () => {
    await store.upsertMentions([mention('7'), mention('7', { source: 'reddit' })]);
    expect(await store.findMention('7')).toHaveLength(2);
    expect(await store.findMention('reddit:7')).toHaveLength(1);
  });

  it('commits a cursor together with its page, and rolls both back on failure', async () => {
    const key = { source: 'x', brand: 'Acme', stream: 'search' };
    await store.upsertMentions([mention('1')], { ...key, value: 'c1' });
    expect(await store.getCursor(key)).toBe('c1');
    const bad = { ...mention('2'), text: null as unknown as string };
    await expect(store.upsertMentions([mention('3'), bad], { ...key, value: 'c2' })).rejects.toThrow();
    expect(await store.getCursor(key)).toBe('c1');
    expect(await store.findMention('3')).toHaveLength(0);
  });

  it('searches with FTS5, falls back to literal words, and filters by brand and time', async () => {
    await store.upsertMentions([
      mention('1', { text: 'Plastic in my tea bags?!', createdAt: '2026-11-19T00:00:00.000Z' }),
      mention('2', { text: 'plastic everywhere', brand: 'Other', createdAt: '2026-11-21T00:00:00.000Z' }),
    ]);
    expect((await store.searchMentions({ text: 'plastic', limit: 10 })).map((m) => m.id)).toEqual(['2', '1']);
    expect(await store.searchMentions({ text: 'bags?!', limit: 10 })).toHaveLength(1);
    expect(await store.searchMentions({ text: 'plastic', brand: 'acme', limit: 10 })).toHaveLength(1);
    expect(await store.searchMentions({ text: 'plastic', since: '2026-11-20T00:00:00.000Z', limit: 10 })).toHaveLength(1);
    expect(await store.searchMentions({ text: "'; DROP TABLE mentions; --", limit: 10 })).toHaveLength(0);
    expect((await store.status()).totalMentions).toBe(2);
  });

  it('re-scores only what the current model has not scored, and keeps human labels', async () => {
    await store.upsertMentions([mention('1'), mention('2')]);
    const pending = await store.pendingAnalysis('v1', 0, 10);
    expect(pending.map((p) => p.text)).toEqual(['text 1', 'text 2']);
    await store.saveAnalyses(pending.map((p) => ({
      rowId: p.rowId, modelVersion: 'v1', sentimentScore: 0.5, sentimentLabel: 'positive' as const,
      clusterKey: 'k', cluster: 1, voice: p.rowId, terms: [{ key: 'teabag', display: 'tea bag' }],
    })));
    expect(await store.countPendingAnalysis('v1')).toBe(0);
    expect(await store.countPendingAnalysis('v2')).toBe(2);
    await store.setHumanLabel(pending[0]!.rowId, 'negative');
    expect(store.db.prepare('SELECT COUNT(*) FROM human_labels').pluck().get()).toBe(1);
    expect(store.db.prepare('SELECT sentiment FROM mention_terms WHERE mention_id = ?').pluck().get(pending[0]!.rowId)).toBe(-1);
    expect(store.db.prepare('SELECT hour FROM analyses WHERE mention_id = ?').pluck().get(pending[0]!.rowId))
      .toBe(Math.floor(Date.parse('2026-11-20T10:00:00.000Z') / 3_600_000));
    // an edited text invalidates the analysis but not the human label
    await store.upsertMentions([mention('1', { text: 'edited' })]);
    expect(await store.countPendingAnalysis('v1')).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) FROM human_labels').pluck().get()).toBe(1);
  });
});
