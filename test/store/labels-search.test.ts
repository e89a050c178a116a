import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/** Issue 28 #6: search gives one row per mention with its brands and labels; human labels are listed and cleared. */
const mention = (id: string, hour: number, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`, text: `the kettle lid ${id}`, author: `a${id}`, ...extra,
});

const record = (rowId: number, complaint: number, version = 'v1'): AnalysisRecord => ({
  rowId, modelVersion: version, sentimentScore: -0.5, sentimentLabel: 'negative',
  complaintScore: complaint, complaint: complaint >= 0.5, safetyScore: 0, safety: false,
  clusterKey: `c${rowId}`, cluster: rowId, voice: rowId, terms: [{ key: 'kettle', display: 'kettle' }],
});

async function analyse(store: Store, version = 'v1'): Promise<Map<string, number>> {
  const pending = await store.pendingAnalysis(version, 0, 100);
  await store.saveAnalyses(pending.map((p) => record(p.rowId, p.id === '1' ? 0.9 : 0.1, version)));
  return new Map(pending.map((p) => [p.id, p.rowId]));
}

const backends = await storeBackends();

describe.each(backends)('search and human labels in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);

  it('search: one row per mention, every brand it is linked to, its effective sentiment and complaint', async () => {
    await store().upsertMentions([mention('1', 9, { alsoBrands: ['Rival'] }), mention('2', 10), mention('3', 11, { brand: 'Rival' })]);
    const rows = await analyse(store());
    await store().setComplaintLabel(rows.get('2')!, true);
    const hits = await store().searchMentions({ text: 'kettle', limit: 10 });
    expect(hits.map((h) => [h.id, h.brand, h.brands, h.sentiment, h.complaint])).toEqual([
      ['3', 'Rival', ['Rival'], 'negative', false],
      ['2', 'Acme', ['Acme'], 'negative', true],
      ['1', 'Acme', ['Acme', 'Rival'], 'negative', true],
    ]);
    // the limit counts mentions, not brand links; --brand keeps every brand of a hit
    expect((await store().searchMentions({ text: 'kettle', limit: 3 })).length).toBe(3);
    expect((await store().searchMentions({ text: 'kettle', brand: 'Rival', limit: 10 })).map((h) => [h.id, h.brands])).toEqual([['3', ['Rival']], ['1', ['Acme', 'Rival']]]);
    // not analysed yet: no sentiment, no complaint flag
    await store().upsertMentions([mention('4', 12)]);
    expect((await store().searchMentions({ text: 'kettle', limit: 1 }))[0]).toMatchObject({ id: '4', sentiment: null, complaint: null });
  });

  it('lists human labels of every kind, by brand and kind, and clears one, leaving the analysis to redo', async () => {
    await store().upsertMentions([mention('1', 9, { alsoBrands: ['Rival'] }), mention('2', 10), mention('3', 11, { brand: 'Rival' })]);
    const rows = await analyse(store());
    const id = (ext: string) => rows.get(ext)!;
    await store().setHumanLabel(id('1'), 'positive');
    await store().setComplaintLabel(id('1'), false);
    await store().setSafetyLabel(id('2'), true);
    await store().setIntentLabel(id('2'), 'handled', true);
    await store().setIntentLabel(id('3'), 'question', true);
    const all = await store().humanLabels({ limit: 100 });
    expect(all.map((l) => `${l.id} ${l.kind} ${l.label}`).sort()).toEqual([
      '1 complaint not-complaint', '1 sentiment positive', '2 handled handled', '2 safety safety', '3 question question',
    ]);
    expect(all[0]).toMatchObject({ source: 'x', brand: expect.any(String), labeledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), text: expect.stringContaining('kettle') });
    expect((await store().humanLabels({ brand: 'rival', limit: 100 })).map((l) => l.id).sort()).toEqual(['1', '1', '3']);
    expect((await store().humanLabels({ kind: 'complaint', limit: 100 })).map((l) => l.id)).toEqual(['1']);

    expect(await store().clearHumanLabel(id('1'), 'complaint')).toBe(true);
    expect(await store().clearHumanLabel(id('1'), 'complaint')).toBe(false);
    expect(await store().clearHumanLabel(id('3'), 'question')).toBe(true);
    expect(await store().clearHumanLabel(id('2'), 'handled')).toBe(true);
    expect((await store().humanLabels({ limit: 100 })).map((l) => `${l.id} ${l.kind}`).sort()).toEqual(['1 sentiment', '2 safety']);
    // the cleared mentions' analyses are stale: analysing them again brings the model's flag back
    expect((await store().pendingAnalysis('v1', 0, 100)).map((p) => p.id).sort()).toEqual(['1', '3']);
    await analyse(store());
    const hit = (await store().searchMentions({ text: 'kettle', limit: 10 })).find((h) => h.id === '1')!;
    expect(hit).toMatchObject({ complaint: true, sentiment: 'positive' });
  });
});
