import { beforeEach, describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport, coreTerms } from '../../src/core/report.js';
import type { Report } from '../../src/domain/report.js';
import { renderReportTable } from '../../src/report/report-text.js';
import { generateScenario, type Scenario } from '../../src/tools/scenarios/generate.js';
import { petitionScenario, quietScenario, slowGrowthScenario, smallNewIssueScenario, spamOnlyScenario } from '../../src/tools/scenarios/others.js';
import { brandSchema } from '../../src/config/schema.js';
import { createBrandLinker } from '../../src/core/brand-links.js';
import { compareBrands } from '../../src/core/compare.js';
import { rivalDemoScenario, teaDemoScenario } from '../../src/tools/scenarios/tea.js';
import { storeBackends, useStore } from '../support/store-backends.js';
import type { Store } from '../../src/store/store.js';

const END = new Date('2026-11-20T12:00:00.000Z');

const backends = await storeBackends();
let store: Store;

async function reportFor(scenario: Scenario): Promise<Report> {
  const mentions = generateScenario(scenario);
  for (let i = 0; i < mentions.length; i += 1000) await store.upsertMentions(mentions.slice(i, i + 1000));
  await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
  const report = await buildReport(store, { brand: scenario.brand, at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
  return report;
}

const termsOf = (issue: { terms: string[]; label: string } | undefined) => (issue ? `${issue.label} ${issue.terms.join(' ')}` : '');

describe.each(backends)('emerging-issue detection ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it('ranks the tea-bag plastic concern first despite a launch spike, a steady complaint and a spammer', async () => {
    const report = await reportFor(teaDemoScenario(END));
    expect(termsOf(report.issues[0])).toMatch(/plastic/);
    expect(termsOf(report.issues[0])).toMatch(/tea bag/);
    expect(report.issues[0]!.negativeShare).toBeGreaterThan(0.4);
    expect(report.issues[0]!.samples.length).toBeGreaterThanOrEqual(2);
    expect(new Set(report.issues[0]!.samples.map((s) => s.author)).size).toBe(report.issues[0]!.samples.length);
    // the launch is a positive trend, not an issue
    expect(report.issues.some((i) => /oolong/i.test(termsOf(i)))).toBe(false);
    expect(termsOf(report.trends[0])).toMatch(/oolong/i);
    // neither the steady delivery complaint nor the spam account is an issue
    expect(report.issues.some((i) => /deliver|courier|scam|followers/i.test(termsOf(i)))).toBe(false);
  }, 60_000);

  it('the demo\'s two brands: the rival\'s flat lid reports are its issue, posts naming both count for both', async () => {
    const brands = [
      brandSchema.parse({ name: 'Kettleby Tea', aliases: ['@KettlebyTea', 'Kettleby'] }),
      brandSchema.parse({ name: 'Brindle Tea', aliases: ['@BrindleTea', 'Brindle'] }),
    ];
    const link = createBrandLinker(brands);
    const mentions = [...generateScenario(teaDemoScenario(END)), ...generateScenario(rivalDemoScenario(END)).map((m) => ({ ...m, id: `b${m.id}` }))].map(link);
    const both = mentions.filter((m) => m.alsoBrands?.length);
    expect(both.length).toBeGreaterThan(100);
    for (let i = 0; i < mentions.length; i += 1000) await store.upsertMentions(mentions.slice(i, i + 1000));
    await analyzePending(store, { brandTerms: { 'Kettleby Tea': ['Kettleby Tea', '@KettlebyTea', 'Kettleby'], 'Brindle Tea': ['Brindle Tea', '@BrindleTea', 'Brindle'] }, workers: 0 });
    const options = { at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 };
    const rival = await buildReport(store, { brand: 'Brindle Tea', ...options });
    expect(termsOf(rival.issues[0])).toMatch(/lid|caddy|hinge/);
    // told without sentiment words: an issue because they complain, not because they are negative
    expect(rival.issues[0]!.complaintShare).toBeGreaterThan(0.6);
    expect(rival.issues[0]!.negativeShare).toBeLessThan(0.4);
    const own = await buildReport(store, { brand: 'Kettleby Tea', ...options });
    expect(termsOf(own.issues[0])).toMatch(/plastic/);
    const comparison = await compareBrands(store, {
      brands: ['Kettleby Tea', 'Brindle Tea'], since: new Date(END.getTime() - 14 * 86_400_000), until: END, bucket: 'week', now: END,
    });
    const [k, b] = comparison.brands;
    const inPeriod = (m: { createdAt: string }) => m.createdAt >= comparison.period.from && m.createdAt < comparison.period.to;
    expect(b!.mentions).toBe(mentions.filter((m) => inPeriod(m) && (m.brand === 'Brindle Tea' || m.alsoBrands?.includes('Brindle Tea'))).length);
    expect(k!.mentions).toBe(mentions.filter((m) => inPeriod(m) && (m.brand === 'Kettleby Tea' || m.alsoBrands?.includes('Kettleby Tea'))).length);
    expect(b!.topIssues[0]?.label).toMatch(/lid|caddy|hinge/);
  }, 90_000);

  it('finds an issue that grows slowly over two weeks', async () => {
    const report = await reportFor(slowGrowthScenario(END));
    expect(termsOf(report.issues[0])).toMatch(/battery/);
  }, 60_000);

  it('finds a small issue that is entirely new', async () => {
    const report = await reportFor(smallNewIssueScenario(END));
    expect(termsOf(report.issues[0])).toMatch(/login|error|503/);
    expect(report.issues[0]!.baselineMentions).toBeLessThan(1);
  }, 60_000);

  it('reports nothing for a spike made only of one spammer and a copy-paste storm', async () => {
    const report = await reportFor(spamOnlyScenario(END));
    expect(report.issues.map((i) => i.label)).toEqual([]);
  }, 60_000);

  it('sees a petition: hundreds of people posting the same five texts are many voices, a retweet storm and a spammer one each', async () => {
    const report = await reportFor(petitionScenario(END));
    expect(termsOf(report.issues[0])).toMatch(/warranty|pump|repair/);
    expect(report.issues[0]!.authors).toBeGreaterThanOrEqual(40);
    expect(report.issues.map(termsOf).join(' ')).not.toMatch(/pods|boycott|deals/);
  }, 60_000);

  it('says so when a quiet week has nothing emerging', async () => {
    const report = await reportFor(quietScenario(END));
    expect(report.issues).toEqual([]);
    expect(renderReportTable(report, false)).toContain('No emerging issues');
  }, 60_000);
});

describe('coreTerms', () => {
  const term = (key: string, voices: number) => ({ termId: key.length, key, display: key, mentions: voices, voices, negative: 0, positive: 0, complaints: 0 });
  it('measures a group by the terms that rose with its fastest riser, not by everyday words that co-burst', () => {
    const growth: Record<string, number> = { dye: 40, 'leak dye': 25, recipe: 12, disappointed: 1.6, cup: 2 };
    const terms = Object.keys(growth).map((k) => term(k, 10));
    expect(coreTerms(terms, (t) => growth[t.key]!).map((t) => t.key)).toEqual(['dye', 'leak dye', 'recipe']);
  });

  it('keeps every term of a group that rose evenly, and never returns none', () => {
    const terms = [term('a', 5), term('bb', 5)];
    expect(coreTerms(terms, () => 2)).toHaveLength(2);
    expect(coreTerms([term('a', 5)], () => 0)).toHaveLength(1);
  });
});
