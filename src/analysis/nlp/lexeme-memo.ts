import type { ItsFunction } from 'wink-nlp';
import { its, sharedStopWords } from './instances.js';
import type { TokenColumns } from './token-columns.js';

// Fetching one property of one token from wink (`itemAt(i).out(…)`) costs far more than
// a map lookup, so noun lemmas are memoised, by the string that decides them, so that the
// memo is a pure function and results never depend on what was read before (or on when
// the bounded memo was last cleared): a noun's lemma comes from the token's own lexeme,
// whose case matters ("UPS" stays "UPS", "ups" becomes "up"; "Trading" and "trading"
// differ too), so it is keyed by the token's value; a contraction's parts take their
// lemma from the contraction and are not memoised at all. Stop-word flags need no memo:
// wink's flag is that of the token's normal form, one of a fixed set of the model's words.
const MAX_ENTRIES = 50_000;
const nounLemmaMemo = new Map<string, string>();
let stopWords: ReadonlySet<string> | undefined;

// wink's typings give its.lemma an extra `addons` parameter that `out` supplies.
const LEMMA = its.lemma as unknown as ItsFunction<string>;

/** wink's stop-word flag for the token at `index` (its.stopWordFlag, nlp/stop-words.ts). */
export function readStopFlag(table: TokenColumns, index: number): boolean {
  return (stopWords ??= sharedStopWords()).has(table.normals[index] ?? '');
}

/** wink's lemma for a token tagged NOUN ("bags" → "bag", "children" → "child"). */
export function readNounLemma(table: TokenColumns, index: number): string {
  if (table.contractions[index]) return String(table.tokens.itemAt(index).out(LEMMA));
  const value = table.values[index] ?? '';
  const known = nounLemmaMemo.get(value);
  if (known !== undefined) return known;
  const lemma = String(table.tokens.itemAt(index).out(LEMMA));
  remember(nounLemmaMemo, value, lemma);
  return lemma;
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, value);
}
