import { RT_PREFIX } from '../cluster-key.js';

/**
 * Copies by many authors: a retweet storm or a campaign? Retweets (an "RT @name:" prefix)
 * of one post pass one voice along, so they keep the copy cluster of the text. A post of
 * the same text without it is written (or pasted) by its author: many people doing so
 * over hours are a campaign — a petition — that the brand must see, yet a spammer
 * repeating himself, or a handful of sock puppets, must stay about one voice.
 *
 * So an author's own copies join one of several sub-clusters of the text, chosen by a
 * hash of the author: sub-cluster b ≥ 2 with probability P(≥ b) = 1/(4b²), the first one
 * otherwise (15 in 16 authors). Voices are components of the author↔cluster graph
 * (voices.ts), so n distinct authors of one text count about √(n/4) voices (1 for one
 * author however often he posts, and nearly always 1 for a handful of sock puppets;
 * about 14 for 800), and the count needs no state: each mention's cluster is a function
 * of its own text and author.
 */
export function voiceCluster(clusterKeyHex: string, text: string, voice: number): number {
  const base = parseInt(clusterKeyHex.slice(-8), 16) | 0;
  if (RT_PREFIX.test(text.normalize('NFKC').toLowerCase())) return base;
  const band = campaignBand(voice);
  // the first band keeps the text's own cluster, so most authors' clusters are as before
  return band === 1 ? base : mix(base ^ Math.imul(band, 0x9e3779b1));
}

/** Authors beyond the first sub-cluster: P(band ≥ b) = CAMPAIGN_SHARE / b² for b ≥ 2. */
export const CAMPAIGN_SHARE = 1 / 4;

/** max(1, ⌊√(share/u)⌋) for u uniform in (0, 1] from the author's hash. */
export function campaignBand(voice: number): number {
  const u = ((mix(voice) >>> 0) + 1) / 4294967296;
  return Math.max(1, Math.floor(Math.sqrt(CAMPAIGN_SHARE / u)));
}

/** murmur3's 32-bit finaliser: spreads a hash's bits evenly. */
function mix(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}
