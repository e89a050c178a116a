import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { issueQuery } from '../../src/core/export.js';
import { buildReport } from '../../src/core/report.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { Report } from '../../src/domain/report.js';
import { exactRange, type Store } from '../../src/store/store.js';
import { generateScenario, type Scenario } from '../../src/tools/scenarios/generate.js';
import { slowGrowthScenario, smallNewIssueScenario } from '../../src/tools/scenarios/others.js';
import { teaDemoScenario } from '../../src/tools/scenarios/tea.js';
import { storeBackends } from '../support/store-backends.js';

const H = 3_600_000;
const DAY_START = Date.parse('2026-11-20T00:00:00.000Z');
/**
 * Where "now" falls must not change what is found: every hour of a day and a few odd
 * minutes with EARSHOT_STABILITY_FULL=1 (~2.5 min on a loaded 2-core box); by default every
 * third hour and the odd minutes around midnight and mid-morning (as
 * test/core/report-stability-scenarios.test.ts, which covers every bench scenario).
 */
const ALL_OFFSETS_MIN = [...Array.from({ length: 24 }, (_, h) => h * 60), 17, 9 * 60 + 31, 23 * 60 + 59];
const OFFSETS_MIN = process.env.EARSHOT_STABILITY_FULL === '1'
  ? ALL_OFFSETS_MIN
  : [...Array.from({ length: 8 }, (_, i) => i * 3 * 60), 17, 9 * 60 + 31, 23 * 60 + 59];

interface Shiftable {
  brand: string;
  handle: string;
  mentions: MentionInput[];
}

const fromScenario = (make: (end: Date) => Scenario) => (end: Date): Shiftable => {
  const scenario = make(end);
  return { brand: scenario.brand, handle: scenario.handle, mentions: generateScenario(scenario) };
};

/**
 * Two weeks of chatter, then 40 people on plastic in the tea bags over the last 40 hours,
 * where rare words ("microplastics", 8 posts in 2 near-duplicate texts) and everyday ones
 * ("tea") sit near the detector's thresholds: a report built on UTC days let them join the
 * issue at some hours and not others.
 */
function plasticWave(end: Date): Shiftable {
  const now = end.getTime();
  const mentions: MentionInput[] = [];
  const chatter = ['lovely cup of green tea this morning', 'the chai blend is great with milk', 'ordered the rooibos again, tasty',
    'earl grey with lemon is my favourite', 'new mug for my afternoon tea', 'peppermint tea helps after lunch',
    'camomile before bed works', 'iced tea weather finally', 'my kettle broke today', 'breakfast blend and toast'];
  const openers = ['Shocked to learn', 'Just read', 'Can someone confirm', 'Disgusted that', 'Apparently', 'Unbelievable:',
    'So my sister says', 'Why did nobody tell us', 'Angry because', 'Worried now,'];
  const tails = ['never buying again', 'this is awful', 'what a scandal', 'terrible for health', 'switching brands',
    'so disappointed', 'gross', 'horrible news', 'how is this allowed', 'bad bad bad'];
  const extras = ['microplastics everywhere', 'my cup of tea', 'the bags melt', 'seriously', 'wow'];
  for (let d = 0; d < 16; d++) {
    for (let i = 0; i < 20; i++) {
      mentions.push({ id: `b${d}-${i}`, source: 'x', brand: 'Acme', createdAt: new Date(now - d * 24 * H - i * H / 2 - H / 3).toISOString(),
        text: `${chatter[(d * 3 + i) % 10]} ${['today', 'again', 'yay', 'hmm', 'ok'][i % 5]} ${d}`, author: `fan${(d * 7 + i) % 40}` });
    }
  }
  for (let i = 0; i < 40; i++) {
    mentions.push({ id: `w${i}`, source: i % 2 ? 'x' : 'reddit', brand: 'Acme', createdAt: new Date(now - (i + 1) * H).toISOString(),
      text: `${openers[i % 10]} there is plastic in the tea bags, ${tails[(i * 3) % 10]} ${extras[i % 5]}`, author: `angry${i}` });
  }
  return { brand: 'Acme', handle: '@acme', mentions };
}

/** The same data ending at each offset, stored as one brand per offset (ids kept apart), analysed once. */
async function storeShifted(store: Store, make: (end: Date) => Shiftable): Promise<Array<{ brand: string; at: Date }>> {
  const runs: Array<{ brand: string; at: Date }> = [];
  const brandTerms: Record<string, string[]> = {};
  for (const minutes of OFFSETS_MIN) {
    const at = new Date(DAY_START + minutes * 60_000);
    const data = make(at);
    const brand = `${data.brand} @${minutes}`;
    brandTerms[brand] = [data.brand, data.handle];
    const mentions: MentionInput[] = data.mentions.map((m) => ({ ...m, id: `${minutes}-${m.id}`, brand }));
    for (let i = 0; i < mentions.length; i += 2000) await store.upsertMentions(mentions.slice(i, i + 2000));
    runs.push({ brand, at });
  }
  await analyzePending(store, { brandTerms, workers: 0 });
  return runs;
}

/** What must not depend on the time of day: each issue's and trend's rank, label, identity and counts. */
function identity(report: Report) {
  const of = (list: Report['issues']) => list.slice(0, 3).map((i) => ({ rank: i.rank, label: i.label, termKeys: i.termKeys, mentions: i.mentions, authors: i.authors }));
  return { issues: of(report.issues), trends: of(report.trends), window: report.totals.windowMentions, baseline: report.totals.baselineMentions };
}

