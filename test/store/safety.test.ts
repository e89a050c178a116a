import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { exactRange, type AnalysisRecord, type ExportRow, type Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const H = 3_600_000;
/** Three whole days and a partial one; every mention carries the term "kettle". */
const START = Date.parse('2026-11-16T00:00:00.000Z');
const AT = START + 3 * 24 * H + 9 * H + 31 * 60_000;

const mention = (id: string, hoursIn: number, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: new Date(START + hoursIn * H).toISOString(), text: `the kettle burnt my hand ${id}`, author: `a${id}`, ...extra,
});

interface Scores {
  safety?: number;
  complaint?: number;
  /** Author key (default: one per mention) and copy cluster (default: one per mention). */
  voice?: number;
  cluster?: number;
}

/** An analysis as the analyser writes it; the yes/no flags are the models' at 0.5. */
const record = (rowId: number, s: Scores, version: string): AnalysisRecord => ({
  rowId, modelVersion: version, sentimentScore: 0, sentimentLabel: 'neutral',
  complaintScore: s.complaint ?? 0, complaint: (s.complaint ?? 0) >= 0.5, safetyScore: s.safety ?? 0, safety: (s.safety ?? 0) >= 0.5,
  clusterKey: `c${s.cluster ?? rowId}`, cluster: s.cluster ?? rowId, voice: s.voice ?? rowId, terms: [{ key: 'kettle', display: 'kettle' }],
});

async function analyseAll(store: Store, scores: Record<string, Scores>, version = 'v1'): Promise<Map<string, number>> {
  const pending = await store.pendingAnalysis(version, 0, 100);
  await store.saveAnalyses(pending.map((p) => record(p.rowId, scores[p.id] ?? {}, version)));
  return new Map(pending.map((p) => [p.id, p.rowId]));
}

async function exported(store: Store, query: Parameters<Store['exportMentions']>[0] = {}): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of store.exportMentions(query)) rows.push(row);
  return rows;
}

const backends = await storeBackends();

