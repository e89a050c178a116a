import type { ItsFunction, Tokens } from 'wink-nlp';
import { its } from '../nlp.js';

// Reading a whole wink column (`tokens.out(its.x)`) costs ~3 µs per tweet, most of
// the extractor's budget. Stop-word flags and noun lemmas are properties of the
// lexeme, so they are memoised by normal form and fetched from wink only on a
// miss. The memo is bounded and cleared when full, so memory stays flat on long
// imports; results never depend on what was seen before.
const MAX_ENTRIES = 50_000;
const stopMemo = new Map<string, boolean>();
const nounLemmaMemo = new Map<string, string>();

// wink's typings give its.lemma an extra `addons` parameter that `out` supplies.
const LEMMA = its.lemma as unknown as ItsFunction<string>;

/** wink's stop-word flag for the token at `index` (whose normal form is `normal`). */
export function readStopFlag(tokens: Tokens, index: number, normal: string): boolean {
  const known = stopMemo.get(normal);
  if (known !== undefined) return known;
  const flag = tokens.itemAt(index).out(its.stopWordFlag) === true;
  remember(stopMemo, normal, flag);
  return flag;
}

/** wink's lemma for a token tagged NOUN ("bags" → "bag", "children" → "child"). */
export function readNounLemma(tokens: Tokens, index: number, normal: string): string {
  const known = nounLemmaMemo.get(normal);
  if (known !== undefined) return known;
  const lemma = String(tokens.itemAt(index).out(LEMMA));
  remember(nounLemmaMemo, normal, lemma);
  return lemma;
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, value);
}
