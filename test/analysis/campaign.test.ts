import { describe, expect, it } from 'vitest';
import { countDistinctVoices } from '../../src/analysis/emergence/voices.js';
import { campaignBand, voiceCluster } from '../../src/analysis/emergence/campaign.js';
import { voiceKey } from '../../src/analysis/analyze-mention.js';
import { clusterKey } from '../../src/analysis/near-duplicate.js';

const TEXT = 'Crema must repair failed pumps under warranty. Signed.';
const voicesOf = (posts: Array<{ author: string; text: string }>) => countDistinctVoices(posts.map((p) => {
  const voice = voiceKey({ source: 'x', author: p.author, id: p.author });
  return { day: 0, voice, cluster: voiceCluster(clusterKey(p.text), p.text, voice) };
}));
const authors = (n: number, prefix = 'signer') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('campaign voices', () => {
  it('counts many authors of one text as about √(n/4) voices, one author\'s repeats as one', () => {
    const petition = voicesOf(authors(800).map((author) => ({ author, text: TEXT })));
    expect(petition).toBeGreaterThanOrEqual(8);
    expect(petition).toBeLessThanOrEqual(25);
    expect(voicesOf(Array.from({ length: 60 }, () => ({ author: 'spammer', text: TEXT })))).toBe(1);
    expect(voicesOf(authors(4, 'puppet').flatMap((author) => Array.from({ length: 10 }, () => ({ author, text: TEXT }))))).toBeLessThanOrEqual(3);
  });

  it('keeps a retweet storm of one post one voice', () => {
    expect(voicesOf(authors(300).map((author) => ({ author, text: `RT @angryguy: ${TEXT}` })))).toBe(1);
  });

  it('draws bands with P(band ≥ b) = 1/(4b²) beyond the first, from the author alone', () => {
    const bands = authors(20_000).map((a) => campaignBand(voiceKey({ source: 'x', author: a, id: a })));
    const share = (b: number) => bands.filter((x) => x >= b).length / bands.length;
    expect(share(1)).toBe(1);
    expect(share(2)).toBeCloseTo(1 / 16, 2);
    expect(share(4)).toBeCloseTo(1 / 64, 2);
    expect(campaignBand(voiceKey({ source: 'x', author: 'a', id: '1' }))).toBe(campaignBand(voiceKey({ source: 'x', author: '@A', id: '2' })));
  });
});
