// Near-duplicate detection, so that retweets, quote-copies and copy-paste spam
// count as one voice rather than many.
//
// Which to store: the pipeline should store `clusterKey(text)` per mention (16 hex
// chars, one indexed column). It is exact on the normalised text, costs a couple
// of microseconds, and can be grouped on in SQL. Spam that varies by a word or two
// gets different keys, but emergence counts distinct authors too, so one account
// posting variants still counts once; many authors posting one text are a campaign
// (emergence/campaign.ts). This file keeps the definition (normalise, then FNV-1a)
// that cluster-key.ts computes in one pass.

import { MENTION_CHARS, NOISE_CHARS, RT_PREFIX, URL } from './cluster-key.js';

export { clusterKey } from './cluster-key.js';

const MENTION = new RegExp(`@[${MENTION_CHARS}]+`, 'gu');
// Emoji themselves (\p{So}) are not noise: "love it 😍" and "love it 🤮" are different voices.
const NOISE = new RegExp(`[${NOISE_CHARS}]+`, 'gu');
const DIGITS = /\p{Nd}+/gu;
const SPACES = /\s+/gu;

/**
 * Normalise a post for duplicate matching: NFKC (so "𝐛𝐨𝐥𝐝" spam fonts match),
 * lowercase, drop the RT prefix, @mentions, URLs, punctuation and variation
 * selectors, turn every run of digits into one "0" ("giveaway 1" = "giveaway 22"),
 * and collapse whitespace.
 */
export function normaliseForCluster(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(RT_PREFIX, ' ')
    .replace(URL, ' ')
    .replace(MENTION, ' ')
    .replace(NOISE, ' ')
    .replace(DIGITS, '0')
    .replace(SPACES, ' ')
    .trim();
}

const FNV_PRIME_LOW = 0x1b3; // 64-bit prime is 2^40 + 0x1b3
const TWO_32 = 4294967296;

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text`, as 16 lowercase hex chars.
 * Done in two 32-bit halves because BigInt arithmetic is ~20x slower here.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number): void => {
    lo ^= byte;
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64; lo·2^40 lands in hi as lo<<8.
    const loProduct = (lo >>> 0) * FNV_PRIME_LOW;
    const carry = Math.floor(loProduct / TWO_32);
    hi = (hi * FNV_PRIME_LOW + carry + (lo << 8)) >>> 0;
    lo = loProduct >>> 0;
  };
  forEachUtf8Byte(text, step);
  return toHex32(hi) + toHex32(lo);
}

function toHex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function forEachUtf8Byte(text: string, visit: (byte: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) visit(c);
    else if (c < 0x800) {
      visit(0xc0 | (c >> 6));
      visit(0x80 | (c & 63));
    } else if (c < 0x10000) {
      visit(0xe0 | (c >> 12));
      visit(0x80 | ((c >> 6) & 63));
      visit(0x80 | (c & 63));
    } else {
      visit(0xf0 | (c >> 18));
      visit(0x80 | ((c >> 12) & 63));
      visit(0x80 | ((c >> 6) & 63));
      visit(0x80 | (c & 63));
    }
  }
}
