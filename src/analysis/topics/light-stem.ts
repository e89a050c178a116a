// Light stemmers for the languages whose topics earshot reads (es, fr, pt, it, de): a word's
// key for counting, so that "envío", "envíos", "enviar" and "enviado" meet ("envi"), and
// "redémarre", "redémarrer" and "redémarrage" too ("redemarr"). In the manner of Savoy's
// light stemmers (plural, gender and the commonest verb endings; no derivation chains
// as Snowball has), because a topic key only has to gather one word's forms, and an
// over-eager stemmer joins unrelated words ("pedido" and "pedir" meet here; that is the
// price). Accents are folded (people type "envio" as often as "envío"), except Spanish ñ.
// Keys are never shown: a label shows the form written most (term_forms).

/** Languages with a stemmer here. */
export type StemLanguage = 'es' | 'fr' | 'pt' | 'it' | 'de';

// The shortest stem a suffix may leave: shorter words keep their ending ("vida", "mise").
const MIN_STEM = 3;

// Endings longest first within each list; the first that fits is removed, once.
const VERB_AND_DERIVED: Record<StemLanguage, readonly string[]> = {
  es: ['amientos', 'imientos', 'aciones', 'amiento', 'imiento', 'aremos', 'ieron', 'iendo', 'acion', 'aron', 'ando', 'aban', 'aria', 'ados',
    'adas', 'idos', 'idas', 'ado', 'ada', 'ido', 'ida', 'aba', 'ara', 'era', 'ira', 'ar', 'er', 'ir', 'an', 'en'],
  pt: ['amentos', 'imentos', 'amento', 'imento', 'aram', 'eram', 'iram', 'ando', 'endo', 'indo', 'ados', 'adas', 'idos', 'idas', 'ado', 'ada',
    'ido', 'ida', 'ava', 'ou', 'eu', 'iu', 'ar', 'er', 'ir', 'am', 'em'],
  it: ['amenti', 'imenti', 'amento', 'imento', 'azioni', 'azione', 'ando', 'endo', 'ato', 'ata', 'ati', 'ate', 'ito', 'ita', 'iti', 'ite',
    'uto', 'uta', 'are', 'ere', 'ire', 'ava', 'ano', 'ono'],
  // "ent/5": a verb's -ent only leaves five letters or more ("redémarrent", not "client", "moment")
  fr: ['issements', 'issement', 'ements', 'ations', 'ement', 'ation', 'aient', 'ages', 'ant', 'age', 'ait', 'ais', 'ees', 'ent/5', 'ee',
    'er', 'ez', 'es', 'e'],
  de: ['ungen', 'ung', 'em', 'en', 'er', 'es', 'e', 'n', 's'],
};

const FINAL_VOWELS: Record<StemLanguage, RegExp | null> = {
  es: /[aeo]$/,
  pt: /[aeo]$/,
  it: /[aeio]$/,
  fr: null,
  de: null,
};

const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase with accents folded (Spanish ñ kept: "año" is not "ano"). */
export function foldWord(word: string, lang: string): string {
  let lower = word.toLowerCase();
  // most words are plain ASCII: nothing to fold
  if (ASCII.test(lower)) return lower;
  if (lang === 'es') lower = lower.replaceAll('ñ', '\u0000');
  // ß is no accent but has to fold too, and œ/æ are typed both ways
  let folded = lower.normalize('NFD').replace(/\p{M}+/gu, '').replaceAll('ß', 'ss').replaceAll('œ', 'oe').replaceAll('æ', 'ae');
  if (lang === 'es') folded = folded.replaceAll('\u0000', 'ñ');
  return folded;
}

// "ent/5" → ["ent", 5], once
const ENDINGS: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = Object.fromEntries(Object.entries(VERB_AND_DERIVED)
  .map(([lang, list]) => [lang, list.map((e) => {
    const [ending = e, least] = e.split('/');
    return [ending, least === undefined ? MIN_STEM : Number(least)] as const;
  })]));

// Stems are asked for the same words again and again: memoised per language and word (a
// pure function, so clearing the memo when it is full changes nothing but time).
const MAX_MEMO = 50_000;
const memo = new Map<string, string>();

/** The stem of one word in `lang` (a folded, lowercase key); words of other languages come back folded only. */
export function lightStem(word: string, lang: string): string {
  const key = `${lang}:${word}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const stem = stemWord(word, lang);
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, stem);
  return stem;
}

function stemWord(word: string, lang: string): string {
  let w = foldWord(word, lang);
  const endings = ENDINGS[lang];
  if (endings === undefined || w.length <= MIN_STEM) return w;
  w = stripPlural(w, lang as StemLanguage);
  for (const [ending, least] of endings) {
    if (w.endsWith(ending) && w.length - ending.length >= least) {
      w = w.slice(0, -ending.length);
      break;
    }
  }
  const vowel = FINAL_VOWELS[lang as StemLanguage];
  if (vowel !== null && w.length > MIN_STEM && vowel.test(w)) w = w.slice(0, -1);
  return w;
}

function stripPlural(w: string, lang: StemLanguage): string {
  switch (lang) {
    case 'es':
      if (w.endsWith('ces') && w.length > 5) return `${w.slice(0, -3)}z`;
      if (/[^aeiou]es$/.test(w) && w.length > 5) return w.slice(0, -2);
      return w.endsWith('s') && w.length > 4 ? w.slice(0, -1) : w;
    case 'pt':
      if (/(oes|aes)$/.test(w)) return `${w.slice(0, -3)}ao`;
      if (w.endsWith('ns')) return `${w.slice(0, -2)}m`;
      return w.endsWith('s') && w.length > 4 ? w.slice(0, -1) : w;
    case 'fr':
      return /[sx]$/.test(w) && w.length > 4 ? w.slice(0, -1) : w;
    case 'it':
      // pacchi → pacco, alberghi → albergo, banche → banca: the hard c/g keeps its h only in the plural
      return /[cg]h[ie]$/.test(w) ? `${w.slice(0, -2)}${w.endsWith('i') ? 'o' : 'a'}` : w;
    case 'de':
      return w;
  }
}
