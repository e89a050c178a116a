import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { Report } from '../../src/domain/report.js';
import type { Store } from '../../src/store/store.js';
import { DETECT_CASES, type DetectCase } from '../../src/tools/bench/detect-cases.js';
import { generateScenario } from '../../src/tools/scenarios/generate.js';
import { storeBackends } from '../support/store-backends.js';

const H = 3_600_000;
const DAY_START = Date.parse('2026-11-20T00:00:00.000Z');
/**
 * Every hour of a day and a few odd minutes, as test/core/report-stability.test.ts, with
 * EARSHOT_STABILITY_FULL=1 (~7 min for both backends on a loaded 2-core box); by default
 * eight times spread over the day's phases — midnight, odd minutes either side of it, the
 * morning, midday, the evening — which every drift this test found shows in (~2 min).
 */
const ALL_OFFSETS_MIN = [...Array.from({ length: 24 }, (_, h) => h * 60), 17, 9 * 60 + 31, 23 * 60 + 59];
const OFFSETS_MIN = process.env.EARSHOT_STABILITY_FULL === '1' ? ALL_OFFSETS_MIN : [0, 17, 5 * 60, 9 * 60 + 31, 13 * 60, 17 * 60, 21 * 60, 23 * 60 + 59];
/** A report at the scenario's end, and one 36 h before it, while most problems are still near the thresholds. */
const LOOKBACKS_H = [0, 36];
/** A report reads its 48 h window and 14-day baseline: older posts are left out to keep the test small. */
const READ_HOURS = 48 + 336 + 36 + 1;

/** Each detection scenario ending at each offset, stored as one brand per offset, analysed once. */
async function storeShifted(store: Store, c: DetectCase): Promise<Array<{ brand: string; at: number }>> {
  const runs: Array<{ brand: string; at: number }> = [];
  const brandTerms: Record<string, string[]> = {};
  for (const minutes of OFFSETS_MIN) {
    const at = DAY_START + minutes * 60_000;
    const scenario = c.make(new Date(at));
    const brand = `${scenario.brand} @${minutes}`;
    brandTerms[brand] = [scenario.brand, scenario.handle];
    const mentions: MentionInput[] = generateScenario(scenario)
      .filter((m) => Date.parse(m.createdAt) >= at - READ_HOURS * H)
      .map((m) => ({ ...m, id: `${minutes}-${m.id}`, brand }));
    for (let i = 0; i < mentions.length; i += 2000) await store.upsertMentions(mentions.slice(i, i + 2000));
    runs.push({ brand, at });
  }
  await analyzePending(store, { brandTerms, workers: 0 });
  return runs;
}

/** What must not depend on the time of day: each issue's and trend's rank, label, core terms and counts. */
function identity(report: Report) {
  const of = (list: Report['issues']) => list.map((i) => ({ rank: i.rank, label: i.label, termKeys: i.termKeys, mentions: i.mentions, voices: i.voices }));
  return { issues: of(report.issues), trends: of(report.trends) };
}

/**
 * Issue 25: the candidate screening counted voices per UTC day, so near its thresholds a
 * term could join or leave an issue with the hour of the report. Every scenario of
 * `npm run bench:detect`, at its end and 36 h earlier, must give the same issues and
 * trends, with the same core terms and counts, at 27 times of day.
 */
for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`every detection scenario gives the same report at any time of day (${backend.name}, ${OFFSETS_MIN.length} times)`, () => {
  for (const c of DETECT_CASES) {
    it(`${c.name}: the same issues, core terms and counts at ${OFFSETS_MIN.length} times of day`, async () => {
      const store = await backend.open();
      try {
        const runs = await storeShifted(store, c);
        for (const lookback of LOOKBACKS_H) {
          const reports = await Promise.all(runs.map(({ brand, at }) =>
            buildReport(store, { brand, at: new Date(at - lookback * H), windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 })));
          const first = identity(reports[0]!);
          reports.forEach((report) => expect(identity(report), `${lookback} h before the end, report at ${report.at}`).toEqual(first));
        }
      } finally {
        await backend.cleanup();
      }
    }, 300_000);
  }
});
