/**
 * Case folding exactly as a JavaScript regex with the `iu` flags compares characters
 * (Unicode simple case folding, code point by code point), so a name automaton built on
 * it answers what `new RegExp(name, 'iu')` would without compiling one regex per name.
 * Not `toLowerCase()`: that maps `İ` to two code points and leaves `ſ` and `K` alone,
 * where the regex treats `ſ` as `s` and `K` as `k`.
 */

/** Two characters the regex engine treats as equal under `iu` (its backreferences fold too). */
const SAME_UNDER_IU = /^(.)\1$/isu;
/** One table for the planes holding every cased letter (Unicode has none past U+1FFFF). */
const CASED_LIMIT = 0x20000;
const folded = new Uint32Array(CASED_LIMIT);

/**
 * A key per code point, equal for two code points exactly when an `iu` regex treats them
 * as the same letter: the lowercase of the uppercase where the engine agrees (µ, μ and Μ
 * all become μ; ſ becomes s), else the lowercase, else the code point itself (İ, ı).
 */
export function foldCodePoint(cp: number): number {
  if (cp < 0x41) return cp;
  if (cp >= CASED_LIMIT) return cp;
  const known = folded[cp]!;
  if (known !== 0) return known - 1;
  const key = computeFold(cp);
  folded[cp] = key + 1;
  return key;
}

/**
 * Simple foldings between characters whose case mappings never meet (Unicode 15 folds
 * ΐ U+1FD3 to U+0390, ΰ U+1FE3 to U+03B0, ﬅ U+FB05 to U+FB06): used when the engine agrees.
 */
const UNRELATED_FOLDS = new Map([[0x1fd3, 0x390], [0x1fe3, 0x3b0], [0xfb05, 0xfb06]]);

function computeFold(cp: number): number {
  const char = String.fromCodePoint(cp);
  const unrelated = UNRELATED_FOLDS.get(cp);
  if (unrelated !== undefined && SAME_UNDER_IU.test(char + String.fromCodePoint(unrelated))) return unrelated;
  const upper = char.toUpperCase();
  if (isOneCodePoint(upper)) {
    const lowerOfUpper = upper.toLowerCase();
    if (isOneCodePoint(lowerOfUpper) && SAME_UNDER_IU.test(char + lowerOfUpper)) return lowerOfUpper.codePointAt(0)!;
  }
  const lower = char.toLowerCase();
  if (isOneCodePoint(lower) && SAME_UNDER_IU.test(char + lower)) return lower.codePointAt(0)!;
  return cp;
}

function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
}

/**
 * Word characters as a character class compares them under `iu`: a class matches a
 * character when any member folds the same way (U+0345 counts as a letter, since it
 * folds to ι). Answered by the class itself, once per code point.
 */
export class WordClass {
  private readonly known = new Uint8Array(0x110000);
  constructor(private readonly pattern: RegExp) {}

  has(cp: number): boolean {
    let state = this.known[cp]!;
    if (state === 0) {
      state = this.pattern.test(String.fromCodePoint(cp)) ? 1 : 2;
      this.known[cp] = state;
    }
    return state === 1;
  }
}

/** Letters, digits and `_`: the brand linker's word characters. */
export const LETTERS_DIGITS_UNDERSCORE = new WordClass(/^[\p{L}\p{N}_]$/iu);
/** Letters and digits: what a feed item's brand match needs around the name. */
export const LETTERS_DIGITS = new WordClass(/^[\p{L}\p{N}]$/iu);
