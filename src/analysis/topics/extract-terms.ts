import { nlp, type NlpDocument as Document } from '../nlp.js';
import { compileBrandTerms, markBrandUnits, type BrandMatcher } from './brand-terms.js';
import { readHashtagTerms } from './hashtag-terms.js';
import { EXTRA_STOP_WORDS } from './stop-words.js';
import { readPhraseTerms, readWordTerms } from './run-terms.js';
import { readTokenColumns, type TokenColumns } from '../nlp.js';
import { buildUnits, type Unit } from './token-units.js';

export type TermKind = 'phrase' | 'word' | 'hashtag' | 'entity';

/**
 * A key term of one mention.
 * - `key` is what counting and emergence detection group by: lowercase, each word
 *   lemmatised/singularised, then spaces, hyphens and apostrophes removed, so
 *   "tea bags", "teabag", "teabags", "#TeaBags" and "Tea-Bags" all give "teabag".
 *   Splitting a joined "teabag" back into words would need a vocabulary of seen
 *   compounds; removing the spaces instead makes every spelling collide cheaply.
 * - `display` is this occurrence as its author wrote it, lowercased ("tea bags",
 *   "teabags", "earl grey", "christmas"): never a stem or a respelling (issue 27 #6).
 *   The store shows, per key, the form written most often (term_forms).
 */
export interface Term {
  readonly key: string;
  readonly display: string;
  readonly kind: TermKind;
}

export interface TermOptions {
  /** Brand names, handles and aliases to drop, e.g. ['Clipper Teas', '@ClipperTeas']. */
  readonly brandTerms?: readonly string[];
  /** Most terms kept per mention (default 12). */
  readonly maxTerms?: number;
}

const DEFAULT_MAX_TERMS = 12;

/**
 * Key terms of an already-read doc, or of its token columns (the pipeline reads each
 * mention once and shares the columns with sentiment). Multi-word phrases and entities
 * come first, then hashtags, then single content words; duplicates by key are dropped.
 */
export function extractTerms(source: Document | TokenColumns, opts: TermOptions = {}): Term[] {
  const brand = compileBrandTerms(opts.brandTerms);
  const table = 'values' in source ? source : readTokenColumns(source);
  const units = buildUnits(table, isExtraStopWord);
  markBrandUnits(units, brand, (u) => u.key);
  const max = opts.maxTerms ?? DEFAULT_MAX_TERMS;
  const out: Term[] = [];
  const seen = new Set<string>();
  appendUnique(out, seen, readPhraseTerms(units), max);
  appendUnique(out, seen, readHashtagTerms(table, brand, isExtraStopWord), max);
  appendUnique(out, seen, readWordTerms(units), max);
  return out;
}

/** Convenience for callers without a doc (tests, one-off use). */
export function extractTermsFromText(text: string, opts: TermOptions = {}): Term[] {
  return extractTerms(nlp.readDoc(text), opts);
}

function isExtraStopWord(word: string): boolean {
  return EXTRA_STOP_WORDS.has(word);
}

function appendUnique(out: Term[], seen: Set<string>, terms: readonly Term[], max: number): void {
  for (const term of terms) {
    if (out.length >= max) return;
    if (seen.has(term.key)) continue;
    seen.add(term.key);
    out.push(term);
  }
}
