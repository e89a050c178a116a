// The near-duplicate key in one pass. `fnv1a64(normaliseForCluster(text))` (near-duplicate.ts)
// is the definition; this gives the same 16 hex chars without the chain of regex
// replacements and intermediate strings: after NFKC, lowercasing, the RT prefix and URLs
// (rare, so still regexes), each code point is classed once (a table for ASCII, a memo
// above it, both filled from the same character classes as the regexes) and fed to the
// hash as the normalised text would be.
import { boundedMemo } from './bounded-memo.js';

/** Character classes of the normalisation, shared with the regexes of near-duplicate.ts. */
export const MENTION_CHARS = '\\p{L}\\p{N}_';
// Punctuation, maths/currency symbols and modifiers (incl. emoji skin tones), variation
// selectors and zero-width joiners. Emoji themselves (\p{So}) stay.
export const NOISE_CHARS = '\\p{P}\\p{Sm}\\p{Sc}\\p{Sk}\\uFE0E\\uFE0F\\u200B-\\u200D\\u2060';

// Retweet prefixes, possibly chained: "RT @a: RT @b: text".
export const RT_PREFIX = new RegExp(`^(?:\\s*rt\\s+@[${MENTION_CHARS}]+:?)+`, 'u');
export const URL = /\b(?:https?:\/\/|www\.)\S+/gu;

const OTHER = 0;
const SPACE = 1;
const NOISE = 2;
const DIGIT = 4;
const MENTION = 8;

const IS_SPACE = /^\s$/u;
const IS_NOISE = new RegExp(`^[${NOISE_CHARS}]$`, 'u');
const IS_DIGIT = /^\p{Nd}$/u;
const IS_MENTION = new RegExp(`^[${MENTION_CHARS}]$`, 'u');

function classify(codePoint: number): number {
  const c = String.fromCodePoint(codePoint);
  return (IS_SPACE.test(c) ? SPACE : 0) | (IS_NOISE.test(c) ? NOISE : 0) | (IS_DIGIT.test(c) ? DIGIT : 0) | (IS_MENTION.test(c) ? MENTION : 0);
}

const ASCII = Uint8Array.from({ length: 128 }, (_, c) => classify(c));
const MAX_MEMO = 20_000;
const classifyWide = boundedMemo(MAX_MEMO, classify);

function classOf(codePoint: number): number {
  return codePoint < 128 ? ASCII[codePoint]! : classifyWide(codePoint);
}

// The normalised text's UTF-8 bytes, written here and then hashed in one loop.
let bytes = new Uint8Array(1024);
let size = 0;

function put(byte: number): void {
  if (size === bytes.length) {
    const grown = new Uint8Array(bytes.length * 2);
    grown.set(bytes);
    bytes = grown;
  }
  bytes[size++] = byte;
}

function putCodePoint(c: number): void {
  if (c < 0x80) put(c);
  else if (c < 0x800) {
    put(0xc0 | (c >> 6));
    put(0x80 | (c & 63));
  } else if (c < 0x10000) {
    put(0xe0 | (c >> 12));
    put(0x80 | ((c >> 6) & 63));
    put(0x80 | (c & 63));
  } else {
    put(0xf0 | (c >> 18));
    put(0x80 | ((c >> 12) & 63));
    put(0x80 | ((c >> 6) & 63));
    put(0x80 | (c & 63));
  }
}

const FNV_PRIME_LOW = 0x1b3; // the 64-bit prime is 2^40 + 0x1b3
const TWO_32 = 4294967296;

/** 64-bit FNV-1a of the buffered bytes, in two 32-bit halves (BigInt is ~20× slower here). */
function hashBuffered(): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < size; i++) {
    lo ^= bytes[i]!;
    // (hi·2^32 + lo) · (2^40 + 0x1b3) mod 2^64; lo·2^40 lands in hi as lo<<8.
    const loProduct = (lo >>> 0) * FNV_PRIME_LOW;
    const carry = Math.floor(loProduct / TWO_32);
    hi = (hi * FNV_PRIME_LOW + carry + (lo << 8)) >>> 0;
    lo = loProduct >>> 0;
  }
  return hex32(hi) + hex32(lo);
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/** Cluster key of a post: 64-bit FNV-1a of its normalised text (normaliseForCluster), as 16 hex chars. */
export function clusterKey(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(RT_PREFIX, ' ');
  if (s.includes('http') || s.includes('www.')) s = s.replace(URL, ' ');
  size = 0;
  // the normalised text collapses every run of spaces, noise, mentions and URLs into one
  // space and trims it: a space is written only between two kept characters
  let gap = false;
  let inDigits = false;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i) < 0xd800 ? s.charCodeAt(i) : s.codePointAt(i)!;
    // "@name" goes first (before punctuation and digits): "@" followed by a name character
    if (c === 64 && i + 1 < s.length && (classOf(s.codePointAt(i + 1)!) & MENTION)) {
      i++;
      while (i < s.length) {
        const m = s.codePointAt(i)!;
        if (!(classOf(m) & MENTION)) break;
        i += m > 0xffff ? 2 : 1;
      }
      gap = true;
      inDigits = false;
      continue;
    }
    i += c > 0xffff ? 2 : 1;
    const cls = classOf(c);
    if (cls & (SPACE | NOISE)) {
      gap = true;
      inDigits = false;
      continue;
    }
    // a run of digits is one "0"
    if (cls & DIGIT) {
      if (inDigits) continue;
      inDigits = true;
    } else inDigits = false;
    if (gap && size > 0) put(32);
    gap = false;
    putCodePoint(cls & DIGIT ? 48 : c);
  }
  return hashBuffered();
}
