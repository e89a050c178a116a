import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { exactRange, type AnalysisRecord, type ExportRow, type Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const H = 3_600_000;
/** Three whole days and a partial one; every mention carries the term "lid". */
const START = Date.parse('2026-11-16T00:00:00.000Z');
const AT = START + 3 * 24 * H + 9 * H + 31 * 60_000;

const mention = (id: string, hoursIn: number, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: new Date(START + hoursIn * H).toISOString(), text: `the lid cracked ${id}`, author: `a${id}`, ...extra,
});

/** An analysis as the analyser writes it; `complaint` is the model's yes/no. */
const record = (rowId: number, complaintScore: number, version = 'v1'): AnalysisRecord => ({
  rowId, modelVersion: version, sentimentScore: 0, sentimentLabel: 'neutral', complaintScore, complaint: complaintScore >= 0.5, safetyScore: 0, safety: false,
  clusterKey: `c${rowId}`, cluster: rowId, voice: rowId, terms: [{ key: 'lid', display: 'lid' }, { key: `w${rowId % 2}`, display: `w${rowId % 2}` }],
});

async function analyseAll(store: Store, scores: Record<string, number>, version = 'v1'): Promise<Map<string, number>> {
  const pending = await store.pendingAnalysis(version, 0, 100);
  await store.saveAnalyses(pending.map((p) => record(p.rowId, scores[p.id] ?? 0, version)));
  return new Map(pending.map((p) => [p.id, p.rowId]));
}

async function exported(store: Store, query: Parameters<Store['exportMentions']>[0] = {}): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of store.exportMentions(query)) rows.push(row);
  return rows;
}

const backends = await storeBackends();

