import { describe, expect, it } from 'vitest';
import { compareBrands } from '../../src/core/compare.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/**
 * Issue 27: a failing source, a window with no data, a post budget hit and mentions
 * scored by two model versions must each say so in the report, compare and status,
 * never read as "all clear".
 */

const AT = new Date('2026-11-20T09:30:00.000Z');
const HOUR = 3_600_000;
const OPTIONS = { at: AT, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 } as const;

function mention(brand: string, i: number, hoursBefore: number, source: MentionInput['source'] = 'x'): MentionInput {
  return { id: `${brand}-${source}-${i}`, source, brand, author: `user${i}`, text: `the kettle lid number ${i} works fine`,
    createdAt: new Date(AT.getTime() - hoursBefore * HOUR).toISOString() };
}

/** Stores `count` mentions of the brand spread over the window, scored by `version` (hand-made scores: no model needed). */
async function storeScored(store: Store, brand: string, count: number, version: string, first = 0, source: MentionInput['source'] = 'x'): Promise<void> {
  const mentions = Array.from({ length: count }, (_, i) => mention(brand, first + i, 1 + (i % 40), source));
  await store.upsertMentions(mentions);
  const ids = new Set(mentions.map((m) => m.id));
  const pending = (await store.pendingAnalysis(version, 0, 10_000)).filter((input) => ids.has(input.id));
  await store.saveAnalyses(pending.map((input): AnalysisRecord => ({
    rowId: input.rowId, modelVersion: version, sentimentScore: 0, sentimentLabel: 'neutral', complaintScore: 0.1, complaint: false,
    safetyScore: 0, safety: false, clusterKey: input.id, cluster: input.rowId, voice: input.rowId, terms: [],
  })));
}

async function recordRun(store: Store, brand: string, source: string, finishedAt: string, status: 'ok' | 'failed', extra: { message?: string; budgetHit?: boolean; postsRead?: number } = {}) {
  await store.recordScanRun({ brand, source, startedAt: finishedAt, finishedAt, postsRead: extra.postsRead ?? 10, inserted: 0, updated: 0, status, ...extra });
}

