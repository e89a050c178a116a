import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { EFFECTIVE_COMPLAINT, EFFECTIVE_SAFETY } from '../../src/store/sqlite/mention-queries.js';
import { EFFECTIVE_QUESTION, EFFECTIVE_SUGGESTION } from '../../src/store/sqlite/intent-queries.js';
import { exactRange, type HourRange, type Store } from '../../src/store/store.js';
import { generateScenario } from '../../src/tools/scenarios/generate.js';
import { slowGrowthScenario } from '../../src/tools/scenarios/others.js';
import { teaDemoScenario } from '../../src/tools/scenarios/tea.js';
import { storeBackends, useStore, type StoreBackend } from '../support/store-backends.js';

const H = 3_600_000;
const END = new Date('2026-11-20T12:00:00.000Z');
const NOW = new Date('2026-11-21T00:00:00.000Z');

/** Status's counts as they were computed before the rollup: every link, joined and counted. */
async function rawStatusCounts(backend: StoreBackend, store: Store) {
  const rows = await backend.query<Record<string, unknown>>(store, `
    SELECT b.name AS brand, m.source AS source, COUNT(*) AS mentions, MIN(m.created_at) AS first_mention, MAX(m.created_at) AS last_mention,
      COUNT(a.mention_id) AS analyzed, COALESCE(SUM(${EFFECTIVE_COMPLAINT}), 0) AS complaints, COALESCE(SUM(${EFFECTIVE_SAFETY}), 0) AS safety,
      COALESCE(SUM(${EFFECTIVE_QUESTION}), 0) AS questions, COALESCE(SUM(${EFFECTIVE_SUGGESTION}), 0) AS suggestions
    FROM mention_brands l JOIN mentions m ON m.id = l.mention_id JOIN brands b ON b.id = l.brand_id
    LEFT JOIN analyses a ON a.mention_id = m.id LEFT JOIN complaint_labels cl ON cl.mention_id = m.id
    LEFT JOIN safety_labels sl ON sl.mention_id = m.id LEFT JOIN intent_labels il ON il.mention_id = m.id
    GROUP BY b.name, m.source`);
  return rows.map((r) => ({
    brand: r.brand, source: r.source, mentions: Number(r.mentions), firstMention: r.first_mention, lastMention: r.last_mention,
    analyzed: Number(r.analyzed), complaints: Number(r.complaints), safety: Number(r.safety),
    questions: Number(r.questions), suggestions: Number(r.suggestions),
  })).sort((a, b) => String(a.brand).localeCompare(String(b.brand)) || String(a.source).localeCompare(String(b.source)));
}

async function statusCounts(store: Store) {
  return (await store.status()).rows.map(({ lastScan: _, lastOutcome: _o, lastSuccess: _s, lastFailure: _f, lastFailureReason: _r, budgetHit: _b, lastKind: _k, lastHttpStatus: _h, ...row }) => row);
}

