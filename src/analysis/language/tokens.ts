// Tokens for text that is not English. wink's model is English: its tokeniser splits
// "l'envío" and "j'ai" by English rules and its POS tags mean nothing here, so the
// non-English heads read a plain Unicode split with the token types the sentiment
// features understand (word, mention, hashtag, url, number, emoji, punctuation).
import type { SentimentTokens } from '../sentiment/types.js';

const TOKEN = new RegExp([
  String.raw`(https?:\/\/\S+|www\.\S+)`, // url
  String.raw`(@[\p{L}\p{N}_]+)`, // mention
  String.raw`(#[\p{L}\p{N}_]+)`, // hashtag
  String.raw`(\p{N}+(?:[.,:]\p{N}+)*)`, // number
  // a word; an elided article or pronoun (l', d', j', dell', all') stays its own word
  String.raw`(\p{L}[\p{L}\p{M}]*(?:['’](?!\p{L})|[-](?=\p{L})[\p{L}\p{M}]+)*['’]?)`,
  String.raw`(\p{Extended_Pictographic}|\p{Regional_Indicator}{2})`, // emoji
  String.raw`([!?.,;:…¡¿]|\.{3})`, // punctuation
].join('|'), 'gu');
const TYPES = ['url', 'mention', 'hashtag', 'number', 'word', 'emoji', 'punctuation'] as const;

/** Split text into token values and types, index-aligned. */
export function splitWords(text: string): SentimentTokens {
  const values: string[] = [];
  const types: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    values.push(m[0]);
    types.push(TYPES[group - 1] ?? 'word');
  }
  return { values, types };
}
