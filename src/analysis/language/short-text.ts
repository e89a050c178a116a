// Short posts (2–5 words) that detection would leave `und` (issue 32 #4): too few long
// words for the detector's own gate, or a detector result it calls unreliable. Two cheap
// readings decide instead, when they can:
// 1. function words: each word that is a stop word of English or of a language whose topics
//    earshot reads (topics/language-stop-words.ts) votes for it, split between the languages
//    that share it ("de" counts a third each to es, fr, pt); one language must lead, and the
//    detector must give it some score;
// 2. when no English function word is in it, the detector's best language, when it is one
//    earshot scores and leads the next by 5 %.
// Otherwise the post stays `und` (read as English). Chosen on 2–5-word windows of UMSAB
// TRAIN tweets (src/tools/short-posts.ts); measured on the validation windows (bench:lang).
import { foldWord } from '../topics/light-stem.js';
import { isLanguageStopWord, LANGUAGE_STOP_WORDS } from '../topics/language-stop-words.js';

// English function words for the vote (a wider list than detect.ts's shortcut needs): without
// "i", "on", "so", "in", Italian's "i" and French's "on" would out-vote English.
const ENGLISH = new Set(("the and you your my this that with for is are was were have has had not just what it's i'm don't can't " +
  'of to be but so they we our at if will would do does did been about from get got when how why who there their them he she his ' +
  'her me im dont cant its an i a on in it as or by up out no yes all one like love want wanna saw see go going gone know think need ' +
  'make made new good great day time now today tonight lol omg u ur those these isn\'t am being can could should only also too very ' +
  'really more most much many some any every which whom whose where then than because while after before over under again still ' +
  "even never always ever yet off down into through mine yours hers ours theirs him us i've i'll you're won't didn't doesn't wasn't " +
  // English words that other languages' lists hold too: month names, and German's "die", "man", "war", "hat"
  'january february march april may june july august september october november december die man war hat').split(' '));
const VOTING = ['en', ...Object.keys(LANGUAGE_STOP_WORDS)];
/** Languages with a model: a detector's best guess among them may settle a short post. */
const SCORED = new Set(['en', 'fr', 'de', 'es', 'pt', 'it', 'ar']);
/** The detector's best language must lead the next by this ratio. */
const LEAD = 1.05;
const WORD = /[\p{L}'’]+/gu;
/** Raise when these rules change: part of the language models' version, so stored untagged posts re-detect. */
export const SHORT_TEXT_RULES = 1;

/** The language of a short post by its function words, then the detector's lead; null when neither settles it. */
export function guessShortText(prose: string, scores: Readonly<Record<string, number>>): string | null {
  const votes = new Map<string, number>();
  let words = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(prose); m !== null; m = WORD.exec(prose)) {
    words++;
    const word = m[0].toLowerCase().replaceAll('’', "'");
    // one letter says little ("a", "e", "y" are in four lists) and abbreviations are made of them ("p.m.", "i.e.")
    if (word.length < 2) continue;
    const langs = VOTING.filter((lang) => (lang === 'en' ? ENGLISH.has(word) : isLanguageStopWord(lang, foldWord(word, lang))));
    for (const lang of langs) votes.set(lang, (votes.get(lang) ?? 0) + 1 / langs.length);
  }
  if (words < 2) return null;
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (first && (!second || first[1] > second[1]) && (scores[first[0]] ?? 0) > 0) return first[0];
  // an English function word keeps a post undecided (read as English): "on September 3rd", "am so alive"
  if (votes.has('en')) return null;
  const [best, next] = Object.entries(scores).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (best && SCORED.has(best[0]) && best[1] > 0 && (!next || best[1] >= LEAD * next[1])) return best[0];
  return null;
}
