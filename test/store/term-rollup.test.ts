import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { readOnThread } from '../../src/store/sqlite/edge-reader.js';
import { SqliteReportQueries } from '../../src/store/sqlite/report-queries.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { edgeTermsSql, planRangeRollup, planRollup } from '../../src/store/sqlite/term-rollup.js';
import { exactRange, type HourRange, type ReportQueries } from '../../src/store/store.js';
import { generateScenario } from '../../src/tools/scenarios/generate.js';
import { teaDemoScenario } from '../../src/tools/scenarios/tea.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const END = new Date('2026-11-20T12:00:00.000Z');

describe('the per-day term rollup', () => {
  it('splits a range into whole days and edge hours', () => {
    expect(planRollup(10, 100)).toEqual({ fromDay: 1, toDay: 4, raw: [[10, 24], [96, 100]] });
    expect(planRollup(24, 96)).toEqual({ fromDay: 1, toDay: 4, raw: [] });
    expect(planRollup(30, 40)).toEqual({ fromDay: 0, toDay: 0, raw: [[30, 40]] });
  });

});

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`the per-day term rollup on ${backend.name}`, () => {
  const open = useStore(backend);
  const doneDays = async (store = open()) => Number((await backend.query<{ n: number }>(store, 'SELECT COUNT(*) AS n FROM term_days_done'))[0]!.n);

  it('gives the same term counts as the raw rows, and follows labels and edits', async () => {
    const scenario = teaDemoScenario(END);
    const store = open();
    const mentions = generateScenario(scenario); // every mention is from source x
    await store.upsertMentions(mentions);
    const analyse = () => analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    await analyse();
    // analysis already filled every past day; nothing is left for a report to compute
    expect(await doneDays()).toBeGreaterThanOrEqual(28);
    expect(await store.refreshReportRollups(new Date('2030-01-01'))).toBe(0);
    const toHour = Math.floor(END.getTime() / 3_600_000) + 1;
    const baseline: HourRange = { brand: scenario.brand, fromHour: toHour - 48 - 336, toHour: toHour - 48 };
    const window: HourRange = { brand: scenario.brand, fromHour: toHour - 48, toHour };
    const compare = async () => {
      const ids = (await store.windowTerms({ ...window, source: 'x' }, 3, 400)).map((t) => t.termId);
      expect(ids.length).toBeGreaterThan(20);
      const byId = (rows: Array<{ termId: number }>) => [...rows].sort((a, b) => a.termId - b.termId);
      expect(byId(await store.baselineTerms(baseline, ids))).toEqual(byId(await store.baselineTerms({ ...baseline, source: 'x' }, ids)));
      expect(await store.windowTerms(window, 3, 400)).toEqual(await store.windowTerms({ ...window, source: 'x' }, 3, 400));
    };
    await compare();
    expect(await doneDays()).toBeGreaterThan(10);

    const [target] = await store.searchMentions({ text: 'delivery', limit: 1, until: new Date(END.getTime() - 5 * 86_400_000).toISOString() });
    await store.setHumanLabel(target!.rowId, 'positive');
    expect(await store.refreshReportRollups(new Date('2030-01-01'))).toBe(1);
    await store.upsertMentions([{ ...mentions.find((m) => m.id === target!.id)!, text: 'an edited text about scones' }]);
    await analyse();
    await compare();
  }, 60_000);

  it('gives the same baseline counts when it reads the edge hours ahead (SQLite: on a thread) as when handed the ids', async () => {
    const scenario = teaDemoScenario(END);
    const [store] = await backend.openPair(); // a file: the thread opens its own connection
    await store.upsertMentions(generateScenario(scenario));
    await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    const ahead: Pick<ReportQueries, 'baselineTerms'> = backend.name === 'sqlite'
      ? new SqliteReportQueries((store as SqliteStore).db, { parallelEdgeMentions: 0 }) : store;
    const hour = 3_600_000;
    // hour-aligned and not: partial first and last hours read against each mention's time
    for (const at of [END.getTime() - 5 * hour, END.getTime() - 5 * hour - 17 * 60_000 - 3_000]) {
      const window = exactRange(scenario.brand, at - 48 * hour, at, { dayPhase: 7 });
      const baseline = exactRange(scenario.brand, at - (48 + 336) * hour, at - 48 * hour, { dayPhase: 7 });
      expect(planRangeRollup(baseline).raw.length).toBe(2);
      const ids = (await store.windowTerms(window, 3, 400)).map((t) => t.termId);
      expect(ids.length).toBeGreaterThan(20);
      const handed = await store.baselineTerms(baseline, ids);
      expect(handed.some((t) => t.voices > 0)).toBe(true);
      const byId = (rows: Array<{ termId: number }>) => [...rows].sort((a, b) => a.termId - b.termId);
      expect(byId(await ahead.baselineTerms(baseline, Promise.resolve(ids)))).toEqual(byId(handed));
      expect(await ahead.baselineTerms(baseline, Promise.resolve([]))).toEqual([]);
    }
  }, 60_000);

  if (backend.name === 'sqlite') it('reads on a thread of its own, and answers null when the thread cannot read', async () => {
    const [store] = await backend.openPair();
    await store.upsertMentions(generateScenario(teaDemoScenario(END)));
    const path = (store as SqliteStore).db.name;
    const params = { brand: 1, from: 0, to: 1e9, fromIso: null, toIso: null };
    const rows = await readOnThread(path, [{ sql: 'SELECT COUNT(*) FROM mentions', params: {} }, { sql: edgeTermsSql(0, 1e9, ''), params }]);
    expect(rows?.[0]).toEqual([[generateScenario(teaDemoScenario(END)).length]]);
    expect(rows?.[1]).toEqual([]); // nothing analysed yet: no term rows
    expect(await readOnThread(`${path}.missing`, [{ sql: 'SELECT 1', params: {} }])).toBeNull();
    expect(await readOnThread(path, [{ sql: 'SELECT nonsense FROM nowhere', params: {} }])).toBeNull();
  });

  if (backend.name === 'postgres') it('reads the raw rows when a writer holds the term rows it would roll up, and rolls up after', async () => {
    const scenario = teaDemoScenario(END);
    const [writer, reader] = await backend.openPair();
    await writer.upsertMentions(generateScenario(scenario));
    await analyzePending(writer, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    await backend.query(writer, 'DELETE FROM term_days_done');
    const toHour = Math.floor(END.getTime() / 3_600_000) + 1;
    const baseline: HourRange = { brand: scenario.brand, fromHour: toHour - 48 - 336, toHour: toHour - 48 };
    const ids = (await reader.windowTerms({ brand: scenario.brand, fromHour: toHour - 48, toHour, source: 'x' }, 3, 400)).map((t) => t.termId);
    const raw = await reader.baselineTerms({ ...baseline, source: 'x' }, ids);
    const pg = (writer as PostgresStore).sql;
    // the writer holds its row lock on mention_terms, explicitly, until the test releases it
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => { locked = resolve; });
    const writing = pg.begin(async (tx) => {
      await tx`UPDATE mention_terms SET sentiment = sentiment WHERE mention_id = (SELECT MIN(mention_id) FROM mention_terms)`;
      locked();
      await held;
    });
    try {
      await Promise.race([lockTaken, writing]);
      expect(await reader.baselineTerms(baseline, ids)).toEqual(raw);
      expect(await doneDays(reader)).toBe(0);
    } finally {
      release();
      await writing;
    }
    expect(await reader.baselineTerms(baseline, ids)).toEqual(raw);
    expect(await doneDays(reader)).toBe(13); // the baseline's whole days; its edge hours stay raw
  }, 60_000);
});
