import { describe, expect, it } from 'vitest';
import { groupIdeas, readIdeas, trendOf } from '../../src/core/ideas.js';
import type { Store, SuggestionRow } from '../../src/store/store.js';

const SINCE = '2026-11-01T00:00:00.000Z';
const UNTIL = '2026-11-11T00:00:00.000Z';

const row = (id: string, day: number, voice: number, terms: string[], engagement = 0): SuggestionRow => ({
  id, source: 'x', brand: 'Kettleby', createdAt: new Date(Date.parse(SINCE) + day * 86_400_000).toISOString(), author: `u${voice}`,
  text: `idea ${id}`, url: null, voice, engagement, terms: terms.map((t) => ({ key: t, display: t })),
});

describe('ideas', () => {
  it('name ideas by distinctive terms, count voices once, take each mention once, and rank by weight', () => {
    const rows = [
      row('1', 1, 1, ['kettle', 'timer']), row('2', 6, 2, ['kettle', 'timer'], 4), row('3', 7, 3, ['kettle', 'timer']), row('4', 8, 3, ['timer']),
      row('5', 2, 4, ['kettle', 'refill']), row('6', 3, 5, ['filter', 'refill']), row('7', 9, 6, []),
    ];
    // "kettle" is in 40 of the brand's 50 mentions: in most of them, naming no idea
    const ideas = groupIdeas({ rows, mentions: 50, termMentions: { kettle: 40, timer: 4, refill: 2, filter: 3 } }, { since: SINCE, until: UNTIL, limit: 5, samples: 2 });
    expect(ideas.map((i) => [i.rank, i.label, i.terms, i.voices, i.mentions, i.earlier, i.later, i.trend])).toEqual([
      [1, 'timer', ['timer', 'kettle'], 3, 4, 1, 2, 'steady'],
      [2, 'refill', ['refill'], 2, 2, 2, 0, 'falling'],
    ]);
    // one sample per voice, the most engaged first
    expect(ideas[0]!.samples.map((s) => s.ref)).toEqual(['x:2', 'x:4']);
    // the same input gives the same output in any order
    expect(groupIdeas({ rows: [...rows].reverse(), mentions: 50, termMentions: { kettle: 40, timer: 4, refill: 2, filter: 3 } }, { since: SINCE, until: UNTIL, limit: 5, samples: 2 }))
      .toEqual(ideas);
  });

  it('call a trend new, rising, steady or falling from the voices of the two halves', () => {
    expect([trendOf(0, 1), trendOf(0, 3), trendOf(1, 4), trendOf(2, 3), trendOf(4, 1), trendOf(3, 3)]).toEqual(['steady', 'new', 'rising', 'steady', 'falling', 'steady']);
  });

  it('leave out tips to other customers: a suggestion is an idea only when it is addressed to the brand', async () => {
    const rows = [
      { ...row('1', 1, 1, ['timer']), text: 'please add a timer to the kettle' },
      { ...row('2', 2, 2, ['timer']), text: 'the kettle really needs a timer' },
      { ...row('3', 3, 3, ['timer']), text: 'ask the shop for the timer model, they keep it behind the counter' },
      { ...row('4', 4, 4, ['timer']), text: 'use the timer on your oven instead, works fine' },
    ];
    const store = { suggestionMentions: async () => ({ rows, mentions: 50, termMentions: { timer: 4 } }) } as unknown as Store;
    const result = await readIdeas(store, { since: SINCE, until: UNTIL, limit: 5, samples: 5 });
    expect(result.suggestions).toBe(2);
    expect(result.ideas.map((i) => [i.label, i.voices, i.samples.map((s) => s.ref)])).toEqual([['timer', 2, ['x:2', 'x:1']]]);
  });
});
