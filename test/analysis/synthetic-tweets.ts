// Deterministic synthetic tweets for speed measurements: brand mentions,
// retweets, hashtags, urls, emoji and numbers in roughly tweet-like proportions.
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

/** Mulberry32: tiny seeded PRNG so every run measures the same texts. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** `count` tweet-like strings, identical for the same seed. */
export function makeSyntheticTweets(count: number, seed = 1): string[] {
  const random = makeRandom(seed);
  const tweets: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = `${pick(OPENERS, random)}${pick(SUBJECTS, random)} ${pick(COMMENTS, random)}`;
    const second = random() < 0.4 ? ` ${pick(SUBJECTS, random)} ${pick(COMMENTS, random)}.` : '';
    tweets.push(`${body}.${second}${pick(TAILS, random)}${pick(TAILS, random)} ${i}`);
  }
  return tweets;
}
