// Which language a mention is in. The source's own tag wins when it names a language;
// otherwise eld (Apache-2.0, pure JS n-gram detector, its "small" database) reads the
// text. eld was chosen by measurement (bench:lang; models/README.md): on the UMSAB
// validation tweets in en/fr/de/es/pt/it it is right 96 % of the time against 86 % for
// franc-min and 90 % for tinyld, and several times faster than both.
import { eld } from 'eld/small';
import { guessShortText } from './short-text.js';

/** ISO 639-1 code, or `und` when the language is not known. */
export type LanguageCode = string;

export const UNDETERMINED = 'und';

// X tags posts with no language (only emoji, hashtags, mentions, links) with these codes
const NO_LANGUAGE = new Set(['und', 'qme', 'qht', 'qam', 'qst', 'zxx', 'art', 'mul', 'mis']);
// codes older services still send for a language whose ISO 639-1 code changed
const RENAMED: Record<string, string> = { in: 'id', iw: 'he', ji: 'yi', jw: 'jv' };
const TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i;
// links, @handles and #tags say little about the language and would be read as words
const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu;
const WORDS3 = /\p{L}{3,}/gu;
const LETTER = /\p{L}/u;
/**
 * Text with fewer distinct words of three letters or more than this, or whose visible
 * characters are less than half letters (links, handles and tags left out), is `und`: the
 * detector names a language for any letters, and calls "=HYPERLINK(" Dutch and
 * "+cmd|' /C calc'!A0" Catalan.
 */
export const MIN_WORDS = 2;

/**
 * The ISO 639-1 code in a source's language tag (`pt-BR` → `pt`), or null when the tag
 * names no language (absent, `und`, X's `qme`…, a three-letter code).
 */
export function languageOfTag(tag: string | null | undefined): LanguageCode | null {
  if (!tag) return null;
  const match = TAG.exec(tag.trim());
  const code = match?.[1]?.toLowerCase();
  if (code === undefined || code.length !== 2 || NO_LANGUAGE.has(code)) return null;
  return RENAMED[code] ?? code;
}

// Words common in English posts and rare in the other languages' (checked on the UMSAB
// tweets: under 1 % of French, German, Spanish, Portuguese, Italian or Arabic posts have two).
const ENGLISH_WORDS = new Set(("the and you your my this that with for is are was were have has had not just what it's i'm " +
  "don't can't of to be but so they we our at if will would do does did been about from get got when how why who " +
  'there their them he she his her me im dont cant its an').split(' '));
const WORD = /[\p{L}'’]+/gu;
/**
 * Another language must score above English by more than this ratio: at 0.9, English test
 * tweets called another language fall from 1.2 % to 0.5 % and UMSAB's French, German,
 * Spanish, Portuguese and Italian tweets are found 94.3 % of the time instead of 95.7 %.
 */
const ENGLISH_TIE = 0.9;

/**
 * True when at least two words, and a quarter of all, are common English words: half of
 * English tweets pass, and they skip the detector (≈ a quarter of an analysis's time) and
 * its rare mistakes on English (3.7 % of English test tweets called another language).
 */
export function looksEnglish(prose: string): boolean {
  let words = 0;
  let english = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(prose); m !== null; m = WORD.exec(prose)) {
    words++;
    if (ENGLISH_WORDS.has(m[0].toLowerCase().replaceAll('’', "'"))) english++;
  }
  return english >= 2 && english * 4 >= words;
}

/** The language of a text by its letters alone; `und` when too short or the detector is unsure. */
export function detectTextLanguage(text: string): LanguageCode {
  const prose = text.replace(NOT_PROSE, ' ');
  if (looksEnglish(prose)) return 'en';
  if (!mostlyLetters(prose)) return UNDETERMINED;
  const result = eld.detect(prose);
  // too few long words, or a result eld itself doubts: a short post's function words may still tell
  if (!hasWords(prose, MIN_WORDS) || result.language === '' || !result.isReliable()) return guessShortText(prose, result.getScores()) ?? UNDETERMINED;
  if (result.language === 'en') return 'en';
  // English keeps its models unless another language clearly wins: a near tie goes to English
  const scores = result.getScores();
  return (scores['en'] ?? 0) >= ENGLISH_TIE * (scores[result.language] ?? 0) ? 'en' : result.language;
}

function mostlyLetters(prose: string): boolean {
  let letters = 0;
  let visible = 0;
  for (const ch of prose) {
    if (ch.trim() === '') continue;
    visible++;
    if (LETTER.test(ch)) letters++;
  }
  return letters * 2 >= visible;
}

function hasWords(prose: string, least: number): boolean {
  const seen = new Set<string>();
  WORDS3.lastIndex = 0;
  for (let m = WORDS3.exec(prose); m !== null; m = WORDS3.exec(prose)) {
    seen.add(m[0].toLowerCase());
    if (seen.size >= least) return true;
  }
  return false;
}

/** A mention's language: the source's tag when it names one, else detected from the text. */
export function mentionLanguage(text: string, sourceTag: string | null | undefined): LanguageCode {
  return languageOfTag(sourceTag) ?? detectTextLanguage(text);
}
