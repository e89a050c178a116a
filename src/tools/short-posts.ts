// Short posts for language identification (issue 32 #4): windows of 2–5 words cut from
// UMSAB tweets (after @user, links and #tags are dropped), a fixed count per language,
// chosen by a seeded draw. Cut from the TRAIN split they are for choosing detection rules;
// from the VALIDATION split they are only measured (bench:lang), never tuned on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../analysis/seeded-random.js';
import { readUmsab, UMSAB_FOLDERS } from './language-data.js';

export interface ShortPost {
  code: string;
  text: string;
  words: number;
}

const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;

/** `perLanguage` windows of 2–5 words per language (fr, de, es, pt, it, ar and en), from `split`. */
export function shortPosts(dir: string, split: 'train' | 'val', perLanguage = 300, seed = 3204): ShortPost[] {
  const random = seededRandom(seed);
  const out: ShortPost[] = [];
  for (const code of ['en', ...Object.keys(UMSAB_FOLDERS)]) {
    const tweets = textsOf(dir, code, split)
      .map((t) => t.replace(NOT_PROSE, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)))
      .filter((words) => words.length >= 2);
    for (let i = 0; i < perLanguage && tweets.length > 0; i++) {
      const words = tweets[Math.floor(random() * tweets.length)]!;
      const n = Math.min(words.length, 2 + Math.floor(random() * 4));
      const start = Math.floor(random() * (words.length - n + 1));
      out.push({ code, text: words.slice(start, start + n).join(' '), words: n });
    }
  }
  return out;
}

/** UMSAB's English tweets have no model here (readUmsab leaves them out), but detection must keep them English. */
function textsOf(dir: string, code: string, split: 'train' | 'val'): string[] {
  if (code !== 'en') return readUmsab(dir, code, split).texts;
  return readFileSync(join(dir, 'umsab', 'english', `${split}.jsonl`), 'utf8').split('\n').filter(Boolean)
    .map((line) => (JSON.parse(line) as { text?: unknown }).text).filter((t): t is string => typeof t === 'string');
}
