import type { MentionInput } from '../../domain/mention.js';

/**
 * The naive spike alert the benchmark compares with: a word fires when its count of posts
 * so far today (UTC) is above the mean + 3σ of its daily counts over the 14 days before
 * (the rule of Huginn's peak detector and several commercial spike alerts), and at least
 * MIN_COUNT, so a word going from 0 to 1 does not fire.
 */
export const NAIVE_DAYS = 14;
export const MIN_COUNT = 5;
const DAY = 86_400_000;

export interface NaiveFiring {
  word: string;
  day: number;
  /** Whether most of the word's posts that day are the problem's. */
  problem: boolean;
}

export interface NaiveIndex {
  /** word → day → [posts, problem posts] */
  counts: Map<string, Map<number, [number, number]>>;
  /** Posts with their time, words and whether they are the problem's, in time order. */
  posts: Array<{ at: number; day: number; words: string[]; problem: boolean }>;
}

export function indexWords(mentions: MentionInput[], isProblem: (m: MentionInput) => boolean): NaiveIndex {
  const posts = mentions.map((m) => {
    const at = Date.parse(m.createdAt);
    return { at, day: Math.floor(at / DAY), words: wordsOf(m.text), problem: isProblem(m) };
  }).sort((a, b) => a.at - b.at);
  const counts = new Map<string, Map<number, [number, number]>>();
  for (const p of posts) {
    for (const w of p.words) {
      const days = counts.get(w) ?? new Map<number, [number, number]>();
      counts.set(w, days);
      const c = days.get(p.day) ?? [0, 0];
      c[0]++;
      if (p.problem) c[1]++;
      days.set(p.day, c);
    }
  }
  return { counts, posts };
}

/** The words firing at time `at`, counting today's posts before `at` only. */
export function naiveFiringsAt(index: NaiveIndex, at: number): NaiveFiring[] {
  const today = Math.floor((at - 1) / DAY);
  const sofar = new Map<string, [number, number]>();
  for (const p of index.posts) {
    if (p.at >= at) break;
    if (p.day !== today) continue;
    for (const w of p.words) {
      const c = sofar.get(w) ?? [0, 0];
      c[0]++;
      if (p.problem) c[1]++;
      sofar.set(w, c);
    }
  }
  const firings: NaiveFiring[] = [];
  for (const [word, [count, problem]] of sofar) {
    if (count < MIN_COUNT) continue;
    const history = Array.from({ length: NAIVE_DAYS }, (_, i) => index.counts.get(word)?.get(today - NAIVE_DAYS + i)?.[0] ?? 0);
    const mean = history.reduce((s, v) => s + v, 0) / NAIVE_DAYS;
    const sd = Math.sqrt(history.reduce((s, v) => s + (v - mean) ** 2, 0) / NAIVE_DAYS);
    if (count > mean + 3 * sd) firings.push({ word, day: today, problem: problem * 2 > count });
  }
  return firings;
}

function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’]{2,}/gu) ?? [])];
}