for (const backend of await storeBackends()) {
  describe.skipIf(!backend.available)(`data warnings (${backend.name})`, () => {
    const current = useStore(backend);

    it('a failing source is named in status and the report, with its one-line reason and last success', async () => {
      const store = current();
      await storeScored(store, 'Kettleby', 20, 'm1');
      await recordRun(store, 'Kettleby', 'x', '2026-11-20T08:00:00.000Z', 'ok');
      await recordRun(store, 'Kettleby', 'hackernews', '2026-11-10T06:00:00.000Z', 'ok');
      await recordRun(store, 'Kettleby', 'hackernews', '2026-11-20T06:00:00.000Z', 'failed', { message: 'connect ECONNREFUSED 127.0.0.1:9\n    at stack line' });

      const status = await store.status();
      const hn = status.rows.find((r) => r.source === 'hackernews')!;
      expect(hn).toMatchObject({
        lastScan: '2026-11-20T06:00:00.000Z', lastOutcome: 'failed', lastSuccess: '2026-11-10T06:00:00.000Z',
        lastFailure: '2026-11-20T06:00:00.000Z', lastFailureReason: 'connect ECONNREFUSED 127.0.0.1:9', mentions: 0,
      });
      expect(status.rows.find((r) => r.source === 'x')).toMatchObject({ lastOutcome: 'ok', lastFailure: null, budgetHit: false });

      const report = await buildReport(store, { ...OPTIONS, brand: 'Kettleby' });
      expect(report.warnings.map((w) => [w.kind, w.source])).toEqual([['source-failed', 'hackernews']]);
      expect(report.warnings[0]!.message).toContain('ECONNREFUSED 127.0.0.1:9');
      expect(report.warnings[0]!.message).toContain('no successful scan since 2026-11-10 06:00 UTC');
      expect(report.warnings[0]!.message).not.toContain('stack line');
    });

    it('healthy data carries no warning; a window with no data says so', async () => {
      const store = current();
      await storeScored(store, 'Kettleby', 20, 'm1');
      await recordRun(store, 'Kettleby', 'x', '2026-11-20T08:00:00.000Z', 'ok');
      expect((await buildReport(store, { ...OPTIONS, brand: 'Kettleby' })).warnings).toEqual([]);

      const later = await buildReport(store, { ...OPTIONS, brand: 'Kettleby', at: new Date(AT.getTime() + 30 * 24 * HOUR) });
      expect(later.totals.windowMentions).toBe(0);
      expect(later.warnings.map((w) => w.kind)).toEqual(['no-data', 'source-stale']);
    });

    it('a scan stopped at the post budget marks the brand\'s data incomplete in the report and compare', async () => {
      const store = current();
      await storeScored(store, 'Kettleby', 20, 'm1');
      await storeScored(store, 'Brindle', 5, 'm1', 100);
      await recordRun(store, 'Kettleby', 'x', '2026-11-20T08:00:00.000Z', 'ok', { postsRead: 0 });
      await recordRun(store, 'Brindle', 'x', '2026-11-20T08:00:00.000Z', 'ok', { postsRead: 500, budgetHit: true });
      expect((await store.status()).rows.find((r) => r.brand === 'Brindle')).toMatchObject({ budgetHit: true });

      const report = await buildReport(store, { ...OPTIONS, brand: 'Brindle' });
      expect(report.warnings.map((w) => w.kind)).toEqual(['budget']);
      expect(report.warnings[0]!.message).toMatch(/Brindle · x: backlog not fully read .* after 500 posts/);

      const comparison = await compareBrands(store, { brands: ['Kettleby', 'Brindle'], since: new Date(AT.getTime() - 48 * HOUR), until: AT, bucket: 'day', now: AT });
      expect(comparison.warnings.filter((w) => w.kind === 'budget').map((w) => w.brand)).toEqual(['Brindle']);
    });

    it('compare says the previous period has no data instead of a +100 pt move', async () => {
      const store = current();
      await storeScored(store, 'Kettleby', 20, 'm1');
      await storeScored(store, 'Brindle', 5, 'm1', 100);
      const comparison = await compareBrands(store, { brands: ['Kettleby', 'Brindle'], since: new Date(AT.getTime() - 48 * HOUR), until: AT, bucket: 'day', now: AT });
      expect(comparison.biggestMove).toBeNull();
      expect(comparison.warnings.map((w) => [w.kind, w.brand])).toEqual([['no-previous-data', 'Kettleby'], ['no-previous-data', 'Brindle']]);
    });

    it('mentions scored by two model versions, or not yet, are counted in a warning', async () => {
      const store = current();
      await storeScored(store, 'Kettleby', 6, 'old-model');
      await store.upsertMentions([mention('Kettleby', 99, 3)]);
      const oneModel = await buildReport(store, { ...OPTIONS, brand: 'Kettleby' });
      expect(oneModel.warnings.map((w) => w.message)).toEqual(['Kettleby: 1 of 7 mentions (14%) are not analysed yet and are left out; run earshot analyze']);

      // train, then analyze re-scores: part of the window is scored by the new model, the rest still by the old
      await storeScored(store, 'Kettleby', 14, 'new-model', 6);
      const comparison = await compareBrands(store, { brands: ['Kettleby'], since: new Date(AT.getTime() - 48 * HOUR), until: AT, bucket: 'day', now: AT });
      expect(comparison.warnings.map((w) => w.kind)).toContain('mixed-models');
      const report = await buildReport(store, { ...OPTIONS, brand: 'Kettleby' });
      expect(report.warnings.map((w) => w.kind)).toEqual(['mixed-models', 'unanalysed']);
      expect(report.warnings[0]!.message).toBe('Kettleby: 6 of 21 mentions (29%) are still scored by a previous model, not new-model: figures mix two models; run earshot analyze');
      expect(report.warnings[1]!.message).toContain('1 of 21 mentions (5%) are not analysed yet');
    });
  });
}
