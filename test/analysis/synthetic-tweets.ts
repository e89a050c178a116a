// Deterministic synthetic tweets for speed measurements: brand mentions,
// retweets, hashtags, urls, emoji and numbers in roughly tweet-like proportions.
import { seededRandom } from '../../src/analysis/seeded-random.js';
const OPENERS = ['', 'RT @teafan: ', 'Honestly ', 'Why is there ', 'Just tried the ', 'Ugh, ', '@ClipperTeas '];
const SUBJECTS = [
  'plastic in your tea bags', 'the new organic green tea', 'Clipper Teas teabags',
  'microplastics in teabags', 'the chamomile infusion', 'Tea-Bags from Tesco in London',
  'the packaging of the decaf blend', 'soggy biscuits and builders tea', 'your fairtrade rooibos',
];
const COMMENTS = [
  'is absolutely disgusting', 'tastes amazing', 'has gone up in price again', 'arrived damaged',
  'is not biodegradable at all', 'made my morning', 'contains palm oil?', 'is sold out everywhere',
];
const TAILS = ['', ' #TeaBags', ' #PlasticFree #tea', ' https://t.co/aB3dE5', ' 😡😡', ' 🙄', ' 10/10 would buy', ' since 3rd March', ' x'];


function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` tweet-like strings, identical for the same seed. */
export function makeSyntheticTweets(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const tweets: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = `${pick(OPENERS, random)}${pick(SUBJECTS, random)} ${pick(COMMENTS, random)}`;
    const second = random() < 0.4 ? ` ${pick(SUBJECTS, random)} ${pick(COMMENTS, random)}.` : '';
    tweets.push(`${body}.${second}${pick(TAILS, random)}${pick(TAILS, random)} ${i}`);
  }
  return tweets;
}
