import { beforeEach, describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import type { Store } from '../../src/store/store.js';
import { generateScenario, type Scenario } from '../../src/tools/scenarios/generate.js';
import { dogFoodIllnessScenario, nightLightHeatScenario } from '../../src/tools/scenarios/unseen-harm.js';
import { broadbandSlowBurnScenario, gameLaunchControlScenario, smartLockSarcasmScenario } from '../../src/tools/scenarios/unseen.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/**
 * Problems told in words the models never saw (issue 31), in domains unlike the training
 * data: each must rank first as an issue beside a bigger positive spike, a steady
 * complaint and a spammer; the harm reports must be marked safety; and a control with
 * nothing emerging must report no issue at any hour of its last five days.
 */

const END = new Date('2026-11-24T18:00:00.000Z');
const HOUR = 3_600_000;
const OPTIONS = { windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 } as const;

interface Case {
  name: string;
  /**
   * Set where today's models still fail the case (checked each time: the case runs as an
   * expected failure, so it fails loudly once the models catch it and must be switched back).
   */
  knownGap?: string;
  make: (end: Date) => Scenario;
  /** The problem's stream (authors are named after it) and the words that name its issue. */
  stream: string;
  /** The steady complaint's stream, which a complaint model flags too. */
  complaintStream: string;
  problem: RegExp;
  /** The bigger positive spike, the steady complaint and the spammer: none is an issue. */
  distractors: RegExp;
  spike: RegExp;
  /** Harm to people, animals or property: the issue must be marked safety. */
  safety: boolean;
}

const CASES: Case[] = [
  { name: 'a low-volume overheating night light, told plainly', make: nightLightHeatScenario, stream: 'heat', complaintStream: 'support', safety: true,
    problem: /hot|plastic|melt|burn|scorch/, spike: /sheep|sound/i, distractors: /sheep|sound machine|support|email|reply|deal|\bdm\b/i },
  { name: 'a smart lock that locks people out, told with praise words', make: smartLockSarcasmScenario, stream: 'lockout', complaintStream: 'fitting', safety: false,
    knownGap: 'sarcasm: the contrast cue flags too few of the praise-worded lockout posts, which merge into the sale trend',
    problem: /update|locksmith|firmware|front door/, spike: /black|friday|sale|half price/i, distractors: /black|friday|sale|half price|deal|install|fitting|appointment|promo/i },
  { name: 'broadband drop-outs that rise slowly over a week', make: broadbandSlowBurnScenario, stream: 'dropouts', complaintStream: 'bill', safety: false,
    knownGap: 'sentiment: "killer for streaming" in the launch reads negative, so the launch term "killer" is a second issue',
    problem: /connection|drop|evening|disconnect/, spike: /2000|upgrade|gig|speed/i, distractors: /2000|upgrade|gig|speed test|killer|bill|price|contract/i },
  { name: 'a batch of dog food that makes dogs sick', make: dogFoodIllnessScenario, stream: 'sick', complaintStream: 'price', safety: true,
    problem: /sick|vomit|vet|ill|diarrh|threw/, spike: /shelter|rescue|donat/i, distractors: /shelter|rescue|donat|price|expensive|subscription|coupon/i },
];

const backends = await storeBackends();
let store: Store;

async function load(scenario: Scenario): Promise<void> {
  const mentions = generateScenario(scenario);
  for (let i = 0; i < mentions.length; i += 1000) await store.upsertMentions(mentions.slice(i, i + 1000));
  await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
}

/** Real sentiment and terms, with the complaint flags a model that recognised every problem post would give: what the scenario asks of the models. */
async function loadWithTargetFlags(scenario: Scenario, streams: string[]): Promise<void> {
  await store.upsertMentions(generateScenario(scenario));
  const analyze = createMentionAnalyzer({ brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] } });
  const complaining = new RegExp(`^(${streams.join('|')})\\d+$`);
  for (let after = 0; ;) {
    const batch = await store.pendingAnalysis('target', after, 1000);
    if (batch.length === 0) break;
    await store.saveAnalyses(batch.map((input) => {
      const complaint = complaining.test(input.author ?? '');
      return { ...analyze(input), complaintScore: complaint ? 0.9 : 0.05, complaint, modelVersion: 'target' };
    }));
    after = batch.at(-1)!.rowId;
  }
}

