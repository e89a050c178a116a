import { beforeEach, describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { analyzePending } from '../../src/core/analyze.js';
import { buildReport } from '../../src/core/report.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import type { Store } from '../../src/store/store.js';
import { generateScenario, type Scenario } from '../../src/tools/scenarios/generate.js';
import { frenchRebootScenario, germanMealKitScenario, spanishShippingScenario, swissFlickerScenario } from '../../src/tools/scenarios/languages.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/**
 * Problems told mostly in Spanish, French and German (issue 32), untagged, each beside a bigger
 * positive spike, a steady complaint, a spammer and some English chatter: each must rank
 * first as an issue, labelled in its own language (the form written most), no stop word may
 * be a topic, and the distractors must not be issues.
 */

const END = new Date('2026-11-24T18:00:00.000Z');
const OPTIONS = { windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 } as const;

interface Case {
  name: string;
  /** Set where today's models still fail the case: it runs as an expected failure, so it fails loudly once they catch it. */
  knownGap?: string;
  make: (end: Date) => Scenario;
  /** The problem's stream and the steady complaint's (authors are named after them). */
  streams: [string, string];
  /** Words of the problem in its language, one of which the label must hold. */
  problem: RegExp;
  /** The form written most of the problem's key word, which the label shows (not a stem, not another form). */
  labelWord: string;
  /** Stop words of the language: no issue or trend term begins or ends with one. */
  stops: string[];
  /** English words for it: the label must hold none. */
  english: RegExp;
  spike: RegExp;
  distractors: RegExp;
}

const CASES: Case[] = [
  { name: 'Spanish: orders stop shipping', make: spanishShippingScenario, streams: ['envio', 'atencion'], labelWord: 'envío', stops: ['de', 'la', 'que', 'el', 'los', 'en', 'y', 'son', 'sin'],
    problem: /env[ií]|pedido|seguimiento|paquete|almac[eé]n|mensajer/, english: /\b(order|ship|tracking|parcel|warehouse)/,
    spike: /locos|oferta|descuento/i, distractors: /locos|oferta|descuento|atenci[oó]n|cliente|tel[eé]fono|chat|cup[oó]n|c[oó]digo/i },
  { name: 'French: boxes restart by themselves', make: frenchRebootScenario, streams: ['redemarre', 'facture'], labelWord: 'redémarre', stops: ['de', 'la', 'le', 'les', 'est', 'en', 'depuis', 'toute', 'à'],
    problem: /red[ée]marr|mise à jour|boucle/, english: /\b(reboot|restart|update)/,
    spike: /fibre|8 gb|d[ée]bit/i, distractors: /fibre|8 gb|d[ée]bit|facture|prix|tarif|gratuit|cadeau/i },
  { name: 'German: meal kits arrive warm', make: germanMealKitScenario, streams: ['kuehlung', 'preis'], labelWord: 'kühlakkus', stops: ['die', 'der', 'das', 'und', 'ist', 'von', 'in', 'kam', 'war'],
    problem: /k[üu]hlakku|geschmolzen|warm|k[üu]hlung/, english: /\b(cool(ing)? pack|ice pack|melted)/,
    spike: /winterrezept|winterkarte|gulasch/i, distractors: /winterrezept|winterkarte|gulasch|rezept|lecker|preis|teurer|gratis|gutschein/i },
  { name: 'French and German: one lamp flickers, told in both', make: swissFlickerScenario, streams: ['flackern', 'versand'], labelWord: 'aurora', stops: ['die', 'der', 'la', 'le', 'de', 'von'],
    knownGap: 'no cue knows "clignote"/"flackert": the problem reads as few complaints and "lumière" chains it into the launch trend',
    problem: /aurora|clignot|flacker/, english: /\b(flicker|lamp)\b/,
    spike: /stella|mini/i, distractors: /stella|mini|design|livraison|lieferung|gratis|gutschein/i },
];

const backends = await storeBackends();
let store: Store;

async function reportOf(scenario: Scenario): Promise<Report> {
  const mentions = generateScenario(scenario);
  for (let i = 0; i < mentions.length; i += 1000) await store.upsertMentions(mentions.slice(i, i + 1000));
  await analyzePending(store, { brandTerms: { [scenario.brand]: [scenario.brand, scenario.handle] }, workers: 0 });
  return buildReport(store, { brand: scenario.brand, at: END, ...OPTIONS });
}

const named = (issue: ReportIssue | undefined) => (issue ? `${issue.label} ${issue.terms.join(' ')}` : '');
const table = (report: Report) => [...report.issues.map((i) => ['issue', i] as const), ...report.trends.map((i) => ['trend', i] as const)]
  .map(([kind, i]) => `${kind} #${i.rank} "${i.label}" [${i.terms.join(', ')}] voices ${i.authors} complaints ${i.complaintShare} negative ${i.negativeShare}`).join('\n') || '(nothing)';

describe.each(backends)('problems told in Spanish, French and German ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  for (const { name, knownGap, make, problem, english, spike, distractors, labelWord, stops } of CASES) {
    (knownGap ? it.fails : it)(`${name}: ranks first as an issue labelled in its language; the spike is a trend; no distractor is an issue${knownGap ? ` (known gap: ${knownGap})` : ''}`,
    async () => {
      const report = await reportOf(make(END));
      const why = table(report);
      expect(named(report.issues[0]), why).toMatch(problem);
      expect(report.issues[0]!.label, why).toMatch(problem);
      expect(report.issues[0]!.label, why).not.toMatch(english);
      expect(report.issues[0]!.label.split(' · '), why).toContain(labelWord);
      const ends = [...report.issues, ...report.trends].flatMap((i) => i.terms).flatMap((t) => [t.split(' ')[0], t.split(' ').at(-1)]);
      expect(ends.filter((w) => stops.includes(w!)), why).toEqual([]);
      expect(report.issues.filter((i) => distractors.test(named(i))).map((i) => i.label), why).toEqual([]);
      expect(report.trends.some((t) => spike.test(named(t))), why).toBe(true);
    }, 60_000);
  }
});

/**
 * Each problem ranks first once its posts are flagged complaints, as a model that recognised
 * every problem post would: what the scenarios ask of the models, and no more (for the known
 * gap, that the grouping is not what fails). The detection is the same code on both
 * backends, which the tests above run; this check runs once.
 */
describe('with the complaint flags of a model that recognised every problem post (sqlite)', () => {
  const current = useStore(backends[0]!);
  beforeEach(() => { store = current(); });

  it.each(CASES)('$name ranks first as an issue', async ({ make, streams, problem }) => {
    const scenario = make(END);
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
    const report = await buildReport(store, { brand: scenario.brand, at: END, ...OPTIONS });
    expect(named(report.issues[0]), table(report)).toMatch(problem);
  }, 60_000);
});
