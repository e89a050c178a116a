import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { planRollup } from '../../src/store/sqlite/term-rollup.js';
import type { HourRange } from '../../src/store/store.js';
import { generateScenario } from '../../src/tools/scenarios/generate.js';
import { teaDemoScenario } from '../../src/tools/scenarios/tea.js';

const END = new Date('2026-11-20T12:00:00.000Z');

describe('the per-day term rollup', () => {
  it('splits a range into whole days and edge hours', () => {
    expect(planRollup(10, 100)).toEqual({ fromDay: 1, toDay: 4, raw: [[10, 24], [96, 100]] });
    expect(planRollup(24, 96)).toEqual({ fromDay: 1, toDay: 4, raw: [] });
    expect(planRollup(30, 40)).toEqual({ fromDay: 0, toDay: 0, raw: [[30, 40]] });
  });

  it('gives the same term counts as the raw rows, and follows labels and edits', async () => {
    const scenario = teaDemoScenario(END);
    const store = new SqliteStore(':memory:');
    const mentions = generateScenario(scenario); // every mention is from source x
    await store.upsertMentions(mentions);
    const analyse = () => analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    await analyse();
    // analysis already filled every past day; nothing is left for a report to compute
    const days = store.db.prepare('SELECT COUNT(*) FROM term_days_done').pluck().get() as number;
    expect(days).toBeGreaterThanOrEqual(28);
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
    expect(store.db.prepare('SELECT COUNT(*) FROM term_days_done').pluck().get()).toBeGreaterThan(10);

    const [target] = await store.searchMentions({ text: 'delivery', limit: 1, until: new Date(END.getTime() - 5 * 86_400_000).toISOString() });
    await store.setHumanLabel(target!.rowId, 'positive');
    expect(await store.refreshReportRollups(new Date('2030-01-01'))).toBe(1);
    await store.upsertMentions([{ ...mentions.find((m) => m.id === target!.id)!, text: 'an edited text about scones' }]);
    await analyse();
    await compare();
    await store.close();
  }, 60_000);
});
