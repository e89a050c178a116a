import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { indexWords, naiveFiringsAt } from '../../src/tools/bench/naive-alert.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const post = (day: number, hour: number, text: string, author = 'a'): MentionInput => ({
  id: `${day}-${hour}-${text}-${author}`, source: 'x', brand: 'B', createdAt: new Date(T0 + day * DAY + hour * 3_600_000).toISOString(), author, text, lang: 'en',
});

describe('the naive 3σ daily word alert', () => {
  it('fires on a word whose count so far today is above mean + 3σ of the 14 days before, and says whose posts made it', () => {
    const mentions: MentionInput[] = [];
    // "tea" is said 10 times a day, "plastic" never, until day 14
    for (let d = 0; d < 15; d++) for (let i = 0; i < 10; i++) mentions.push(post(d, i, 'nice tea today'));
    for (let i = 0; i < 6; i++) mentions.push(post(14, 12, 'plastic in my bags', `plastic${i}`));
    const index = indexWords(mentions, (m) => /^plastic\d+$/.test(m.author ?? ''));
    // at noon the six posts are not in yet
    expect(naiveFiringsAt(index, T0 + 14 * DAY + 12 * 3_600_000)).toEqual([]);
    expect(naiveFiringsAt(index, T0 + 14 * DAY + 13 * 3_600_000)).toEqual([
      { word: 'plastic', day: 14 + T0 / DAY, problem: true }, { word: 'bags', day: 14 + T0 / DAY, problem: true },
    ]);
  });

  it('needs at least five posts: a word going from nothing to two does not fire', () => {
    const index = indexWords([post(14, 1, 'odd word'), post(14, 2, 'odd word')], () => false);
    expect(naiveFiringsAt(index, T0 + 15 * DAY)).toEqual([]);
  });
});
