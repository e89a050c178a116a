// Complaint and safety for languages with a sentiment model but no labelled complaint data
// (fr, de, es, pt, it; issue 32): a small fixed-weight score over the language's cue lists
// (complaint-cues.ts) and its sentiment head's probabilities. Deterministic, a few regex
// passes a post. Weights were chosen on the DEV half of bench/probes/languages/ only
// (`npm run bench:lang` prints dev and held-out figures and the "negative = complaint"
// baseline); the held-out half was measured once.
import { createHash } from 'node:crypto';
import type { SentimentResult } from '../sentiment/types.js';
import { LANGUAGE_TOPICS_VERSION } from '../topics/language-terms.js';
import { COMPLAINT_CUES, type CueLists } from './complaint-cues.js';
import { SHORT_TEXT_RULES } from './short-text.js';

export interface LanguageComplaint {
  /** P(complaint), 0–1. */
  score: number;
  complaint: boolean;
  /** P(harm or risk of harm reported), 0–1; 0 without a harm cue. */
  safetyScore: number;
  safety: boolean;
}

/** Cue counts of one post (capped in the score, not here). */
export interface CueCounts {
  problem: number;
  fixed: number;
  harm: number;
}

export interface ComplaintWeights {
  bias: number;
  problem: number;
  harm: number;
  fixed: number;
  negative: number;
  positive: number;
  threshold: number;
  safetyThreshold: number;
}

export const LANGUAGE_COMPLAINT_WEIGHTS: Readonly<ComplaintWeights> = {
  bias: -1,
  problem: 1,
  /** a harm report is a complaint too */
  harm: 1.2,
  fixed: -1,
  negative: 1,
  positive: 0,
  threshold: 0.5,
  // a harm cue makes a safety report only in a post that reads as a complaint
  safetyThreshold: 0.5,
};

const CAP = { problem: 3, fixed: 2, harm: 2 } as const;

/**
 * `cues-<hash of the cue lists and weights, the never-positive rule (heads.ts), the topic
 * rules (topics/language-terms.ts) and short-post detection (short-text.ts)>`: part of the language models' version, so a changed list
 * or rule re-scores every stored mention.
 */
export const LANGUAGE_COMPLAINT_VERSION = `cues-${createHash('sha256')
  .update(JSON.stringify({ cues: COMPLAINT_CUES, weights: LANGUAGE_COMPLAINT_WEIGHTS, cap: CAP, neverPositive: true, topics: LANGUAGE_TOPICS_VERSION, shortText: SHORT_TEXT_RULES }))
  .digest('hex').slice(0, 8)}`;

interface Compiled {
  problem: RegExp;
  fixed: RegExp;
  harm: RegExp;
}

const compiled = new Map<string, Compiled>();

function alternation(words: readonly string[]): RegExp {
  const escaped = [...words].sort((a, b) => b.length - a.length)
    .map((w) => {
      const whole = w.endsWith('.');
      const escaped = (whole ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+');
      // a final '.' ends the cue at a word end
      return whole ? `${escaped}(?![\\p{L}\\p{N}])` : escaped;
    });
  // a cue starts at a word start: no letter or digit just before it
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})`, 'gu');
}

function compiledFor(lang: string): Compiled | undefined {
  let c = compiled.get(lang);
  if (c === undefined) {
    const cues: CueLists | undefined = COMPLAINT_CUES[lang];
    if (cues === undefined) return undefined;
    c = { problem: alternation(cues.problem), fixed: alternation(cues.fixed), harm: alternation(cues.harm) };
    compiled.set(lang, c);
  }
  return c;
}

/** True when `lang` has complaint cue lists. */
export function hasComplaintCues(lang: string): boolean {
  return Object.hasOwn(COMPLAINT_CUES, lang);
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** The cue counts of a text in `lang`, or null when the language has no cue lists. */
export function countCues(lang: string, text: string): CueCounts | null {
  const c = compiledFor(lang);
  if (c === undefined) return null;
  const lower = text.normalize('NFC').toLowerCase().replaceAll('’', "'");
  return { problem: count(c.problem, lower), fixed: count(c.fixed, lower), harm: count(c.harm, lower) };
}

/** Complaint and safety of a post in `lang` given its sentiment, or null when the language has no cue lists. */
export function scoreLanguageComplaint(lang: string, text: string, sentiment: SentimentResult,
  weights: Readonly<ComplaintWeights> = LANGUAGE_COMPLAINT_WEIGHTS): LanguageComplaint | null {
  const cues = countCues(lang, text);
  if (cues === null) return null;
  return combine(cues, sentiment, weights);
}

export function combine(cues: CueCounts, sentiment: SentimentResult, w: Readonly<ComplaintWeights> = LANGUAGE_COMPLAINT_WEIGHTS): LanguageComplaint {
  const harm = Math.min(cues.harm, CAP.harm);
  const z = w.bias + w.problem * Math.min(cues.problem, CAP.problem) + w.harm * harm + w.fixed * Math.min(cues.fixed, CAP.fixed)
    + w.negative * sentiment.probs.negative + w.positive * sentiment.probs.positive;
  const score = 1 / (1 + Math.exp(-z));
  const safetyScore = harm > 0 ? score : 0;
  return { score, complaint: round3(score) >= w.threshold, safetyScore, safety: round3(safetyScore) >= w.safetyThreshold };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
