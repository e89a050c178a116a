// Intent cues: where a post asks or proposes, word order says more than the words. "how do
// i…" and "can you…" open questions; "add…", "bring back…", "please make…" open requests;
// "should", "would be nice", "wish it had" propose. The hashed words (shared with sentiment)
// see the words anywhere; these features add their place: the first words of each sentence
// (after a greeting or a handle), a question mark ending the post, a modal asking "you".
import { cueWord } from '../cue-words.js';
import { SEED, combineHashes, hashString } from '../sentiment/hash.js';

const INTENT_SEED = hashString('intent', SEED.cue);
const cue = (name: string): number => combineHashes(INTENT_SEED, hashString(name));

/** Words that open a question when they open a sentence. */
const ASKERS = new Set(`how what when where why who whom whose which is are am was were can could would will shall should do does did
  have has had any anyone anybody someone somebody whats what's hows how's wheres where's whens when's whys why's isn't aren't don't
  doesn't didn't won't can't couldn't wouldn't shouldn't`.split(/\s+/));
/** Verbs that open a request or a proposal when they open a sentence. */
const PROPOSERS = new Set(`add bring make sell offer allow let give include introduce consider stock support implement enable put provide
  create build release launch change fix improve update keep stop start restock open extend reduce lower drop remove`.split(/\s+/));
/** Openers skipped before the first word: greetings and politeness. */
const OPENERS = new Set(['hi', 'hey', 'hello', 'yo', 'dear', 'pls', 'plz', 'please', 'so', 'ok', 'okay', 'um', 'quick', 'question', 'also', 'and', 'but']);
/** Words that propose anywhere in a post. */
const PROPOSALS = new Set(['should', 'shouldve', "should've", 'wish', 'suggest', 'suggestion', 'feature', 'request', 'idea', 'option', 'ability',
  'ought', 'recommend', 'consider', 'plz', 'please', 'pls', 'needs', 'need']);
const YOU = new Set(['you', 'u', 'ya', 'yall', "y'all", 'anyone', 'anybody', 'someone', 'somebody']);
const MODALS = new Set(['can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are']);
const BREAKS = new Set(['.', '!', '?', ';', ':', '\n']);

const FIRST_ASK = cue('first-ask');
const FIRST_PROPOSE = cue('first-propose');
const PLEASE_VERB = cue('please-verb');
const ENDS_QUESTION = cue('ends-question');
const HAS_QUESTION = cue('has-question');
const MODAL_YOU = cue('modal-you');
const PROPOSAL_WORD = cue('proposal-word');
const WOULD_BE = cue('would-be');
const HOW_ABOUT = cue('how-about');
const WISH_IT = cue('wish-it');
const BRING_BACK = cue('bring-back');

const FIRST_SEED = hashString('intent-first', SEED.cue);
const PAIR_SEED = hashString('intent-first2', SEED.cue);


/**
 * Appends intent cue features for a token list (feature ids masked to the model's buckets).
 * Cheap: one pass, no allocation but the memoised hashes.
 */
export function appendIntentCueFeatures(
  values: readonly string[], types: readonly string[], mask: number, out: number[], words?: readonly string[],
): void {
  let atStart = true;
  let first = '';
  let firstHash = 0;
  let lastMark = '';
  let previous = '';
  let sawQuestion = false;
  for (let i = 0; i < values.length; i++) {
    const type = types[i];
    const value = values[i] ?? '';
    if (type === 'punctuation') {
      if (BREAKS.has(value)) { atStart = true; first = ''; }
      if (value === '?') sawQuestion = true;
      lastMark = value;
      continue;
    }
    if (type === 'mention' || type === 'url' || type === 'emoji' || type === 'emoticon' || type === 'hashtag') continue;
    lastMark = '';
    const word = words?.[i] ?? cueWord(value);
    if (atStart) {
      if (OPENERS.has(word) && first === '') {
        if (word === 'please' || word === 'pls' || word === 'plz') first = 'please';
        previous = word;
        continue;
      }
      if (first === '' || first === 'please') {
        if (first === 'please' && PROPOSERS.has(word)) out.push(PLEASE_VERB & mask);
        firstHash = hashString(word);
        out.push(combineHashes(FIRST_SEED, firstHash) & mask);
        if (ASKERS.has(word)) out.push(FIRST_ASK & mask);
        if (PROPOSERS.has(word)) out.push(FIRST_PROPOSE & mask);
        first = word;
      } else {
        out.push(combineHashes(PAIR_SEED, combineHashes(firstHash, hashString(word))) & mask);
        atStart = false;
      }
    }
    if (YOU.has(word) && MODALS.has(previous)) out.push(MODAL_YOU & mask);
    if (PROPOSALS.has(word)) out.push(PROPOSAL_WORD & mask);
    if (previous === 'would' && (word === 'be' || word === 'love' || word === 'like')) out.push(WOULD_BE & mask);
    if ((previous === 'how' || previous === 'what') && word === 'about') out.push(HOW_ABOUT & mask);
    if (previous === 'wish' && (word === 'it' || word === 'they' || word === 'you' || word === 'there' || word === 'this')) out.push(WISH_IT & mask);
    if (previous === 'bring' && word === 'back') out.push(BRING_BACK & mask);
    previous = word;
  }
  if (sawQuestion) out.push(HAS_QUESTION & mask);
  if (lastMark === '?') out.push(ENDS_QUESTION & mask);
}
