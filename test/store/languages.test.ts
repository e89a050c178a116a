import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, ExportRow, Scored, Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';
import { buildReport } from '../../src/core/report.js';
import { compareBrands } from '../../src/core/compare.js';
import { renderReportTable } from '../../src/report/report-text.js';

const START = Date.parse('2026-11-16T00:00:00.000Z');
const mention = (id: string, text: string): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: new Date(START + Number(id) * 3_600_000).toISOString(), text, author: `a${id}`,
});

/** What the analyser writes for a post in `lang`: scored ones are negative complaints, unscored ones 0. */
const record = (rowId: number, lang: string, scored: Scored): AnalysisRecord => ({
  rowId, modelVersion: 'v1', sentimentScore: scored === 'none' ? 0 : -0.6, sentimentLabel: scored === 'none' ? 'neutral' : 'negative',
  complaintScore: scored === 'all' ? 0.8 : 0, complaint: scored === 'all', safetyScore: 0, safety: false,
  clusterKey: `c${rowId}`, cluster: rowId, voice: rowId, terms: [{ key: 'kettle', display: 'kettle' }], lang, scored,
});

const LANGS: Record<string, [string, Scored]> = { 1: ['en', 'all'], 2: ['es', 'sentiment'], 3: ['es', 'sentiment'], 4: ['nl', 'none'] };

async function exported(store: Store, query: Parameters<Store['exportMentions']>[0] = {}): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const row of store.exportMentions(query)) rows.push(row);
  return rows;
}

const backends = await storeBackends();

describe.each(backends)('post languages in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);

  it('stores each analysis\'s language and what was scored; status counts them, export shows and filters them', async () => {
    await store().upsertMentions([mention('1', 'the kettle leaks'), mention('2', 'la tetera gotea'), mention('3', 'la tetera no sirve'), mention('4', 'de waterkoker lekt'), mention('5', 'not analysed')]);
    const pending = await store().pendingAnalysis('v1', 0, 100);
    await store().saveAnalyses(pending.filter((p) => LANGS[p.id]).map((p) => record(p.rowId, ...LANGS[p.id]!)));

    const rows = await backend.query<{ lang: string; scored: string }>(store(), 'SELECT lang, scored FROM analyses ORDER BY mention_id');
    expect(rows.map((r) => `${r.lang}:${r.scored}`)).toEqual(['en:all', 'es:sentiment', 'es:sentiment', 'nl:none']);

    const status = await store().status();
    expect(status.languages).toEqual([
      { lang: 'es', analyzed: 2, sentimentOnly: 2, unscored: 0 },
      { lang: 'en', analyzed: 1, sentimentOnly: 0, unscored: 0 },
      { lang: 'nl', analyzed: 1, sentimentOnly: 0, unscored: 1 },
    ]);

    const all = await exported(store());
    expect(all.map((r) => [r.id, r.lang ?? null, r.sentimentLabel, r.complaint, r.isComplaint])).toEqual([
      ['1', 'en', 'negative', 0.8, true],
      // a language with a sentiment model only: its complaint is not known, not "no"
      ['2', 'es', 'negative', null, null],
      ['3', 'es', 'negative', null, null],
      // no model: nothing scored, so no confident neutral either
      ['4', 'nl', null, null, null],
      ['5', null, null, null, null],
    ]);
    expect((await exported(store(), { langs: ['es'] })).map((r) => r.id)).toEqual(['2', '3']);
    expect((await exported(store(), { langs: ['nl', 'en'] })).map((r) => r.id)).toEqual(['1', '4']);
    // search: the same filter; a mention not analysed yet counts as und
    expect((await store().searchMentions({ text: 'tetera', langs: ['es'], limit: 10 })).map((m) => m.id)).toEqual(['3', '2']);
    expect((await store().searchMentions({ text: 'analysed', langs: ['und'], limit: 10 })).map((m) => m.id)).toEqual(['5']);
    expect(await store().searchMentions({ text: 'tetera', langs: ['fr'], limit: 10 })).toEqual([]);
  });

  it('report totals leave unscored posts out of their shares, and say how many there were', async () => {
    await store().upsertMentions([mention('1', 'the kettle leaks'), mention('2', 'la tetera gotea'), mention('3', 'la tetera no sirve'),
      mention('4', 'de waterkoker lekt'), mention('5', 'the kettle is fine')]);
    const pending = await store().pendingAnalysis('v1', 0, 100);
    const langs: Record<string, [string, Scored]> = { ...LANGS, 5: ['en', 'all'] };
    await store().saveAnalyses(pending.map((p) => {
      const r = record(p.rowId, ...langs[p.id]!);
      return p.id === '5' ? { ...r, sentimentScore: 0.5, sentimentLabel: 'positive', complaintScore: 0.1, complaint: false } : r;
    }));
    const at = new Date(START + 8 * 3_600_000);
    const report = await buildReport(store(), { brand: 'Acme', at, windowHours: 12, baselineHours: 48, top: 5, minMentions: 50 });
    // 5 mentions: 1 no model (nl), 2 sentiment only (es); negative 3 of the 4 scored, complaints 1 of the 2 English
    expect(report.totals).toMatchObject({ windowMentions: 5, windowNegativeShare: 0.75, windowComplaintShare: 0.5, windowUnscored: 1, windowSentimentOnly: 2 });
    expect(renderReportTable(report, false)).toContain('of them 1 in languages with no model (unscored), 2 with sentiment only (no complaint score)');
    // --lang: only those languages' mentions, in totals, days and terms
    const spanish = await buildReport(store(), { brand: 'Acme', at, windowHours: 12, baselineHours: 48, top: 5, minMentions: 50, langs: ['es'] });
    expect(spanish.langs).toEqual(['es']);
    expect(spanish.totals).toMatchObject({ windowMentions: 2, windowNegativeShare: 1, windowComplaintShare: 0, windowSentimentOnly: 2 });
    expect(spanish.daily.reduce((n, d) => n + d.mentions, 0)).toBe(2);
    const window = { brand: 'Acme', fromHour: Math.floor(START / 3_600_000), toHour: Math.floor(START / 3_600_000) + 8 };
    expect((await store().windowTerms({ ...window, langs: ['en', 'nl'] }, 1, 10)).map((t) => [t.key, t.mentions])).toEqual([['kettle', 3]]);
    expect((await store().termSamples({ ...window, langs: ['nl'], termIds: (await store().windowTerms(window, 1, 10)).map((t) => t.termId), limit: 10 }))
      .map((s) => s.id)).toEqual(['4']);
    // compare --lang: the day counts come from the links of those languages, not the rollup
    const compared = await compareBrands(store(), { brands: ['Acme'], since: new Date(START - 3_600_000), until: at, bucket: 'day', langs: ['es', 'nl'] });
    expect(compared.brands[0]).toMatchObject({ mentions: 3 });
    const all = await compareBrands(store(), { brands: ['Acme'], since: new Date(START - 3_600_000), until: at, bucket: 'day' });
    expect(all.brands[0]).toMatchObject({ mentions: 5 });
  });

  it('a human label still wins on a post no model could score', async () => {
    await store().upsertMentions([mention('4', 'de waterkoker lekt')]);
    const [p] = await store().pendingAnalysis('v1', 0, 100);
    await store().saveAnalyses([record(p!.rowId, 'nl', 'none')]);
    await store().setHumanLabel(p!.rowId, 'negative');
    await store().setComplaintLabel(p!.rowId, true);
    const [row] = await exported(store());
    expect([row?.sentimentLabel, row?.isComplaint]).toEqual(['negative', true]);
  });
});
