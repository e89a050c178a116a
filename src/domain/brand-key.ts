/**
 * The brand key: how both store backends tell brand names apart and order them. Two
 * names are one brand exactly when their keys are equal ("Öko Tee", "öko tee", "ÖKO TEE",
 * "Straße" and "STRASSE"); brands are listed in the keys' code point order. Computed here
 * once and stored beside the name (migration 21), so neither SQLite's NOCASE (ASCII only)
 * nor PostgreSQL's lower() (the database's locale) decides it.
 *
 * NFKC, then full Unicode case folding (CaseFolding.txt, statuses C and F), then NFKC again
 * (Unicode's NFKC_Casefold without its removal of default-ignorable characters). JavaScript
 * has no case folding of its own: a code point's lowercase of its uppercase is its full
 * folding but for the exceptions below (checked, when written, against Python 3.11's
 * str.casefold() for every code point of Unicode 14: no difference; the cases that need
 * care are in test/domain/brand-key.test.ts). Stored keys depend on the Unicode
 * version of the Node that wrote them: a Node upgrade is on the upgrade checklist
 * (docs/architecture.md).
 */
export function brandKey(name: string): string {
  let folded = '';
  for (const char of name.normalize('NFKC')) folded += foldChar(char);
  return folded.normalize('NFKC');
}

/** Case folding keeps these, where the lowercase of the uppercase would change them (Turkic dotless i). */
const KEPT = new Set(['\u0131']);
const memo = new Map<string, string>();

function foldChar(char: string): string {
  if (char < '\u0080') return char >= 'A' && char <= 'Z' ? String.fromCharCode(char.charCodeAt(0) + 32) : char;
  let folded = memo.get(char);
  if (folded === undefined) {
    folded = KEPT.has(char) ? char : cherokee(char) ?? lowerOfUpper(char);
    memo.set(char, folded);
  }
  return folded;
}

/** Case folding maps Cherokee small letters to the capitals (the reverse of other scripts). */
function cherokee(char: string): string | null {
  const cp = char.codePointAt(0)!;
  if ((cp >= 0x13a0 && cp <= 0x13f5) || (cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) return char.toUpperCase();
  return null;
}

/** Applied until nothing changes: ẞ lowercases to ß, whose folding is "ss". */
function lowerOfUpper(char: string): string {
  let text = char;
  for (;;) {
    const next = text.toUpperCase().toLowerCase();
    if (next === text) return text;
    text = next;
  }
}

/**
 * Keys in code point order, the order both backends give them (SQLite's BINARY and
 * PostgreSQL's COLLATE "C" compare UTF-8 bytes); `<` on strings compares UTF-16 units,
 * which puts U+10000 and above before U+E000–U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Brand names in the order of their keys. */
export function compareBrandNames(a: string, b: string): number {
  return compareKeys(brandKey(a), brandKey(b));
}