/** Ranges with partial edge hours and a phase, as reports build them. */
function ranges(brand: string): HourRange[] {
  const at = END.getTime() - 17 * 60_000;
  return [
    exactRange(brand, at - 48 * H, at, { dayPhase: 12 }),
    exactRange(brand, at - 48 * H - 336 * H, at - 48 * H, { dayPhase: 12 }),
    exactRange(brand, at - 5 * H, at),
    { brand, fromHour: Math.floor(at / H) - 24 * 20, toHour: Math.floor(at / H) },
  ];
}

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`report totals and status from the day rollups (${backend.name})`, () => {
  const open = useStore(backend);

  it('give the counts the raw links give, after labels, edits, late mentions and complaint labels on unanalysed ones', async () => {
    const store = open();
    const scenario = teaDemoScenario(END);
    const mentions = generateScenario(scenario); // every mention is from source x
    await store.upsertMentions(mentions);
    // a second source, so status has more than one row per brand
    await store.upsertMentions(mentions.slice(0, 300).map((m) => ({ ...m, id: `r-${m.id}`, source: 'reddit' })));
    const analyse = () => analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0, now: NOW });
    await analyse();
    const check = async (when: string) => {
      expect(await statusCounts(store), when).toEqual(await rawStatusCounts(backend, store));
      for (const range of ranges(scenario.brand)) {
        // a source filter reads the raw links (only source x has the scenario's mentions in these ranges' counts)
        const all = await store.dailyTotals(range);
        expect(all.length, when).toBeGreaterThan(0);
        const raw = await backend.query<Record<string, unknown>>(store, rawDailySql(range));
        expect(all, `${when}: ${JSON.stringify(range)}`).toEqual(raw.map((r) => ({
          day: Number(r.day), mentions: Number(r.mentions), negative: Number(r.negative), positive: Number(r.positive), complaints: Number(r.complaints),
        })));
      }
    };
    await check('after the first analysis');

    const [old] = await store.searchMentions({ text: 'delivery', limit: 1, until: new Date(END.getTime() - 5 * 86_400_000).toISOString() });
    await store.setHumanLabel(old!.rowId, 'negative');
    await store.setComplaintLabel(old!.rowId, true);
    await store.setSafetyLabel(old!.rowId, true);
    await check('after labels on an old mention');
    await store.upsertMentions([{ ...mentions.find((m) => m.id === old!.id)!, text: 'an edited text about scones' }]);
    await check('after an edit, before its analysis');
    await analyse();
    await check('after the edit was analysed');

    // a late mention on an old day, not analysed yet, labelled a complaint by hand
    const late: MentionInput = { id: 'late-1', source: 'x', brand: scenario.brand, author: 'late', text: 'the lid broke',
      createdAt: new Date(END.getTime() - 9 * 86_400_000).toISOString() };
    await store.upsertMentions([late]);
    await store.refreshReportRollups(NOW);
    const [stored] = await store.findMention('x:late-1');
    await store.setComplaintLabel(stored!.rowId, true);
    await check('after a complaint label on an unanalysed mention');
    await store.refreshReportRollups(NOW);
    await store.setSafetyLabel(stored!.rowId, true);
    await check('after a safety label on an unanalysed mention');
    await store.refreshReportRollups(NOW);
    await check('after the rollups were refreshed');
  }, 120_000);
});

/** dailyTotals as it was before the rollup: one GROUP BY over the range's analysed links. */
function rawDailySql(range: HourRange): string {
  const edge = (iso: string | undefined, cmp: string) => (iso ? `AND (t.hour ${cmp === '>=' ? '>' : '<'} ${cmp === '>=' ? range.fromHour : range.toHour - 1}
    OR m.created_at ${cmp} '${iso}')` : '');
  return `SELECT t.hour / 24 AS day, COUNT(*) AS mentions, SUM(CASE WHEN t.sentiment < 0 THEN 1 ELSE 0 END) AS negative,
      SUM(CASE WHEN t.sentiment > 0 THEN 1 ELSE 0 END) AS positive, SUM(CASE WHEN t.complaint <> 0 THEN 1 ELSE 0 END) AS complaints
    FROM mention_brands t JOIN mentions m ON m.id = t.mention_id JOIN brands b ON b.id = t.brand_id
    WHERE b.name = '${range.brand}' AND t.sentiment IS NOT NULL AND t.hour >= ${range.fromHour} AND t.hour < ${range.toHour}
      ${edge(range.fromIso, '>=')} ${edge(range.toIso, '<')}
    GROUP BY t.hour / 24 ORDER BY day`;
}

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`report JSON and status on a fixed corpus are unchanged (${backend.name})`, () => {
  const open = useStore(backend);

  it('match the output recorded before the rollups', async () => {
    const store = open();
    const tea = teaDemoScenario(END);
    const slow = slowGrowthScenario(END);
    for (const scenario of [tea, slow]) {
      const mentions = generateScenario(scenario).map((m) => ({ ...m, id: `${scenario.brand}-${m.id}` }));
      for (let i = 0; i < mentions.length; i += 2000) await store.upsertMentions(mentions.slice(i, i + 2000));
    }
    await analyzePending(store, { brandTerms: { [tea.brand]: [tea.brand, tea.handle], [slow.brand]: [slow.brand, slow.handle] }, workers: 0, now: NOW });
    const outputs: Record<string, unknown> = { status: await statusCounts(store), totalMentions: (await store.status()).totalMentions };
    for (const brand of [tea.brand, slow.brand]) {
      for (const at of [END, new Date(END.getTime() - 17 * 60_000)]) {
        const { generatedAt: _, ...report } = await buildReport(store, { brand, at, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
        outputs[`${brand} @ ${at.toISOString()}`] = report;
      }
    }
    await expect(`${JSON.stringify(outputs, null, 1)}\n`).toMatchFileSnapshot('../fixtures/golden/report-status-rollups.json');
  }, 120_000);
});
