import { foldCodePoint, type WordClass } from './fold-case.js';
import { NameAutomaton } from './name-automaton.js';

/** How names are matched; each set of rules reproduces one regex earshot used to build per name. */
export interface NameRules {
  /** A name counts only with no word character right before and right after it. */
  readonly word: WordClass;
  /**
   * Names are trimmed and any run of whitespace in one matches any run in the text
   * (the brand linker's `\s+`); otherwise whitespace must match character for character.
   */
  readonly flexibleSpace: boolean;
}

/**
 * Which owners (brands) have a name in a text: all names of all owners in one automaton,
 * matched as whole words and case-insensitively exactly as `new RegExp(name, 'iu')`
 * compares them (see fold-case.ts), in one pass over the text.
 */
export class NameMatcher {
  private readonly automaton = new NameAutomaton();
  private readonly ownerOf: number[] = [];

  constructor(names: Iterable<{ name: string; owner: number }>, private readonly rules: NameRules) {
    for (const { name, owner } of names) {
      const symbols = prepare(rules.flexibleSpace ? name.trim() : name, rules.flexibleSpace).folded;
      // the config refuses blank names; one that got here anyway names nothing
      if (symbols.length === 0) continue;
      this.automaton.add(symbols);
      this.ownerOf.push(owner);
    }
    this.automaton.build();
  }

  /** The owners named in `text`, ascending. */
  owners(text: string): number[] {
    const { folded, original } = prepare(text, this.rules.flexibleSpace);
    const word = this.rules.word;
    const n = folded.length;
    const found = new Set<number>();
    this.automaton.search(folded, (id, end) => {
      const owner = this.ownerOf[id]!;
      if (found.has(owner)) return;
      const start = end - this.automaton.lengthOf(id);
      if ((start === 0 || !word.has(original[start - 1]!)) && (end === n || !word.has(original[end]!))) found.add(owner);
    });
    return [...found].sort((a, b) => a - b);
  }

  /** True when any name occurs in `text`. */
  matches(text: string): boolean {
    return this.owners(text).length > 0;
  }
}

/**
 * The text as code points (lone surrogates included, as the `u` flag reads them), folded
 * and as written; with flexible space, every whitespace run becomes one space in both.
 */
function prepare(text: string, flexibleSpace: boolean): { folded: number[]; original: number[] } {
  const folded: number[] = [];
  const original: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (flexibleSpace && isRegexSpace(cp)) {
      if (!inSpace) {
        folded.push(0x20);
        original.push(0x20);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    folded.push(foldCodePoint(cp));
    original.push(cp);
  }
  return { folded, original };
}

/** The characters of a regex's `\s` (and of `String.prototype.trim`). */
export function isRegexSpace(cp: number): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a)
    || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}