const reportAt = (scenario: Scenario, at: Date): Promise<Report> => buildReport(store, { brand: scenario.brand, at, ...OPTIONS });
const named = (issue: ReportIssue | undefined) => (issue ? `${issue.label} ${issue.terms.join(' ')}` : '');

/**
 * The safety marks report issues are to carry (issue 31: `safetyVoices`, `safetyShare`);
 * read as none until src/domain/report.ts has them.
 */
function safetyOf(issue: ReportIssue | undefined): { voices: number; share: number } {
  const marked = issue as (ReportIssue & { safetyVoices?: number; safetyShare?: number }) | undefined;
  return { voices: marked?.safetyVoices ?? 0, share: marked?.safetyShare ?? 0 };
}

/** The report's table in one line per group, for failure messages. */
const table = (report: Report) => [...report.issues.map((i) => ['issue', i] as const), ...report.trends.map((i) => ['trend', i] as const)]
  .map(([kind, i]) => `${kind} #${i.rank} "${i.label}" voices ${i.authors} complaints ${i.complaintShare} (evidence ${i.complaintEvidenceShare}) negative ${i.negativeShare} positive? safety ${i.safetyVoices} voices ${i.safetyShare}`).join('\n') || '(nothing)';

describe.each(backends)('problems in words the models never saw ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  describe.each(CASES)('$name', ({ make, problem, spike, distractors, safety, knownGap }) => {
    (knownGap ? it.fails : it)(`ranks first as an issue with the real models; the spike is a trend; no distractor is an issue${knownGap ? ` (known gap: ${knownGap})` : ''}`, async () => {
      const scenario = make(END);
      await load(scenario);
      const report = await reportAt(scenario, END);
      const why = table(report);
      expect(named(report.issues[0]), why).toMatch(problem);
      expect(report.issues.filter((i) => distractors.test(named(i))).map((i) => i.label), why).toEqual([]);
      expect(report.trends.some((t) => spike.test(named(t))), why).toBe(true);
    }, 30_000);

    it.runIf(safety)('is marked safety: at least 3 voices report harm', async () => {
      const scenario = make(END);
      await load(scenario);
      const report = await reportAt(scenario, END);
      const first = report.issues[0];
      expect(named(first), table(report)).toMatch(problem);
      expect(safetyOf(first).voices).toBeGreaterThanOrEqual(3);
      expect(safetyOf(first).share).toBeGreaterThanOrEqual(0.3);
      // the spike is not a safety issue, whatever words it uses
      expect(report.issues.filter((i) => safetyOf(i).voices >= 3 && !problem.test(named(i))).map((i) => i.label)).toEqual([]);
    }, 30_000);
  });

  it('a control with a launch, a steady complaint and a spammer reports no issue at any hour of its last five days', async () => {
    const scenario = gameLaunchControlScenario(END);
    await load(scenario);
    for (let at = END.getTime() - 5 * 24 * HOUR; at <= END.getTime(); at += 4 * HOUR) {
      const report = await reportAt(scenario, new Date(at));
      expect(report.issues.map((i) => i.label), `at ${new Date(at).toISOString()}\n${table(report)}`).toEqual([]);
    }
    // the launch is seen, as a trend
    expect((await reportAt(scenario, END)).trends.some((t) => /season/i.test(named(t)))).toBe(true);
  }, 60_000);
});

/**
 * Each problem is found first once a complaint model flags its posts: what the scenarios
 * ask of the models, and no more. The detection is the same code on both backends, which
 * the tests above run; this check runs once.
 */
describe('with the complaint flags of a model that recognised every problem post (sqlite)', () => {
  const current = useStore(backends[0]!);
  beforeEach(() => { store = current(); });

  it.each(CASES)('$name ranks first as an issue', async ({ make, stream, complaintStream, problem }) => {
    const scenario = make(END);
    await loadWithTargetFlags(scenario, [stream, complaintStream]);
    const report = await reportAt(scenario, END);
    expect(named(report.issues[0]), table(report)).toMatch(problem);
  }, 30_000);
});