async function countExported(store: Store, report: Report, rank: number): Promise<number> {
  let n = 0;
  for await (const _row of store.exportMentions(issueQuery(report, rank))) n++;
  return n;
}

const SCENARIOS: Array<[string, (end: Date) => Shiftable, RegExp]> = [
  ['the tea-bag plastic demo', fromScenario(teaDemoScenario), /plastic/],
  ['a slowly growing battery complaint', fromScenario(slowGrowthScenario), /battery/],
  ['a small new login error', fromScenario(smallNewIssueScenario), /error|login|503/],
  ['a plastic wave beside words at the thresholds', plasticWave, /plastic/],
];

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`a report does not depend on the time of day (${backend.name})`, () => {
  for (const [name, make, expected] of SCENARIOS) {
    it(`${name}: the same issues, core terms and counts at ${OFFSETS_MIN.length} times of day; export --issue returns what was counted`, async () => {
      const store = await backend.open();
      try {
        const runs = await storeShifted(store, make);
        const reports = await Promise.all(runs.map(({ brand, at }) =>
          buildReport(store, { brand, at, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 })));
        const first = identity(reports[0]!);
        expect(first.issues[0]?.termKeys.join(' ')).toMatch(expected);
        reports.forEach((report, i) => expect(identity(report), `report at ${report.at}`).toEqual(first));
        for (const report of [reports[0]!, reports[OFFSETS_MIN.indexOf(9 * 60 + 31)]!]) {
          for (const issue of [...report.issues]) expect(await countExported(store, report, issue.rank), `${report.at} #${issue.rank}`).toBe(issue.mentions);
        }
      } finally {
        await backend.cleanup();
      }
    }, 180_000);
  }
});

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`the days of a group's counts end where the report's window ends (${backend.name})`, () => {
  it('numbers days from the range\'s phase, in whole days', async () => {
    const store = await backend.open();
    try {
      const at = Date.parse('2026-11-20T09:31:00.000Z');
      // one author each at 09:10 and 10:20 on one UTC day: one voice-day with days from midnight, two from 10:00
      await store.upsertMentions([9 * 60 + 10, 10 * 60 + 20].map((m, i) => ({ id: `p${i}`, source: 'x', brand: 'Acme', author: 'same',
        createdAt: new Date(Date.parse('2026-11-19T00:00:00.000Z') + m * 60_000).toISOString(), text: `the lid cracked again ${i}` })));
      await analyzePending(store, { brandTerms: { Acme: ['Acme'] }, workers: 0 });
      const [term] = await store.windowTerms({ brand: 'Acme', fromHour: 0, toHour: Math.ceil(at / H) }, 1, 10);
      const phased = await store.termGroupStats({ ...exactRange('Acme', at - 48 * H, at), dayPhase: 10 }, [term!.termId]);
      const utc = await store.termGroupStats(exactRange('Acme', at - 48 * H, at), [term!.termId]);
      expect(phased.daily.every((d) => Number.isInteger(d.day))).toBe(true);
      expect(phased.daily.map((d) => d.voices)).toEqual([1, 1]);
      expect(utc.daily.map((d) => d.voices)).toEqual([1]);
    } finally {
      await backend.cleanup();
    }
  });
});

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`--at is exact (${backend.name})`, () => {
  const AT = Date.parse('2026-11-29T00:00:00.000Z');
  /** One mention each at a few instants around the window's and the baseline's edges. */
  async function reportAt(at: number, times: number[]): Promise<Report> {
    const store = await backend.open();
    const text = (i: number) => `kettle number ${i} is fine`;
    await store.upsertMentions(times.map((t, i) => ({ id: `e${i}`, source: 'x', brand: 'Acme', createdAt: new Date(t).toISOString(), text: text(i), author: `a${i}` })));
    await analyzePending(store, { brandTerms: { Acme: ['Acme'] }, workers: 0 });
    return buildReport(store, { brand: 'Acme', at: new Date(at), windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
  }

  it('on the hour: a mention at or after --at is not counted, one at --at − window is', async () => {
    try {
      const report = await reportAt(AT, [AT + 30 * 60_000, AT, AT - 1, AT - 48 * H, AT - 48 * H - 1, AT - 384 * H, AT - 384 * H - 1]);
      expect(report.window).toEqual({ from: '2026-11-27T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z', hours: 48 });
      expect(report.totals.windowMentions).toBe(2); // AT − 1 ms and AT − 48 h
      expect(report.totals.baselineMentions).toBe(2); // AT − 48 h − 1 ms and AT − 384 h
    } finally {
      await backend.cleanup();
    }
  });

  it('inside an hour: both edges are read to the millisecond', async () => {
    const at = AT + 37 * 60_000 + 12_345;
    try {
      const report = await reportAt(at, [at + 1, at, at - 1, at - 60_000, at - 48 * H, at - 48 * H - 1, at - 384 * H, at - 384 * H - 1,
        AT, AT - 48 * H]);
      expect(report.window).toEqual({ from: new Date(at - 48 * H).toISOString(), to: new Date(at).toISOString(), hours: 48 });
      // window: at − 1 ms, at − 1 min, at − 48 h, and AT (in the partial last hour)
      expect(report.totals.windowMentions).toBe(4);
      // baseline: at − 48 h − 1 ms, at − 384 h, and AT − 48 h (in the partial hour the window starts in)
      expect(report.totals.baselineMentions).toBe(3);
    } finally {
      await backend.cleanup();
    }
  });
});
