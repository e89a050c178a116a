import { its, readNounLemma, readStopFlag, type TokenColumns } from '../nlp.js';
import { joinKey, singulariseWord } from './normalise-word.js';
import { DATE_AND_NUMBER_WORDS, MONTHS_BY_NUMBER } from './stop-words.js';

/**
 * One "word" for term purposes: a single wink token, or several joined by tight
 * hyphens ("Tea-Bags", "plastic-free"), which wink splits but people mean as one.
 */
export interface Unit {
  /** Normalised words (wink's normal form, lemmatised/singularised): what the key is made of. */
  readonly words: string[];
  /** The words as written, lowercased ("christmas", "earl grey", "tea bags"): what a label shows. */
  readonly surface: string[];
  readonly key: string;
  /** POS of the last token: the head of an English compound. */
  readonly pos: string;
  /** Set later by the brand pass. */
  brand: boolean;
  /** Stop-word, apostrophe form, or a date/time/number word. */
  readonly noise: boolean;
}

/** The token columns of one doc (token-columns.ts), as the extractor reads them. */
export type TokenTable = TokenColumns;

/** Normalise one word token: wink's lemma for nouns, else the plural rule. */
export function normaliseToken(table: TokenTable, i: number): string {
  const normal = table.normals[i] ?? '';
  if (table.pos[i] === 'NOUN') {
    const lemma = readNounLemma(table, i);
    if (lemma !== normal) return lemma;
  }
  return singulariseWord(normal);
}

/**
 * Group word tokens into units. Non-word tokens (punctuation, urls, mentions,
 * hashtags, numbers, emoji) become `null`, which later breaks phrase runs.
 */
export function buildUnits(table: TokenTable, isStop: (word: string) => boolean): Array<Unit | null> {
  const units: Array<Unit | null> = [];
  const n = table.types.length;
  let i = 0;
  while (i < n) {
    if (table.types[i] !== 'word') {
      units.push(null);
      i++;
      continue;
    }
    const end = findHyphenEnd(table, i);
    units.push(makeUnit(table, i, end, isStop));
    i = end + 1;
  }
  return units;
}

// "Tea-Bags" arrives as Tea, -, Bags with no spaces between: extend over such pairs.
function findHyphenEnd(table: TokenTable, start: number): number {
  let end = start;
  while (
    table.normals[end + 1] === '-' && table.types[end + 2] === 'word' &&
    hasNoSpaceBefore(table, end + 1) && hasNoSpaceBefore(table, end + 2)
  ) end += 2;
  return end;
}

function hasNoSpaceBefore(table: TokenTable, index: number): boolean {
  return table.tokens.itemAt(index).out(its.precedingSpaces) === '';
}

function makeUnit(table: TokenTable, start: number, end: number, isStop: (w: string) => boolean): Unit {
  const words: string[] = [];
  const surface: string[] = [];
  let noise = false;
  for (let i = start; i <= end; i += 2) {
    const word = normaliseToken(table, i);
    words.push(word);
    surface.push((table.values[i] ?? word).toLowerCase());
    // digits are number tokens already (never units); words of dates and amounts are noise too
    if (DATE_AND_NUMBER_WORDS.has(word) || isDatedMonth(table, i, word) || hasApostrophe(word)) noise = true;
  }
  // Stop-word checks apply to plain words only: "plastic-free" is content even
  // though "free" alone might be filtered somewhere.
  if (start === end && (isStop(words[0] ?? '') || isStopToken(table, start, isStop))) noise = true;
  return { words, surface, key: joinKey(words), pos: table.pos[end] ?? 'X', brand: false, noise };
}

/** "12th March", "March 3", "3rd of March", "May 2024". */
function isDatedMonth(table: TokenTable, i: number, word: string): boolean {
  if (!MONTHS_BY_NUMBER.has(word)) return false;
  const before = table.normals[i - 1] === 'of' ? i - 2 : i - 1;
  return isNumberToken(table, before) || isNumberToken(table, i + 1);
}

function isNumberToken(table: TokenTable, i: number): boolean {
  const type = table.types[i];
  return type === 'number' || type === 'ordinal';
}

function isStopToken(table: TokenTable, i: number, isStop: (w: string) => boolean): boolean {
  const normal = table.normals[i] ?? '';
  return isStop(normal) || readStopFlag(table, i);
}

function hasApostrophe(word: string): boolean {
  return word.indexOf("'") >= 0 || word.indexOf('’') >= 0;
}
