// Topics of a post in Spanish, French, Portuguese, Italian or German (issue 32). wink's
// POS tags and lemmas are English, so these posts are read with a plain Unicode split
// (language/tokens.ts), the language's stop words (language-stop-words.ts) and a light
// stemmer (light-stem.ts): every word that is not a stop word is a term, keyed by its stem
// and shown as written, lowercased ("envío", "envíos" and "enviar" share the key "envi";
// the label shows the form written most). Without POS tags, a phrase is two such words
// side by side ("envío urgente") or joined by the language's "of" ("mise à jour", "atención
// al cliente", "número de seguimiento"); words that are not content (a stop word, a number,
// punctuation, a link) break them.
import { createHash } from 'node:crypto';
import { splitWords } from '../language/tokens.js';
import { compileBrandTerms, markBrandUnits, type BrandMatcher } from './brand-terms.js';
import type { Term, TermOptions } from './extract-terms.js';
import { foldWord, lightStem } from './light-stem.js';
import { hasTopicLanguage, isLanguageStopWord, LANGUAGE_STOP_WORDS } from './language-stop-words.js';
import { hasLetter, joinKey, singulariseWord, splitCompound } from './normalise-word.js';

export { hasTopicLanguage };

/** The words that may join two content words into one phrase ("mise à jour"), folded. */
const LINKS: Readonly<Record<string, ReadonlySet<string>>> = {
  es: new Set(['de', 'del', 'al']),
  fr: new Set(['de', 'du', 'des', 'a', 'au', 'aux']),
  pt: new Set(['de', 'do', 'da', 'dos', 'das']),
  it: new Set(['di', 'del', 'della', 'dei', 'delle', 'da', 'dal', 'dalla']),
  de: new Set(),
};

const DEFAULT_MAX_TERMS = 12;
/** Raise when light-stem.ts or the phrase rules here change what a post's terms are. */
const RULES_REVISION = 2;
/** Phrases kept per post: without POS tags most pairs are noise, and words must not be crowded out. */
const MAX_PHRASES = 4;

/**
 * A hash of the stop lists, links and rules revision: part of the language models' version
 * (language/complaint.ts), so changed topic rules re-analyse stored posts in these languages.
 */
export const LANGUAGE_TOPICS_VERSION = createHash('sha256')
  .update(JSON.stringify({ stop: LANGUAGE_STOP_WORDS, links: Object.fromEntries(Object.entries(LINKS).map(([k, v]) => [k, [...v]])), RULES_REVISION, MAX_PHRASES }))
  .digest('hex').slice(0, 8);

interface Unit {
  key: string;
  surface: string;
  /** A stop word, elided article or too short: not a term, but a possible link. */
  noise: boolean;
  brand: boolean;
  folded: string;
}

/** Key terms of a post in `lang` (one of the languages with a stop list; see hasTopicLanguage). */
export function extractLanguageTerms(text: string, lang: string, opts: TermOptions = {}): Term[] {
  const brand = compileBrandTerms(opts.brandTerms);
  const { values, types } = splitWords(text.normalize('NFC'));
  const units: Array<Unit | null> = types.map((type, i) => (type === 'word' ? makeUnit(values[i] ?? '', lang, isName(values, types, i, lang)) : null));
  // brand names are matched as English does (brand-terms.ts): lowercase words, English plural rule
  markBrandUnits(units, brand, (u) => singulariseWord(u.surface.replace(/['’]$/, '')));
  const max = opts.maxTerms ?? DEFAULT_MAX_TERMS;
  const out: Term[] = [];
  const seen = new Set<string>();
  const add = (term: Term) => {
    if (out.length < max && !seen.has(term.key)) {
      seen.add(term.key);
      out.push(term);
    }
  };
  for (const phrase of readPhrases(units, LINKS[lang] ?? new Set()).slice(0, MAX_PHRASES)) add(phrase);
  for (let i = 0; i < types.length; i++) if (types[i] === 'hashtag') {
    const term = hashtagTerm(values[i] ?? '', lang, brand);
    if (term) add(term);
  }
  for (const unit of units) if (isContent(unit)) add({ key: unit.key, display: unit.surface, kind: 'word' });
  return out;
}

function makeUnit(value: string, lang: string, name: boolean): Unit {
  const surface = value.toLowerCase();
  const elided = /['’]$/.test(surface);
  const bare = elided ? surface.slice(0, -1) : surface;
  const folded = foldWord(bare, lang);
  // a name is keyed as English keys it, so "Galaxia" in a Spanish post and an English one meet
  const key = name ? singulariseWord(bare) : lightStem(bare, lang);
  const noise = elided || folded.length < 2 || isLanguageStopWord(lang, folded) || !hasLetter(key);
  return { key, surface, noise, brand: false, folded };
}

const SENTENCE_END = /^[.!?¡¿…]/;

/**
 * A capitalised word inside a sentence: a name (a product, a place) in es, fr, pt and it.
 * German capitalises every noun, so there a capital says nothing and every word is stemmed.
 */
function isName(values: readonly string[], types: readonly string[], i: number, lang: string): boolean {
  if (lang === 'de' || i === 0) return false;
  const first = values[i]?.[0] ?? '';
  if (first === first.toLowerCase()) return false;
  const before = types[i - 1] === 'punctuation' ? values[i - 1] ?? '' : '';
  return !SENTENCE_END.test(before);
}

function isContent(unit: Unit | null | undefined): unit is Unit {
  return unit != null && !unit.noise && !unit.brand && unit.key.length >= 2;
}

function readPhrases(units: ReadonlyArray<Unit | null>, links: ReadonlySet<string>): Term[] {
  const phrases: Term[] = [];
  for (let i = 0; i < units.length - 1; i++) {
    const a = units[i];
    if (!isContent(a)) continue;
    const b = units[i + 1];
    if (isContent(b)) {
      phrases.push({ key: a.key + b.key, display: `${a.surface} ${b.surface}`, kind: 'phrase' });
      continue;
    }
    const link = units[i + 1];
    const c = units[i + 2];
    if (link != null && !link.brand && links.has(link.folded) && isContent(c)) {
      phrases.push({ key: a.key + link.folded + c.key, display: `${a.surface} ${link.surface} ${c.surface}`, kind: 'phrase' });
    }
  }
  return phrases;
}

/** "#DíasLocos" → "días locos", keyed as in English posts; the brand's own tags and stop-word tags are skipped. */
function hashtagTerm(tag: string, lang: string, brand: BrandMatcher): Term | null {
  const parts = splitCompound(tag.startsWith('#') ? tag.slice(1) : tag).filter(hasLetter).map((p) => p.toLowerCase());
  if (parts.length === 0) return null;
  const english = joinKey(parts.map(singulariseWord));
  if (brand.joinedKeys.has(english) || brand.sequences.has(english)) return null;
  if (parts.length === 1 && isLanguageStopWord(lang, foldWord(parts[0]!, lang))) return null;
  // keyed as English keys it: a hashtag is a name shared across languages (#PlasticFree, #Fibre2000)
  return english.length < 2 ? null : { key: english, display: parts.join(' '), kind: 'hashtag' };
}
