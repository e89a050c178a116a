import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterKey,
  fnv1a64,
  normaliseForCluster,
} from '../../src/analysis/near-duplicate.js';

const ORIGINAL = 'Why is there PLASTIC in your tea bags?? @ClipperTeas https://t.co/abc123';

describe('clusterKey', () => {
  it.each([
    ['retweet', 'RT @jane: Why is there PLASTIC in your tea bags?? @ClipperTeas https://t.co/abc123'],
    ['chained retweet', 'RT @bob: RT @jane: Why is there plastic in your tea bags?? @ClipperTeas'],
    ['case and punctuation', 'why is there plastic in your tea bags!!!'],
    ['different url', 'Why is there plastic in your tea bags? https://bit.ly/xyz'],
    ['extra whitespace', '  Why   is there\nplastic in your\ttea bags  '],
    ['different mention', '@someoneelse Why is there plastic in your tea bags'],
    ['hashtag mark', 'Why is there #plastic in your tea bags'],
  ])('matches the original for a %s', (_name, copy) => {
    expect(clusterKey(copy)).toBe(clusterKey(ORIGINAL));
  });

  it.each([
    ['spam counter', 'win a free mug!!! 1', 'Win a free mug 22'],
    ['variation selector', 'love it ❤️', 'love it ❤'],
    ['skin tone', 'great tea 👍🏽', 'great tea 👍'],
    ['fancy font', '𝐟𝐫𝐞𝐞 𝐭𝐞𝐚', 'free tea'],
  ])('treats %s variants as one', (_name, a, b) => {
    expect(clusterKey(a)).toBe(clusterKey(b));
  });

  it.each([
    ['Why is there plastic in your tea bags?', 'Why is there paper in your tea bags?'],
    ['love it 😍', 'love it 🤮'],
    ['great tea', 'great teas'],
    ['rt this please', 'this please'],
  ])('separates %j from %j', (a, b) => {
    expect(clusterKey(a)).not.toBe(clusterKey(b));
  });

  it('returns 16 lowercase hex chars', () => {
    expect(clusterKey(ORIGINAL)).toMatch(/^[0-9a-f]{16}$/);
    expect(clusterKey('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('strips only a leading RT, not the word inside a text', () => {
    expect(normaliseForCluster('RT @a: please rt @b now')).toBe('please rt now');
  });
});

describe('fnv1a64', () => {
  // Reference vectors from the FNV spec (draft-eastlake-fnv, 64-bit FNV-1a).
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to %s', (input, hex) => {
    expect(fnv1a64(input)).toBe(hex);
  });

  it('hashes non-ASCII text as UTF-8', () => {
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00e9'.normalize('NFD')));
    expect(fnv1a64('😀')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('clusterKey properties', () => {
  it('is deterministic', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => clusterKey(text) === clusterKey(text)));
  });

  it('ignores how words are separated by whitespace', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const gap = fc.constantFrom(' ', '  ', '\t', '\n', ' \n ');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), gap, gap, (words, a, b) => {
        return clusterKey(words.join(a)) === clusterKey(`${b}${words.join(b)}${a}`);
      }),
    );
  });

  it('ignores letter case', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z ]{0,40}$/), (text) =>
      clusterKey(text.toUpperCase()) === clusterKey(text.toLowerCase())));
  });
});

describe('clusterKey in one pass', () => {
  // the definition: the hash of the normalised text
  const byDefinition = (text: string) => fnv1a64(normaliseForCluster(text));
  const pieces = ['RT ', 'rt @a_b: ', '@', '@Jane', '@é', '＠x', 'http', 'https://t.co/x?y=1', 'www.', 'www.example.com', 'ahttp://x',
    '_https://y', '12', '٣', '3.5', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '.', '!!', '…', '’', "'", '-', '_', '$', '+', '^',
    '😍', '👍🏽', '❤️', '\u200d', '\ufe0f', '\u2060', 'ﬁ', '𝐛𝐨𝐥𝐝', 'Ⅻ', 'İ', 'ß', 'Σ', 'é', 'e\u0301', '\ud800', '\udc00', 'tea', 'BAG', 'x'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));

  it('gives the key of the normalised text, for any mix of mentions, urls, digits, spaces, marks and scripts', () => {
    fc.assert(fc.property(texts, (text) => clusterKey(text) === byDefinition(text)), { numRuns: 5000, seed: 18 });
  });

  it('and for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => clusterKey(text) === byDefinition(text)), { numRuns: 3000, seed: 18 });
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => clusterKey(text) === byDefinition(text)), { numRuns: 3000, seed: 18 });
  });
});
