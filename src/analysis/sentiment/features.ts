// Turns wink-nlp tokens into hashed feature ids for the linear sentiment model.
// Only token values and types are used, so a tokeniser-only doc and the shared
// full-pipeline doc give identical features.
import { SEED, combineHashes, hashString } from './hash.js';
import type { FeatureSettings, SentimentTokens } from './types.js';
import { boundedMemo } from '../bounded-memo.js';

// Words that flip polarity until the next clause break. wink splits "don't" into
// "do" + "n't"; the apostrophe-less spellings are common in tweets.
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', "n't", 'no', 'never', 'cannot', 'nothing', 'nobody', 'none', 'nor', 'neither',
  'nowhere', 'without', 'dont', 'cant', 'wont', 'isnt', 'didnt', 'doesnt', 'aint',
  'wasnt', 'arent', 'couldnt', 'shouldnt', 'wouldnt', 'havent', 'hasnt', 'werent',
]);
const CLAUSE_BREAKS = new Set(['.', ',', '!', '?', ';', ':', '...', '…']);
const NUMERIC_TYPES = new Set(['number', 'ordinal', 'time', 'date', 'currency']);
const ELONGATED = /(\p{L})\1{2,}/u;
const ELONGATIONS = /(\p{L})\1{2,}/gu;
const VARIATION_SELECTOR = /\uFE0F/g;
// Emoji presentation selectors, joiners and skin tones that wink emits as separate tokens.
const INVISIBLE = /^[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]+$/u;

const CUE = {
  caps: hashString('caps', SEED.cue),
  elongated: hashString('elong', SEED.cue),
  exclaims: hashString('!!', SEED.cue),
  questions: hashString('??', SEED.cue),
  mixedMarks: hashString('?!', SEED.cue),
  lastEmoji: hashString('last-emoji', SEED.cue),
};

/** Called for every unigram emitted; training uses it to compute lexicon features. */
export type TermVisitor = (term: string, negated: boolean) => void;

/** Per-document state while walking tokens. */
interface WalkState {
  out: number[];
  visit: TermVisitor | undefined;
  mask: number;
  settings: FeatureSettings;
  negated: boolean;
  previous: number | undefined;
  afterNegator: boolean;
  previousMark: string | undefined;
}

/** True when two models' settings give the same feature ids for the same tokens. */
export function sameFeatureSettings(a: FeatureSettings, b: FeatureSettings): boolean {
  return a.bucketBits === b.bucketBits && a.bigrams === b.bigrams && (a.negationBigrams === true) === (b.negationBigrams === true) &&
    (a.charGrams?.[0] ?? null) === (b.charGrams?.[0] ?? null) && (a.charGrams?.[1] ?? null) === (b.charGrams?.[1] ?? null);
}

/** Extract hashed feature ids (bucket indices; repeats allowed) from tokens. */
export function extractFeatures(
  tokens: SentimentTokens, settings: FeatureSettings, out: number[] = [], visit?: TermVisitor,
): number[] {
  out.length = 0;
  const state: WalkState = {
    out, visit, mask: (1 << settings.bucketBits) - 1, settings,
    negated: false, previous: undefined, afterNegator: false, previousMark: undefined,
  };
  const { values, types } = tokens;
  for (let i = 0; i < values.length; i++) {
    visitToken(state, values[i] ?? '', types[i] ?? 'word');
  }
  const lastType = types[types.length - 1];
  if (lastType === 'emoji' || lastType === 'emoticon') out.push(CUE.lastEmoji & state.mask);
  return out;
}

function visitToken(state: WalkState, value: string, type: string): void {
  if (type !== 'punctuation') state.previousMark = undefined;
  switch (type) {
    case 'url':
      return; // evaluation data has URLs stripped; keeping them would shift the bias
    case 'mention':
      return emitTerm(state, '@user');
    case 'hashtag':
      return visitHashtag(state, value);
    case 'punctuation':
      return visitPunctuation(state, value);
    case 'emoji':
      return emitTerm(state, value.replace(VARIATION_SELECTOR, ''));
    case 'unk':
      return INVISIBLE.test(value) ? undefined : emitTerm(state, value);
    case 'word':
      return visitWord(state, value);
    default:
      return emitTerm(state, NUMERIC_TYPES.has(type) ? '<num>' : value.toLowerCase());
  }
}

