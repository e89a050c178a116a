// Word-level normalisation shared by token terms, hashtags and brand terms, so
// that "Tea-Bags", "#TeaBags", "teabags" and "tea bags" all reduce to the same
// key. Everything here is allocation-light: module-level tables, no per-call regex.

// Words that end in "s" but are not plurals (or whose plural is themselves).
const INVARIANT = new Set([
  'news', 'series', 'species', 'means', 'physics', 'economics', 'politics',
  'ethics', 'mathematics', 'lens', 'gas', 'bus', 'yes', 'this', 'thus', 'always',
  'perhaps', 'chaos', 'diabetes', 'rabies', 'measles', 'scissors', 'trousers',
  'jeans', 'pants', 'clothes', 'kudos', 'its', 'his', 'hers', 'ours', 'yours',
  'whereas', 'status', 'plus', 'minus', 'canvas', 'atlas', 'alias', 'bias',
]);

// "-ies" plurals whose singular ends in "-ie" rather than "-y".
const IE_PLURALS = new Set([
  'movies', 'cookies', 'zombies', 'selfies', 'hoodies', 'smoothies', 'brownies',
  'goodies', 'rookies', 'calories', 'veggies', 'freebies', 'aussies', 'indies',
  'pies', 'ties', 'lies', 'dies',
]);

/**
 * Reduce an English plural to its singular with suffix rules. Used only when
 * wink's lemmatiser left the word unchanged (out-of-vocabulary compounds such as
 * "teabags", "microplastics", or title-case PROPN "Teas") and for hashtag parts,
 * which have no POS. Proper names ending in "s" can be over-stripped ("jones" →
 * "jone"); the key stays consistent across mentions, which is what counting needs.
 */
export function singulariseWord(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (INVARIANT.has(word)) return word;
  const prev = word.charCodeAt(n - 2);
  if (prev === 115 /* ss */ || prev === 117 /* us */ || prev === 105 /* is */) return word;
  if (prev === 39 /* ' */) return word.slice(0, n - 2);
  if (word.endsWith('ies')) {
    if (n <= 4 || IE_PLURALS.has(word)) return word.slice(0, n - 1);
    return word.slice(0, n - 3) + 'y';
  }
  if (isSibilantEs(word, n)) return word.slice(0, n - 2);
  return word.slice(0, n - 1);
}

function isSibilantEs(word: string, n: number): boolean {
  if (n < 5 || word.charCodeAt(n - 2) !== 101 /* e */) return false;
  return word.endsWith('sses') || word.endsWith('shes') || word.endsWith('ches') ||
    word.endsWith('xes') || word.endsWith('zzes');
}

/** True if the string has at least one letter (ASCII or any non-ASCII code point). */
export function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

/**
 * Join normalised words into a term key: no spaces, hyphens or apostrophes, so
 * "tea bag", "tea-bag" and "teabag" collide on purpose.
 */
export function joinKey(words: readonly string[]): string {
  let key = '';
  for (const word of words) key += stripJoiners(word);
  return key;
}

function stripJoiners(word: string): string {
  if (word.indexOf('-') < 0 && word.indexOf("'") < 0 && word.indexOf('’') < 0) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i];
    if (ch !== '-' && ch !== "'" && ch !== '’') out += ch;
  }
  return out;
}

/**
 * Split a hashtag or handle body into words at case and letter/digit changes:
 * "TeaBags" → ["Tea", "Bags"], "NHSWorkers" → ["NHS", "Workers"],
 * "plastic_free2024" → ["plastic", "free", "2024"]. All-lowercase bodies stay whole.
 */
export function splitCompound(body: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= body.length; i++) {
    if (i === body.length || isBoundary(body, i)) {
      const part = body.slice(start, i);
      if (part !== '_' && part !== '-') parts.push(trimJoiner(part));
      start = i;
    }
  }
  return parts.filter((p) => p.length > 0);
}

function trimJoiner(part: string): string {
  const first = part[0];
  return first === '_' || first === '-' ? part.slice(1) : part;
}

function isBoundary(s: string, i: number): boolean {
  const a = classify(s.charCodeAt(i - 1));
  const b = classify(s.charCodeAt(i));
  if (b === SEP) return true;
  if (a === SEP) return false;
  if (a === LOWER && b === UPPER) return true;
  if ((a === DIGIT) !== (b === DIGIT)) return true;
  // "NHSWorkers": the W starts a new word because a lowercase letter follows it.
  if (a === UPPER && b === UPPER) return classify(s.charCodeAt(i + 1)) === LOWER;
  return false;
}

const SEP = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function classify(c: number): number {
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c === 95 || c === 45) return SEP;
  // Non-ASCII letters: treat as lowercase so they never force a split.
  return Number.isNaN(c) ? SEP : LOWER;
}
