import { hasLetter } from './normalise-word.js';
import type { Term, TermKind } from './extract-terms.js';
import type { Unit } from './token-units.js';

// Nouns and proper nouns are the product-like heads; adjectives matter too
// because an issue is often an adjective ("plastic", "mouldy", "soggy").
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const MAX_PHRASE_UNITS = 4;

function isContent(unit: Unit | null | undefined): unit is Unit {
  return (
    unit != null && !unit.noise && !unit.brand && CONTENT_POS.has(unit.pos) &&
    unit.key.length >= 2 && hasLetter(unit.key)
  );
}

/**
 * Noun phrases: maximal runs of ADJ/NOUN/PROPN units ending in a noun, i.e. the
 * `[ADJ|NOUN|PROPN]* [NOUN|PROPN]` pattern walked directly over POS tags (no
 * custom-entity learning, which would mutate the shared wink instance). Long runs
 * also yield their two-word head so "plastic tea bags" still counts as "tea bag".
 */
export function readPhraseTerms(units: ReadonlyArray<Unit | null>): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < units.length) {
    if (!isContent(units[i])) {
      i++;
      continue;
    }
    let end = i;
    while (isContent(units[end + 1])) end++;
    emitRun(units, i, end, terms);
    i = end + 1;
  }
  return terms;
}

function emitRun(units: ReadonlyArray<Unit | null>, start: number, end: number, terms: Term[]): void {
  // A phrase ends in its head noun: "organic green tea" yes, "tea bags soggy" no.
  while (end >= start && units[end]?.pos === 'ADJ') end--;
  if (end < start) return;
  const from = Math.max(start, end - MAX_PHRASE_UNITS + 1);
  const whole = makeRunTerm(units, from, end);
  if (whole.display.indexOf(' ') >= 0) terms.push(whole);
  if (end - from >= 2) terms.push(makeRunTerm(units, end - 1, end));
}

function makeRunTerm(units: ReadonlyArray<Unit | null>, from: number, to: number): Term {
  let key = '';
  let display = '';
  let allProper = true;
  for (let i = from; i <= to; i++) {
    const unit = units[i] as Unit;
    key += unit.key;
    display += (display === '' ? '' : ' ') + unit.surface.join(' ');
    if (unit.pos !== 'PROPN') allProper = false;
  }
  return { key, display, kind: allProper ? 'entity' : 'phrase' };
}

/** Every content unit on its own: the single-word terms emergence detection counts. */
export function readWordTerms(units: ReadonlyArray<Unit | null>): Term[] {
  const terms: Term[] = [];
  for (const unit of units) {
    if (!isContent(unit)) continue;
    terms.push({ key: unit.key, display: unit.surface.join(' '), kind: kindOfUnit(unit) });
  }
  return terms;
}

function kindOfUnit(unit: Unit): TermKind {
  if (unit.words.length > 1) return 'phrase';
  return unit.pos === 'PROPN' ? 'entity' : 'word';
}