/** What a word token contributes, a function of its value alone: memoised by it. */
interface WordInfo {
  caps: boolean;
  elongated: boolean;
  /** Lowercase, straight apostrophes, letter runs cut to two. */
  term: string;
  hash: number;
  negator: boolean;
}

const MAX_WORDS = 20_000;

const readWordInfo = boundedMemo(MAX_WORDS, (value: string): WordInfo => {
  const caps = value.length > 1 && value !== value.toLowerCase() && value === value.toUpperCase();
  // the training tweets use ’ in contractions (n’t, I’m), most live text uses '
  let term = value.toLowerCase().replaceAll('’', "'");
  const elongated = ELONGATED.test(term);
  if (elongated) term = term.replace(ELONGATIONS, '$1$1');
  return { caps, elongated, term, hash: hashString(term), negator: NEGATORS.has(term) };
});

function visitWord(state: WalkState, value: string): void {
  const info = readWordInfo(value);
  if (info.caps) state.out.push(CUE.caps & state.mask);
  if (info.elongated) state.out.push(CUE.elongated & state.mask);
  emitHashedTerm(state, info.term, info.hash);
  if (info.negator) state.negated = state.afterNegator = true;
  if (state.settings.charGrams) emitCharGrams(state, info.term);
}

/** A hashtag lowercased, and the words it carries: memoised by its value. */
const readHashtag = boundedMemo(MAX_WORDS, (value: string): { tag: string; parts: string[] } => {
  // camelCase tags (#EpicFail) carry their words; plain ones (#fail) are one word
  const parts = value.slice(1).split(/(?<=\p{Ll})(?=\p{Lu})|[_\d]+/u).filter((p) => p.length > 1).map((p) => p.toLowerCase());
  return { tag: value.toLowerCase(), parts };
});

function visitHashtag(state: WalkState, value: string): void {
  const { tag, parts } = readHashtag(value);
  emitTerm(state, tag);
  for (const part of parts) emitWord(state, part);
}

function visitPunctuation(state: WalkState, value: string): void {
  if (CLAUSE_BREAKS.has(value)) state.negated = false;
  if (value === '!' || value === '?') {
    if (state.previousMark === value) state.out.push((value === '!' ? CUE.exclaims : CUE.questions) & state.mask);
    else if (state.previousMark !== undefined) state.out.push(CUE.mixedMarks & state.mask);
    emitTerm(state, value);
    state.previousMark = value;
    return;
  }
  state.previousMark = undefined;
  emitTerm(state, value);
}

/** Emit a unigram (negation-marked when in scope) and the bigram with the previous term. */
function emitTerm(state: WalkState, term: string): void {
  emitHashedTerm(state, term, hashString(term));
}

/** emitTerm with the term's hash already known. */
function emitHashedTerm(state: WalkState, term: string, h: number): void {
  state.visit?.(term, state.negated);
  state.out.push(combineHashes(state.negated ? SEED.negated : SEED.word, h) & state.mask);
  // Full bigrams overfit on this data; the negator + next-word pairs ("not bad") carry the signal.
  const pair = state.settings.bigrams || (state.afterNegator && state.settings.negationBigrams === true);
  if (pair && state.previous !== undefined) {
    state.out.push(combineHashes(SEED.bigram, combineHashes(state.previous, h)) & state.mask);
  }
  state.previous = h;
  state.afterNegator = false;
}

/** Emit a word feature without touching the bigram chain (hashtag parts). */
function emitWord(state: WalkState, word: string): void {
  state.visit?.(word, false);
  state.out.push(combineHashes(SEED.word, hashString(word)) & state.mask);
}

/** The bucket a unigram lands in; lets training fold per-word priors into the weights. */
export function termBucket(term: string, negated: boolean, settings: FeatureSettings): number {
  return combineHashes(negated ? SEED.negated : SEED.word, hashString(term)) & ((1 << settings.bucketBits) - 1);
}

function emitCharGrams(state: WalkState, word: string): void {
  const [min, max] = state.settings.charGrams ?? [0, -1];
  const padded = `<${word}>`;
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      state.out.push(hashString(padded.slice(i, i + n), SEED.charGram) & state.mask);
    }
  }
}
