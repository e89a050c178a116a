import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { loadAnalysisModels } from '../../src/analysis/models.js';
import { DEFAULT_THRESHOLDS, MIN_SAFETY_VOICES, scoreGroup, type Counts } from '../../src/analysis/emergence/rank.js';

// Written for these tests (not from any dataset, not from the held-out probes in bench/probes).
const HARM: Array<[string, string]> = [
  ['kitchen', 'the toaster caught fire on the counter this morning'],
  ['cosmetics', 'my daughter got a bad rash from the new sunscreen'],
  ['food', 'found a piece of metal in my cereal, nearly broke a tooth'],
  ['chargers', 'the phone charger sparked and burned my fingers'],
  ['pets', 'our dog was vomiting all night after the new chew treats'],
  ['heating', 'the space heater started smoking and melted the plug'],
  ['toys', 'my son choked on a small part that snapped off the toy'],
  ['restaurants', 'got food poisoning from your chicken salad, spent the night in A&E'],
  ['e-bikes', 'the e-bike battery exploded in the garage'],
  ['baby food', 'there was glass in the jar of baby food'],
  ['snacks', 'allergic reaction to the "nut free" bar, had to use my epipen'],
  ['cars', 'the car seat buckle came undone while driving'],
  ['tools', 'the drill gave me an electric shock through the handle'],
  ['skincare', 'the lotion burned my skin and left red welts'],
  // safety2: contamination and illness told without the usual food words (missed before)
  ['drinks', 'there was a bent nail at the bottom of my can of ginger ale'],
  ['drinks', 'a sliver of glass was floating in my bottle of apple juice'],
  ['restaurants', 'the sandwich shop burrito gave three of us salmonella'],
  // unseen branch: the same words as the harmless frames below, reporting harm
  ['heating', 'the heater caught fire in my daughter\'s room last night'], ['pets', 'my dog was sick all night after the new chews'],
  ['kitchen', 'the blender blade came loose and cut my finger open'], ['bakery', 'bit into the pastry and there was a piece of glass in it'],
];
const HARMLESS: Array<[string, string]> = [
  ['food', 'this hot sauce burns so good'], ['deals', 'killer deal on headphones today'], ['music', 'the new album is fire'],
  ['menus', 'dying to try the winter menu'], ['kids', 'my son loves his new bike'], ['delivery', 'the delivery was two days late again'],
  ['apps', 'the app keeps logging me out'], ['support', 'customer service hung up on me'], ['sales', 'so sick of waiting for the sale lol'],
  ['travel', 'shocked at how cheap the flights were'], ['parcels', 'my order arrived with a scratched lid'],
  // unseen branch: harm words in harmless frames across domains (all but the first were
  // written for this test; the last three were flagged before the cue context and the
  // written harmless frames)
  ['street food', 'that burrito truck is straight fire, going back tomorrow'], ['tv', 'the finale absolutely killed, what a season'],
  ['restaurants', 'dying to try the new pho place near work'], ['games', 'burning question: is the deluxe edition worth it?'],
  ['sport', 'we choked in the last minute of the derby again'], ['work', 'this deadline is killing me'],
  ['audio', 'the new headphones are sick, bass is unreal'], ['hiking', 'my legs are destroyed after that hike'],
  ['recipes', 'allergy advice: contains peanuts and sesame'], ['recipes', 'cut the peppers into strips and let them char in the pan'],
  ['home', 'changed the smoke alarm batteries this morning'],
];

describe('the safety head', () => {
  const analyze = createMentionAnalyzer({ brandTerms: {} });
  const read = (text: string) => analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text, lang: null, brands: ['Acme'] } as never);

  it.each(HARM)('flags harm told plainly (%s): %s', (_area, text) => {
    const result = read(text);
    expect(result.safety).toBe(true);
    expect(result.sentimentLabel).not.toBe('positive');
  });

  it.each(HARMLESS)('leaves harm words used harmlessly and harmless faults alone (%s): %s', (_area, text) => {
    expect(read(text).safety).toBe(false);
  });

  it('is never positive when a burn is more likely than not, even under the threshold', () => {
    const result = read('the kettle handle got so hot it blistered my palm');
    expect(result.safetyScore).toBeGreaterThanOrEqual(0.5);
    expect(result.sentimentLabel).not.toBe('positive');
  });

  it('scores nothing in a language with no harm cues, and is part of the analysis version', () => {
    const result = analyze({ rowId: 1, id: '1', source: 'x', author: 'a', text: 'de broodrooster vloog in brand', lang: 'nl', brands: ['Acme'] } as never);
    expect(result.safetyScore).toBe(0);
    const models = loadAnalysisModels();
    expect(models.version).toContain(models.safety.version);
  });
});

describe('harm escalates a rising group', () => {
  const counts = (extra: Partial<Counts>): Counts => ({ mentions: 20, voices: 20, negative: 2, positive: 10, complaints: 2, ...extra });
  const input = (window: Counts) => ({
    window, baseline: counts({ mentions: 4, voices: 4, positive: 2, complaints: 0, negative: 0 }), baselineDaily: Array(14).fill(0.3),
    windowDays: 2, baselineDays: 14, engagement: 0, brandBaselineNegativeShare: 0.1, brandBaselineComplaintShare: 0.1,
  });

  it('makes an issue of a rising group with enough voices reporting harm, whatever its other shares, and ranks it up', () => {
    const calm = scoreGroup(input(counts({ safety: 8, safetyVoices: 8 })));
    expect(calm.kind).toBe('issue');
    expect(calm.safety).toBe(true);
    const plain = scoreGroup(input(counts({ safety: 0, safetyVoices: 0 })));
    expect(plain.kind).toBe('trend');
    expect(calm.score).toBeGreaterThan(plain.score);
  });

  it(`needs ${MIN_SAFETY_VOICES} voices and a quarter of the mentions: a few false alarms in a big launch are not harm`, () => {
    expect(scoreGroup(input(counts({ safety: 2, safetyVoices: MIN_SAFETY_VOICES - 1 }))).safety).toBe(false);
    expect(scoreGroup(input(counts({ mentions: 200, voices: 200, positive: 150, safety: 6, safetyVoices: 6 }))).kind).toBe('trend');
  });

  it('judges complaints on the posts\' probabilities: posts all just under the threshold are not "0 % complaints"', () => {
    const flags = scoreGroup(input(counts({ positive: 2, complaints: 0 })));
    const evidence = scoreGroup(input(counts({ positive: 2, complaints: 0, complaintEvidence: 20 * 0.45 })));
    expect(flags.kind).toBe('trend');
    expect(evidence.kind).toBe('issue');
    expect(evidence.complaintEvidenceShare).toBeCloseTo(0.45);
    expect(DEFAULT_THRESHOLDS.issueShare).toBeLessThan(0.45);
  });
});
