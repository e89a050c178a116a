import { beforeEach, describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { buildReport } from '../../src/core/report.js';
import type { Report } from '../../src/domain/report.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { generateScenario, lastDays, steady, type Scenario } from '../../src/tools/scenarios/generate.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const END = new Date('2026-11-20T09:31:00.000Z');

/**
 * A shop: steady chatter, a sale many people post about, a spammer whose 100 copies a
 * day join the sale's words to "shipping", and a shipping problem rising from nothing.
 * Counted in mentions, the spam's copies glued "shipping" (and with it the problem) to
 * the sale; counted in voices, the spammer is one voice a day and the problem stays apart.
 */
function shop(end: Date): Scenario {
  return {
    brand: 'Tiendo', handle: '@tiendo', products: ['Lumo mug', 'Kora lamp', 'Vela candle'], end, days: 21, seed: 11,
    streams: [
      { name: 'chatter', authors: 800, perDay: steady(50),
        cores: ['my {brand} {product} on the desk', 'the {brand} {product} looks nice in the kitchen', 'got the {brand} {product} as a gift',
          'which colour of the {brand} {product}?', 'the {brand} {product} is my favourite thing'] },
      { name: 'sale', authors: 700, perDay: lastDays([40, 60]),
        cores: ['{brand} winter sale is on, half price', 'half price at the {brand} winter sale', 'the {brand} winter sale, everything half price',
          'bought a {product} in the {brand} winter sale'] },
      { name: 'spam', authors: 1, perDay: lastDays([100, 100]), verbatim: true,
        cores: ['{brand} winter sale half price FREE shipping tracking code click link'] },
      { name: 'problem', authors: 500, perDay: lastDays([4, 14, 28]),
        cores: ['my {brand} shipping tracking code never updates', '{brand} shipping tracking stuck for a week', 'the {brand} tracking code shows nothing, shipping stuck',
          'still stuck, {brand} shipping tracking dead'] },
    ],
  };
}

/** Real sentiment and terms; the complaint flag by stream, as a complaint model would say it. */
function analyse(scenario: Scenario) {
  const analyze = createMentionAnalyzer({ brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] } });
  return (input: Parameters<typeof analyze>[0]): AnalysisRecord => {
    const result = analyze(input);
    const complaint = input.author?.startsWith('problem') ?? false;
    return { ...result, complaintScore: complaint ? 0.82 : 0.07, complaint };
  };
}

const backends = await storeBackends();
let store: Store;

async function reportOf(scenario: Scenario): Promise<Report> {
  await store.upsertMentions(generateScenario(scenario));
  const analyze = analyse(scenario);
  for (let after = 0; ;) {
    const batch = await store.pendingAnalysis('test', after, 1000);
    if (batch.length === 0) break;
    await store.saveAnalyses(batch.map((input) => ({ ...analyze(input), modelVersion: 'test' })));
    after = batch.at(-1)!.rowId;
  }
  return buildReport(store, { brand: scenario.brand, at: END, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 });
}

const named = (issue: { label: string; terms: string[] } | undefined) => (issue ? `${issue.label} ${issue.terms.join(' ')}` : '');

describe.each(backends)('a spammer sharing a word with a problem does not glue it to a trend ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it('the shipping problem is its own issue, ranked first, without the sale\'s words', async () => {
    const report = await reportOf(shop(END));
    const [first] = report.issues;
    expect(named(first)).toMatch(/tracking|stuck|shipping/);
    expect(named(first)).not.toMatch(/sale|half|price|winter/);
    expect([...report.issues, ...report.trends].some((i) => /tracking|stuck/.test(named(i)) && /sale|half|winter/.test(named(i)))).toBe(false);
  }, 60_000);
});
