import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, ExportRow, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const H = 3_600_000;
const START = Date.parse('2026-11-16T00:00:00.000Z');

const mention = (id: string, hoursIn: number, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: new Date(START + hoursIn * H).toISOString(), text: `the kettle lid ${id}`, author: `a${id}`, ...extra,
});

interface Scores { question?: number; suggestion?: number; complaint?: number; safety?: number; voice?: number; terms?: string[] }

/** An analysis as the analyser writes it; the yes/no flags are the models' at 0.5. */
const record = (rowId: number, s: Scores, version: string): AnalysisRecord => ({
  rowId, modelVersion: version, sentimentScore: 0, sentimentLabel: 'neutral',
  complaintScore: s.complaint ?? 0, complaint: (s.complaint ?? 0) >= 0.5, safetyScore: s.safety ?? 0, safety: (s.safety ?? 0) >= 0.5,
  questionScore: s.question ?? 0, question: (s.question ?? 0) >= 0.5, suggestionScore: s.suggestion ?? 0, suggestion: (s.suggestion ?? 0) >= 0.5,
  clusterKey: `c${rowId}`, cluster: rowId, voice: s.voice ?? rowId, terms: (s.terms ?? ['kettle']).map((t) => ({ key: t, display: t })),
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

describe.each(backends)('intents in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);
  const scalar = async (text: string) => Number(Object.values((await backend.query(store(), text))[0] ?? {})[0]);

  it('stores both scores and flags; human labels win in export, search and status, and survive re-analysis', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2), mention('3', 3, { source: 'reddit' }), mention('4', 4)]);
    const rows = await analyseAll(store(), { 1: { question: 0.91234 }, 2: { suggestion: 0.8 }, 3: { question: 0.7, suggestion: 0.6 } });
    const id = (ext: string) => rows.get(ext)!;
    expect(await scalar(`SELECT question_score FROM analyses WHERE mention_id = ${id('1')}`)).toBe(0.912);

    await store().setIntentLabel(id('4'), 'question', true);
    await store().setIntentLabel(id('3'), 'suggestion', false);
    const check = async () => {
      const byId = new Map((await exported(store())).map((r) => [r.id, r]));
      expect([...byId.values()].map((r) => [r.id, r.isQuestion, r.isSuggestion])).toEqual([
        ['1', true, false], ['2', false, true], ['3', true, false], ['4', true, false]]);
      expect((await exported(store(), { intent: 'question' })).map((r) => r.id)).toEqual(['1', '3', '4']);
      expect((await exported(store(), { intent: 'suggestion' })).map((r) => r.id)).toEqual(['2']);
      expect((await store().searchMentions({ text: 'kettle', intent: 'question', limit: 10 })).map((m) => m.id)).toEqual(['4', '3', '1']);
      expect((await store().searchMentions({ text: 'kettle', intent: 'suggestion', complaint: false, limit: 10 })).map((m) => m.id)).toEqual(['2']);
      expect((await store().status()).rows.map((r) => [r.source, r.questions, r.suggestions])).toEqual([['reddit', 1, 0], ['x', 2, 1]]);
    };
    await check();
    // a new model version says the opposite of the labels: they still win
    await analyseAll(store(), { 1: { question: 0.9 }, 2: { suggestion: 0.8 }, 3: { question: 0.7, suggestion: 0.9 }, 4: { question: 0.1 } }, 'v2');
    await check();
    await store().setIntentLabel(id('4'), 'question', false);
    expect((await exported(store(), { intent: 'question' })).map((r) => r.id)).toEqual(['1', '3']);
  });

  it('the inbox: newest day first, within a day safety, complaint, question, then engagement; handled and labelled-away mentions leave it', async () => {
    await store().upsertMentions([
      mention('q-old', 1), mention('q-low', 31, { metrics: { likes: 1 } }), mention('q-high', 30, { metrics: { likes: 9 } }), mention('c', 32), mention('s', 33),
      mention('chatter', 34), mention('sugg', 35), mention('other', 36, { brand: 'Other' }),
    ]);
    const rows = await analyseAll(store(), {
      'q-old': { question: 0.9 }, 'q-low': { question: 0.9 }, 'q-high': { question: 0.8 }, c: { complaint: 0.9 }, s: { safety: 0.9, complaint: 0.9 },
      sugg: { suggestion: 0.9 }, other: { question: 0.9 },
    });
    const ids = async (q: Partial<Parameters<Store['inboxMentions']>[0]> = {}) => (await store().inboxMentions({ limit: 50, ...q })).map((r) => r.id);
    expect(await ids({ brand: 'Acme' })).toEqual(['s', 'c', 'q-high', 'q-low', 'q-old']);
    const [first] = await store().inboxMentions({ brand: 'acme', limit: 1 });
    expect(first).toMatchObject({ id: 's', source: 'x', brand: 'Acme', safety: true, complaint: true, question: false, engagement: 0 });
    // engagement outranks the time of day: q-high is older than q-low
    expect(await ids({ since: new Date(START + 24 * H).toISOString(), brand: 'Acme', limit: 2 })).toEqual(['s', 'c']);
    expect(await ids({ brand: 'Other' })).toEqual(['other']);
    await store().setIntentLabel(rows.get('q-high')!, 'handled', true);
    await store().setIntentLabel(rows.get('q-low')!, 'question', false);
    await store().setComplaintLabel(rows.get('s')!, false); // still a safety report
    expect(await ids({ brand: 'Acme' })).toEqual(['s', 'c', 'q-old']);
    await store().setIntentLabel(rows.get('q-high')!, 'handled', false);
    expect(await ids({ brand: 'Acme' })).toEqual(['s', 'c', 'q-high', 'q-old']);
  });

  it('suggestions of a brand and range, with their terms in byte order', async () => {
    await store().upsertMentions([mention('1', 1), mention('2', 2), mention('3', 3), mention('4', 4, { brand: 'Other' })]);
    await analyseAll(store(), {
      1: { suggestion: 0.9, terms: ['refill', 'dark mode'], voice: 7 }, 2: { suggestion: 0.4 }, 3: { suggestion: 0.9, terms: [] }, 4: { suggestion: 0.9 },
    });
    const set = await store().suggestionMentions({ brand: 'Acme', since: new Date(START).toISOString(), until: new Date(START + 24 * H).toISOString() });
    expect(set.rows.map((r) => [r.id, r.voice, r.terms.map((t) => t.key)])).toEqual([['1', 7, ['dark mode', 'refill']], ['3', expect.any(Number), []]]);
    // how common the suggestions' terms are among all the brand's mentions of the range (2 carries "kettle", not asked for)
    expect([set.mentions, set.termMentions]).toEqual([3, { 'dark mode': 1, refill: 1 }]);
  });
});
