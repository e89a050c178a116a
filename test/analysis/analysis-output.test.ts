import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { makeHardTexts } from './hard-texts.js';
import { makeSyntheticTweets } from './synthetic-tweets.js';

// Issue 18: making the analyser cheaper must not change what it says. Scores, labels,
// terms, near-duplicate keys and voices of a fixed corpus, hashed. The hash was taken
// from an analyser that reads every doc with a fresh wink instance and no memo at all
// (the definition); a change of the models changes it too, so the versions are part of
// what is compared. Issue 31: the hash moved only for the placeholder safety fields
// (safetyScore 0, safety false) every record now carries; without them it is the one before.
const TEXTS = [...makeHardTexts(2000, 5), ...makeSyntheticTweets(1000, 3)];

describe('analyser output on a fixed corpus (3,000 texts)', () => {
  it('is unchanged', () => {
    const analyze = createMentionAnalyzer({ brandTerms: { 'Kettleby Tea': ['Kettleby Tea', '@KettlebyTea'] } });
    const hash = createHash('sha256');
    for (const [i, text] of TEXTS.entries()) {
      hash.update(`${JSON.stringify(analyze({ rowId: i + 1, id: String(i), source: 'x', author: `u${i % 5000}`, text, lang: 'en', brands: ['Kettleby Tea'] }))}\n`);
    }
    expect({ version: analyze.modelVersion, sha256: hash.digest('hex') }).toEqual({
      version: 'sentiment-20261123-1ddd27f7+complaint-bffd9b154d+safety-8ac39dbc07+irony-92b70d1672+intent-c40528ea37',
      sha256: 'e8f9b218e925b025bb862ddfa4f00583f5a20dd901490bccde6e6ce48e94df8f',
    });
  });
});
