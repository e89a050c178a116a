import { beforeEach, describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { Report } from '../../src/domain/report.js';
import { renderReportHtml } from '../../src/report/report-html.js';
import { renderReportMarkdown, renderReportTable } from '../../src/report/report-text.js';
import { renderSlackMessage } from '../../src/report/slack.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { bankOutageScenario, earbudDefectScenario, granolaQualityScenario } from '../../src/tools/scenarios/complaints.js';
import { generateScenario, lastDays, steady, type Scenario } from '../../src/tools/scenarios/generate.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const END = new Date('2026-11-20T09:31:00.000Z');

/**
 * Headphones: steady chatter and a steady delivery complaint, a bigger positive launch,
 * a spammer, and a charging defect told without sentiment words, rising from nothing.
 * "battery" is said in both the launch and the defect.
 */
function headphones(end: Date): Scenario {
  return {
    brand: 'Voltra', handle: '@VoltraAudio', products: ['Pulse buds', 'Arc 2', 'Arc Mini'], end, days: 21, seed: 5,
    streams: [
      { name: 'chatter', authors: 800, perDay: steady(50),
        cores: ['listening to a podcast on my {brand} {product}', 'the {brand} {product} case is small', 'which ear tips for the {brand} {product}?',
          'paired the {brand} {product} with my laptop', 'the {brand} {product} on the bus this morning', 'my sister has the {brand} {product} too'] },
      { name: 'delivery', authors: 500, perDay: steady(12),
        cores: ['my {brand} order still has not arrived', '{brand} delivery took two weeks again', 'still waiting for the {brand} parcel'] },
      { name: 'launch', authors: 700, perDay: lastDays([70, 90]), engagement: 40,
        cores: ['the new {brand} Halo Max sounds amazing', 'loving the {brand} Halo Max noise cancelling', '{brand} Halo Max launch day, so good',
          'finally got the {brand} Halo Max, battery lasts forever', 'the {brand} Halo Max is back in stock, grab one'] },
      { name: 'spam', authors: 1, perDay: lastDays([40, 40]), verbatim: true, cores: ['{brand} refund scam, earbuds never arrived, DM me'] },
      { name: 'charging', authors: 500, perDay: lastDays([3, 12, 26]), engagement: 30,
        cores: ['the {brand} {product} case will not hold a charge', 'battery light on the {brand} {product} case blinks red, no charge',
          'my {brand} {product} case holds no charge after a week', 'the left bud of my {brand} {product} takes no charge since Monday'] },
    ],
  };
}

/** Real sentiment and terms; the complaint yes/no as a complaint model would say it, by stream (the defect told neutrally). */
function analyse(scenario: Scenario, complaints: boolean) {
  const analyze = createMentionAnalyzer({ brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] } });
  const complaining = /^(delivery|charging|spam)/;
  return (input: Parameters<typeof analyze>[0]): AnalysisRecord => {
    const result = analyze(input);
    const isComplaint = complaints && complaining.test(input.author ?? '');
    const flat = input.author?.startsWith('charging') ? { sentimentLabel: 'neutral' as const, sentimentScore: 0 } : {};
    return { ...result, ...flat, complaintScore: isComplaint ? 0.82 : 0.07, complaint: isComplaint };
  };
}

const backends = await storeBackends();
let store: Store;

