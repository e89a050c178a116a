// Speed of the per-mention text analysis owned by topics/near-duplicate.
// Run: npx vitest bench --run test/analysis/topics.bench.ts
// Each iteration handles ONE tweet (cycling through 10k synthetic ones), so the
// reported hz is docs per second on one core.
import { bench, describe } from 'vitest';
import { clusterKey } from '../../src/analysis/near-duplicate.js';
import { nlp } from '../../src/analysis/nlp.js';
import { extractTerms } from '../../src/analysis/topics/index.js';
import { makeSyntheticTweets } from './synthetic-tweets.js';

const tweets = makeSyntheticTweets(10_000, 42);
const docs = tweets.map((text) => nlp.readDoc(text));
const opts = { brandTerms: ['Clipper Teas', '@ClipperTeas', 'Clipper tea'] };
let next = 0;

function advance(): number {
  next = next + 1 === tweets.length ? 0 : next + 1;
  return next;
}

describe('per tweet', () => {
  bench('extractTerms (doc already read)', () => {
    extractTerms(docs[advance()]!, opts);
  });
  bench('readDoc + extractTerms', () => {
    extractTerms(nlp.readDoc(tweets[advance()]!), opts);
  });
  bench('readDoc only (baseline)', () => {
    nlp.readDoc(tweets[advance()]!);
  });
  bench('clusterKey', () => {
    clusterKey(tweets[advance()]!);
  });
});
