import { describe, expect, it } from 'vitest';
import { groupByCooccurrence } from '../../src/analysis/emergence/group.js';
import { DEFAULT_THRESHOLDS, scoreGroup, type Counts } from '../../src/analysis/emergence/rank.js';
import { sameTone } from '../../src/core/report.js';

/** A group of 100 window mentions from 60 voices, against a quiet baseline of 1 voice a day for 14 days. */
function score(window: Partial<Counts>, baseline: Partial<Counts> = {}, extra: { voices?: number; daily?: number[] } = {}) {
  const daily = extra.daily ?? Array.from({ length: 14 }, (_, i) => i % 2);
  const base: Counts = { mentions: 20, voices: daily.reduce((s, v) => s + v, 0), negative: 2, positive: 4, complaints: 1, ...baseline };
  return scoreGroup({
    window: { mentions: 100, voices: extra.voices ?? 60, negative: 0, positive: 0, complaints: 0, ...window },
    baseline: base, baselineDaily: daily, windowDays: 2, baselineDays: 14, engagement: 50,
    brandBaselineNegativeShare: 0.1, brandBaselineComplaintShare: 0.05,
  }, DEFAULT_THRESHOLDS);
}

describe('scoreGroup: issue or trend', () => {
  const cases: Array<[string, Partial<Counts>, 'issue' | 'trend']> = [
    ['a defect told flatly: mostly complaints, few negative words', { complaints: 80, negative: 14, positive: 6 }, 'issue'],
    ['a complaint with the sentiment model fooled into positive', { complaints: 70, negative: 5, positive: 30 }, 'issue'],
    ['negative talk without complaints (outrage, a scandal)', { complaints: 5, negative: 60, positive: 5 }, 'issue'],
    ['a positive launch spike', { complaints: 4, negative: 2, positive: 70 }, 'trend'],
    ['a launch with some complaints, outweighed by praise', { complaints: 30, negative: 5, positive: 55 }, 'trend'],
    ['neutral news', { complaints: 10, negative: 10, positive: 20 }, 'trend'],
    ['a smaller share of complaints that rose from almost none', { complaints: 32, negative: 8, positive: 10 }, 'issue'],
  ];
  it.each(cases)('%s', (_name, window, kind) => {
    expect(score(window).kind).toBe(kind);
  });

  it('a share that did not rise needs the full threshold', () => {
    expect(score({ complaints: 32, negative: 8, positive: 10 }, { complaints: 6, mentions: 20 }).kind).toBe('trend');
  });

  it('a steady complaint is not rising, whatever its share', () => {
    const steady = Array.from({ length: 14 }, () => 30);
    expect(score({ complaints: 90, negative: 40 }, { mentions: 420, complaints: 380, negative: 160 }, { daily: steady }).kind).toBe('none');
  });

  it('ranks more complaining groups higher, and a rise in the share higher still', () => {
    const low = score({ complaints: 45, negative: 5 });
    const high = score({ complaints: 85, negative: 5 });
    expect(high.score).toBeGreaterThan(low.score);
    const usual = score({ complaints: 85, negative: 5 }, { complaints: 17 });
    expect(high.score).toBeGreaterThan(usual.score);
    expect(high).toMatchObject({ complaintShare: 0.85, baselineComplaintShare: 0.05 });
  });

  it('uses the brand\'s baseline shares when the group had almost no baseline', () => {
    const fresh = score({ complaints: 50 }, { mentions: 2, complaints: 2, negative: 2 });
    expect(fresh).toMatchObject({ baselineComplaintShare: 0.05, baselineNegativeShare: 0.1 });
  });
});

describe('scoreGroup: news at fewer voices (issue 25)', () => {
  const none = Array.from({ length: 14 }, () => 0);
  const small = (window: Partial<Counts>, baseline: Partial<Counts>, daily: number[]) => scoreGroup({
    window: { mentions: 3, voices: 3, negative: 0, positive: 0, complaints: 0, ...window },
    baseline: { mentions: 0, voices: 0, negative: 0, positive: 0, complaints: 0, ...baseline }, baselineDaily: daily,
    windowDays: 2, baselineDays: 14, engagement: 0, brandBaselineNegativeShare: 0.1, brandBaselineComplaintShare: 0.05,
  }, DEFAULT_THRESHOLDS);

  it('three voices with a complaint nobody made before are an issue', () => {
    expect(small({ complaints: 3 }, {}, none).kind).toBe('issue');
  });

  it('two are not', () => {
    expect(small({ mentions: 2, voices: 2, complaints: 2 }, {}, none).kind).toBe('none');
  });

  it('three new voices that do not complain are no trend yet: a trend needs minVoices', () => {
    expect(small({ positive: 3 }, {}, none).kind).toBe('none');
  });

  it('three complaining voices about something said before need minVoices', () => {
    const daily = none.map((_, i) => (i === 3 ? 1 : 0));
    expect(small({ complaints: 3 }, { mentions: 1, voices: 1 }, daily).kind).toBe('none');
  });

  it('three voices reporting harm are an issue even with a history: the safety signal times the alarm', () => {
    const daily = none.map((_, i) => (i === 3 ? 1 : 0));
    const harm = small({ mentions: 4, voices: 3, safety: 3, safetyVoices: 3 }, { mentions: 1, voices: 1 }, daily);
    expect(harm).toMatchObject({ kind: 'issue', safety: true });
  });
});

describe('groupByCooccurrence with tones', () => {
  // 1–2: a launch ("halo", "max"); 3: "battery", said mostly in the launch; 4–5: a defect ("charge", "light")
  const counts = new Map([[1, 100], [2, 100], [3, 40], [4, 38], [5, 6]]);
  const pairs = [{ a: 1, b: 2, mentions: 100 }, { a: 1, b: 3, mentions: 34 }, { a: 2, b: 3, mentions: 34 },
    { a: 3, b: 5, mentions: 6 }, { a: 4, b: 5, mentions: 6 }, { a: 3, b: 4, mentions: 6 }];
  const tones = new Map([[1, { mentions: 100, complaints: 2 }], [2, { mentions: 100, complaints: 2 }], [3, { mentions: 40, complaints: 2 }],
    [4, { mentions: 38, complaints: 28 }], [5, { mentions: 6, complaints: 2 }]]);
  const ids = [1, 2, 3, 4, 5];

  it('chains every linked term into one group without a tone check', () => {
    expect(groupByCooccurrence(ids, counts, pairs, 700, { threshold: 0.35, minPair: 3 })).toEqual([ids]);
  });

  it('keeps a complaint wave apart from a praise wave that shares a word with it', () => {
    expect(groupByCooccurrence(ids, counts, pairs, 700, { threshold: 0.35, minPair: 3, tones, compatible: sameTone })).toEqual([[1, 2, 3], [4, 5]]);
  });
});