describe.each(backends)('complaints in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);
  const scalar = async (text: string) => Number(Object.values((await backend.query(store(), text))[0] ?? {})[0]);

  it('stores the model\'s score (3 decimals) and yes/no; a human label wins everywhere and survives re-analysis', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2), mention('3', 3, { source: 'reddit' }), mention('4', 4)]);
    const rows = await analyseAll(store(), { 1: 0.91234, 2: 0.2, 3: 0.7 });
    const id = (ext: string) => rows.get(ext)!;
    expect(await scalar(`SELECT complaint_score FROM analyses WHERE mention_id = ${id('1')}`)).toBe(0.912);
    expect(await scalar('SELECT COUNT(*) FROM mention_terms WHERE complaint = 1')).toBe(4); // mentions 1 and 3, two terms each

    await store().setComplaintLabel(id('2'), true);
    await store().setComplaintLabel(id('3'), false);
    const check = async (score2: number) => {
      const byId = new Map((await exported(store())).map((r) => [r.id, r]));
      expect([...byId.values()].map((r) => [r.id, r.isComplaint])).toEqual([['1', true], ['2', true], ['3', false], ['4', false]]);
      expect(byId.get('2')!.complaint).toBe(score2); // the score stays what the model said
      expect((await exported(store(), { complaint: true })).map((r) => r.id)).toEqual(['1', '2']);
      expect((await exported(store(), { complaint: false })).map((r) => r.id)).toEqual(['3', '4']);
      expect((await store().searchMentions({ text: 'lid', complaint: true, limit: 10 })).map((m) => m.id)).toEqual(['2', '1']);
      expect((await store().searchMentions({ text: 'lid', complaint: false, limit: 10 })).map((m) => m.id)).toEqual(['4', '3']);
      expect((await store().status()).rows.map((r) => [r.source, r.analyzed, r.complaints])).toEqual([['reddit', 1, 0], ['x', 3, 2]]);
      expect(await scalar(`SELECT COUNT(*) FROM mention_terms WHERE complaint = 1 AND mention_id IN (${id('2')}, ${id('3')})`)).toBe(2);
    };
    await check(0.2);
    // a new model version re-scores everything, saying the opposite: the labels still win
    await analyseAll(store(), { 1: 0.9, 2: 0.1, 3: 0.95 }, 'v2');
    await check(0.1);
  });

  it('labels a mention before it is analysed, and the analysis takes the label', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2)]);
    const [one] = await store().findMention('x:1');
    await store().setComplaintLabel(one!.rowId, true);
    expect((await exported(store())).map((r) => [r.id, r.complaint, r.isComplaint])).toEqual([['1', null, true], ['2', null, null]]);
    expect((await store().status()).rows[0]!.complaints).toBe(1);
    await analyseAll(store(), { 1: 0.1, 2: 0.1 });
    expect((await exported(store())).map((r) => [r.id, r.complaint, r.isComplaint])).toEqual([['1', 0.1, true], ['2', 0.1, false]]);
    expect(await scalar(`SELECT COUNT(*) FROM mention_terms WHERE complaint = 1 AND mention_id = ${one!.rowId}`)).toBe(2);
  });

  it('counts complaints in every report query, from the rollup and the raw rows alike', async () => {
    const mentions = Array.from({ length: 40 }, (_, i) => mention(String(i + 1), i * 2 + 0.5));
    await store().upsertMentions(mentions);
    const complaining = Object.fromEntries(mentions.map((m, i) => [m.id, i % 3 === 0 ? 0.8 : 0.1]));
    const rows = await analyseAll(store(), complaining);
    await store().refreshReportRollups(new Date(AT));
    const expectedComplaints = mentions.filter((_, i) => i % 3 === 0 && START + (i * 2 + 0.5) * H < AT).length;
    const range = exactRange('Acme', START, AT);
    const days = await store().dailyTotals(range);
    expect(days.reduce((n, d) => n + d.complaints, 0)).toBe(expectedComplaints);
    const [lid] = (await store().windowTerms(range, 1, 10)).filter((t) => t.key === 'lid');
    expect(lid).toMatchObject({ complaints: expectedComplaints });
    // the same counts without the rollup (a source filter reads the raw rows)
    const raw = (await store().windowTerms({ ...range, source: 'x' }, 1, 10)).find((t) => t.key === 'lid');
    expect(raw).toEqual(lid);
    expect(await store().baselineTerms(range, [lid!.termId])).toEqual([lid]);
    expect((await store().termGroupStats(range, [lid!.termId])).complaints).toBe(expectedComplaints);
    // a group with no rows in the range: zeros, no first mention, no days
    expect(await store().termGroupStats(range, [lid!.termId + 1_000_000])).toEqual({
      mentions: 0, authors: 0, voices: 0, negative: 0, positive: 0, complaints: 0, safety: 0, safetyVoices: 0, complaintEvidence: 0, safetyEvidence: 0,
      engagement: 0, firstSeen: null, daily: [],
    });

    // a label moves every count, and marks its day stale in the rollup
    await store().setComplaintLabel(rows.get('2')!, true);
    expect(await store().refreshReportRollups(new Date(AT))).toBe(1);
    const after = (await store().windowTerms(range, 1, 10)).find((t) => t.key === 'lid');
    expect(after!.complaints).toBe(expectedComplaints + 1);
    expect((await store().windowTerms({ ...range, source: 'x' }, 1, 10)).find((t) => t.key === 'lid')).toEqual(after);
    expect((await store().termGroupStats(range, [lid!.termId])).complaints).toBe(expectedComplaints + 1);
    expect((await store().dailyTotals(range)).reduce((n, d) => n + d.complaints, 0)).toBe(expectedComplaints + 1);

    // samples carry the flag and the model's score, complaints first
    const samples = await store().termSamples({ ...range, termIds: [lid!.termId], limit: 50 });
    expect(samples.slice(0, expectedComplaints + 1).every((s) => s.complaint)).toBe(true);
    expect(samples.slice(expectedComplaints + 1).some((s) => s.complaint)).toBe(false);
    expect(samples.find((s) => s.id === '2')).toMatchObject({ complaint: true, complaintScore: 0.1 });
    expect(samples.find((s) => s.id === '1')).toMatchObject({ complaint: true, complaintScore: 0.8 });
  });
});