describe.each(backends)('safety in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);
  const scalar = async (text: string) => Number(Object.values((await backend.query(store(), text))[0] ?? {})[0]);

  it('stores the model\'s score (3 decimals) and yes/no; a human label wins in export, search and status, and survives re-analysis', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2), mention('3', 3, { source: 'reddit' }), mention('4', 4)]);
    const rows = await analyseAll(store(), { 1: { safety: 0.91234 }, 2: { safety: 0.2 }, 3: { safety: 0.7 } });
    const id = (ext: string) => rows.get(ext)!;
    expect(await scalar(`SELECT safety_score FROM analyses WHERE mention_id = ${id('1')}`)).toBe(0.912);
    expect(await scalar('SELECT COUNT(*) FROM analyses WHERE safety = 1')).toBe(2);

    await store().setSafetyLabel(id('2'), true);
    await store().setSafetyLabel(id('3'), false);
    const check = async (score2: number) => {
      const byId = new Map((await exported(store())).map((r) => [r.id, r]));
      expect([...byId.values()].map((r) => [r.id, r.isSafety])).toEqual([['1', true], ['2', true], ['3', false], ['4', false]]);
      expect(byId.get('2')!.safety).toBe(score2); // the score stays what the model said
      expect((await exported(store(), { safety: true })).map((r) => r.id)).toEqual(['1', '2']);
      expect((await exported(store(), { safety: false })).map((r) => r.id)).toEqual(['3', '4']);
      // the two filters combine
      expect((await exported(store(), { safety: true, complaint: false })).map((r) => r.id)).toEqual(['1', '2']);
      expect((await store().searchMentions({ text: 'kettle', safety: true, limit: 10 })).map((m) => m.id)).toEqual(['2', '1']);
      expect((await store().searchMentions({ text: 'kettle', safety: false, limit: 10 })).map((m) => m.id)).toEqual(['4', '3']);
      expect((await store().searchMentions({ text: 'kettle', safety: true, complaint: true, limit: 10 }))).toEqual([]);
      expect((await store().status()).rows.map((r) => [r.source, r.analyzed, r.complaints, r.safety])).toEqual([['reddit', 1, 0, 0], ['x', 3, 0, 2]]);
    };
    await check(0.2);
    // a new model version re-scores everything, saying the opposite: the labels still win
    await analyseAll(store(), { 1: { safety: 0.9 }, 2: { safety: 0.1 }, 3: { safety: 0.95 } }, 'v2');
    await check(0.1);
    // a label can be changed back
    await store().setSafetyLabel(id('2'), false);
    expect((await exported(store(), { safety: true })).map((r) => r.id)).toEqual(['1']);
    expect((await store().status()).rows.map((r) => [r.source, r.safety])).toEqual([['reddit', 0], ['x', 1]]);
  });

  it('labels a mention before it is analysed; the analysis takes the label; no safety score reads as not scored', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2), mention('3', 3)]);
    const [one] = await store().findMention('x:1');
    await store().setSafetyLabel(one!.rowId, true);
    expect((await exported(store())).map((r) => [r.id, r.safety, r.isSafety])).toEqual([['1', null, true], ['2', null, null], ['3', null, null]]);
    expect((await store().status()).rows[0]).toMatchObject({ analyzed: 0, safety: 1 });
    expect((await exported(store(), { safety: false })).map((r) => r.id)).toEqual([]);
    const pending = await store().pendingAnalysis('v1', 0, 10);
    // mention 3: an analyser without a safety model (no finite score) leaves it unscored, as analyses before migration 13 are
    await store().saveAnalyses(pending.map((p) => (p.id === '3'
      ? { ...record(p.rowId, {}, 'v1'), safetyScore: Number.NaN }
      : record(p.rowId, { safety: 0.1 }, 'v1'))));
    expect((await exported(store())).map((r) => [r.id, r.safety, r.isSafety])).toEqual([['1', 0.1, true], ['2', 0.1, false], ['3', null, null]]);
    expect(await scalar(`SELECT safety FROM analyses WHERE mention_id = ${one!.rowId}`)).toBe(1);
    expect((await exported(store(), { safety: false })).map((r) => r.id)).toEqual(['2']);
    expect((await store().status()).rows[0]).toMatchObject({ analyzed: 3, safety: 1 });
  });

  it('keeps status counts right from the day rollup: labels and re-analysis make a rolled-up day count again', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 26), mention('3', 27, { source: 'reddit' })]);
    const rows = await analyseAll(store(), { 1: { safety: 0.8 }, 2: { safety: 0.1 }, 3: { safety: 0.6 } });
    await store().refreshReportRollups(new Date(AT));
    expect(await scalar('SELECT COUNT(*) FROM source_days')).toBe(3);
    expect(await scalar('SELECT SUM(safety) FROM source_days')).toBe(2);
    const counts = async () => (await store().status()).rows.map((r) => [r.source, r.safety]);
    expect(await counts()).toEqual([['reddit', 1], ['x', 1]]);
    await store().setSafetyLabel(rows.get('2')!, true);
    expect(await counts()).toEqual([['reddit', 1], ['x', 2]]);
    await analyseAll(store(), { 1: { safety: 0.1 }, 2: { safety: 0.1 }, 3: { safety: 0.1 } }, 'v2');
    expect(await counts()).toEqual([['reddit', 0], ['x', 1]]);
    await store().refreshReportRollups(new Date(AT));
    expect(await counts()).toEqual([['reddit', 0], ['x', 1]]);
    expect(await scalar('SELECT SUM(safety) FROM source_days')).toBe(1);
  });

  it('gives a group its safety count, safety voices and evidence sums, and quotes safety reports first', async () => {
    // day 0: ann twice (two copies of one post: one cluster), bob; day 1: ann again, cy; day 2: dee (safe), eve (not analysed by a safety model)
    await store().upsertMentions([
      mention('1', 1, { author: 'ann' }), mention('2', 2, { author: 'ann' }), mention('3', 3, { author: 'bob' }),
      mention('4', 25, { author: 'ann' }), mention('5', 26, { author: 'cy' }), mention('6', 49, { author: 'dee', source: 'reddit' }), mention('7', 50, { author: 'eve' }),
      mention('8', 90, { author: 'late' }), // after the range
    ]);
    const rows = await analyseAll(store(), {
      1: { safety: 0.9, complaint: 0.4, voice: 1, cluster: 100 },
      2: { safety: 0.8, complaint: 0.45, voice: 1, cluster: 100 },
      3: { safety: 0.7, complaint: 0.2, voice: 2, cluster: 102 },
      4: { safety: 0.6, complaint: 0.9, voice: 1, cluster: 104 },
      5: { safety: 0.3, complaint: 0.1, voice: 3, cluster: 105 },
      6: { safety: 0.05, complaint: 0.05, voice: 4, cluster: 106 },
      7: { safety: 0.2, complaint: 0.3, voice: 5, cluster: 107 },
      8: { safety: 0.99, complaint: 0.99, voice: 6, cluster: 108 },
    });
    const id = (ext: string) => rows.get(ext)!;
    // labels: 5 is a safety report and a complaint after all; 3 is neither
    await store().setSafetyLabel(id('5'), true);
    await store().setSafetyLabel(id('3'), false);
    await store().setComplaintLabel(id('5'), true);
    await store().setComplaintLabel(id('3'), false);
    // 7 was scored before there were complaint and safety scores (analyses older than migrations 7 and 13): its flags count
    await backend.query(store(), `UPDATE analyses SET complaint_score = NULL, complaint = 1, safety_score = NULL, safety = 0 WHERE mention_id = ${id('7')}`);

    const range = exactRange('Acme', START, AT);
    const [kettle] = (await store().windowTerms(range, 1, 10)).filter((t) => t.key === 'kettle');
    const stats = await store().termGroupStats(range, [kettle!.termId]);
    // safety: 1, 2, 4 (model), 5 (label); 3 labelled not; 6 and 7 not
    expect(stats).toMatchObject({ mentions: 7, safety: 4 });
    // ann (1, 2, 4; clusters 100 and 104) and cy (5): 2 authors, 3 clusters over the whole range
    expect(stats.safetyVoices).toBe(2);
    // 0.4 + 0.45 + 0 (label) + 0.9 + 1 (label) + 0.05 + 1 (flag, no score)
    expect(stats.complaintEvidence).toBe(3.8);
    // 0.9 + 0.8 + 0 (label) + 0.6 + 1 (label) + 0.05 + 0 (flag, no score)
    expect(stats.safetyEvidence).toBe(3.35);
    // a source filter keeps its own mentions' evidence only (6 is the one from reddit)
    expect(await store().termGroupStats({ ...range, source: 'x' }, [kettle!.termId])).toMatchObject({
      mentions: 6, safety: 4, safetyVoices: 2, complaintEvidence: 3.75, safetyEvidence: 3.3 });
    expect(await store().termGroupStats({ ...range, source: 'reddit' }, [kettle!.termId])).toMatchObject({
      mentions: 1, safety: 0, safetyVoices: 0, complaintEvidence: 0.05, safetyEvidence: 0.05 });

    // one author: one voice, however many clusters
    const annOnly = await store().termGroupStats(exactRange('Acme', START, START + 26 * H), [kettle!.termId]);
    expect(annOnly).toMatchObject({ mentions: 4, safety: 3, safetyVoices: 1 });

    const samples = await store().termSamples({ ...range, termIds: [kettle!.termId], limit: 10 });
    expect(samples.map((s) => s.id)).toEqual(['5', '4', '2', '1', '7', '6', '3']);
    expect(samples.slice(0, 4).every((s) => s.safety)).toBe(true);
    expect(samples.find((s) => s.id === '5')).toMatchObject({ safety: true, safetyScore: 0.3, complaint: true });
    expect(samples.find((s) => s.id === '3')).toMatchObject({ safety: false, safetyScore: 0.7 });
    expect(samples.find((s) => s.id === '7')).toMatchObject({ safety: false, safetyScore: null });
  });
});