async function reportOf(scenario: Scenario, complaints: boolean | 'model'): Promise<Report> {
  await store.upsertMentions(generateScenario(scenario));
  if (complaints === 'model') {
    await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
    return buildReport(store, { brand: scenario.brand, at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
  }
  const analyze = analyse(scenario, complaints);
  for (let after = 0; ;) {
    const batch = await store.pendingAnalysis('test', after, 1000);
    if (batch.length === 0) break;
    await store.saveAnalyses(batch.map((input) => ({ ...analyze(input), modelVersion: 'test' })));
    after = batch.at(-1)!.rowId;
  }
  return buildReport(store, { brand: scenario.brand, at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
}

const named = (issue: { label: string; terms: string[] } | undefined) => (issue ? `${issue.label} ${issue.terms.join(' ')}` : '');

describe.each(backends)('complaints decide what is an issue ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it('ranks a defect told without sentiment words first as an issue; the launch stays a trend, the spam and the steady complaint are not issues', async () => {
    const report = await reportOf(headphones(END), true);
    const [first] = report.issues;
    expect(named(first)).toMatch(/charge/);
    expect(first!.negativeShare).toBeLessThan(0.4);
    expect(first!.complaintShare).toBeGreaterThan(0.8);
    expect(first!.baselineComplaintShare).toBeLessThan(0.2);
    expect(first!.samples.length).toBeGreaterThanOrEqual(2);
    expect(first!.samples.every((s) => s.complaint)).toBe(true);
    expect(report.issues.some((i) => /halo|launch|deliver|parcel|refund|scam/i.test(named(i)))).toBe(false);
    expect(named(report.trends[0])).toMatch(/halo/i);
    expect(report.trends[0]!.complaintShare).toBeLessThan(0.1);
    expect(report.totals.windowComplaintShare).toBeGreaterThan(report.totals.baselineComplaintShare);
    expect(report.daily.reduce((n, d) => n + d.complaints, 0)).toBeGreaterThan(0);

    // every renderer and the Slack payload show the complaint share
    const share = `${Math.round(first!.complaintShare * 100)}%`;
    expect(renderReportTable(report, false)).toMatch(/complaints/);
    expect(renderReportTable(report, false)).toContain(`${share} complaints`);
    expect(renderReportMarkdown(report)).toMatch(new RegExp(`\\|\\s+${share} \\|`)); // a padded table cell
    expect(renderReportHtml(report)).toContain(`${share} complaints`);
    expect(JSON.stringify(renderSlackMessage(report, first!))).toContain(`*${share}* complaints`);
  }, 60_000);

  it('with the real models too: the defect first as an issue, the launch that shares a word with it a trend of its own', async () => {
    const report = await reportOf(headphones(END), 'model');
    expect(named(report.issues[0])).toMatch(/charge/);
    expect(report.issues[0]!.complaintShare).toBeGreaterThan(0.5);
    expect(named(report.issues[0])).not.toMatch(/halo/i);
    expect(named(report.trends[0])).toMatch(/halo/i);
    expect(report.issues.some((i) => /halo|deliver|parcel|refund|scam/i.test(named(i)))).toBe(false);
  }, 60_000);

  it('without complaint flags the same defect is only a trend (what the report said before)', async () => {
    const report = await reportOf(headphones(END), false);
    expect(report.issues.some((i) => /charge/.test(named(i)))).toBe(false);
    expect(report.trends.some((i) => /charge/.test(named(i)))).toBe(true);
  }, 60_000);

  it('a human label wins in the report: the defect relabelled as not complaints is a trend again', async () => {
    const report = await reportOf(headphones(END), true);
    expect(named(report.issues[0])).toMatch(/charge/);
    const window = { since: report.window.from, until: report.window.to };
    const refs: string[] = [];
    for await (const row of store.exportMentions({ ...window, brand: 'Voltra', terms: report.issues[0]!.termKeys })) refs.push(`${row.source}:${row.id}`);
    expect(refs).toHaveLength(report.issues[0]!.mentions);
    for (const ref of refs) await store.setComplaintLabel((await store.findMention(ref))[0]!.rowId, false);
    const relabelled = await buildReport(store, { brand: 'Voltra', at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
    expect(relabelled.issues.some((i) => /charge/.test(named(i)))).toBe(false);
    expect(relabelled.trends.find((i) => /charge/.test(named(i)))!.complaintShare).toBe(0);
  }, 60_000);
});

/** The problem (first issue), the bigger positive spike (first trend) and the steady complaint (no issue) of each scenario. */
const TOLD_FLATLY: Array<[string, (end: Date) => Scenario, RegExp, RegExp, RegExp]> = [
  ['an earbud charging-case fault after a firmware update', earbudDefectScenario, /firmware|charge|case/, /sage|green/, /ship|deliver|parcel/],
  ['granola that tastes of soap since a recipe change', granolaQualityScenario, /soap|recipe/, /maple|pecan/, /price|expensive/],
  ['a banking app that logs people out and hangs transfers', bankOutageScenario, /processing|transfer|pending|logging|screen|balance/, /cashback/, /hold|phone|helpline/],
];

describe.each(backends)('problems told without sentiment words, with the real models ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it.each(TOLD_FLATLY)('%s ranks first as an issue; the launch is a trend; the steady complaint is no issue', async (_name, make, problem, spike, steadyComplaint) => {
    const report = await reportOf(make(END), 'model');
    expect(named(report.issues[0])).toMatch(problem);
    expect(report.issues[0]!.complaintShare).toBeGreaterThan(report.issues[0]!.baselineComplaintShare);
    expect(report.issues.some((i) => spike.test(named(i)) || steadyComplaint.test(named(i)))).toBe(false);
    expect(named(report.trends[0])).toMatch(spike);
  }, 60_000);
});
