// Complaint cues: word classes that mark a breach of expectations (Preoţiuc-Pietro et
// al., ACL 2019) whatever the product. The bag of words learns single words from the
// training domains; a cue class carries what it learned to words of the same class in
// domains it never saw ("cracked" for a lid, "declined" for a card, "logs me out").
import { SEED, combineHashes, hashString } from '../sentiment/hash.js';
import { cueWords } from '../cue-words.js';

const CLASSES = {
  /** Something broke, failed or is missing. */
  failure: `broke broken break breaks breaking cracked crack cracks leak leaks leaking leaked damaged damage faulty defective
    stopped stop stops fail failed fails failing failure error errors crash crashed crashes crashing stuck dead died dies
    missing lost wrong issue issues problem problems bug bugs glitch glitches declined blocked frozen freeze freezes froze
    delayed delay delays late cancelled canceled overcharged charged debited deducted unable disconnect disconnects
    disconnected fell peeling peeled rust rusted rusty mold mould moldy stale expired smell smells smelly torn ripped
    scratched shattered dented spoiled spoilt rotten burnt burned melted melt melts loose wobbly jammed overheating
    overheats overheat drains drained drain outage down offline unusable unresponsive lag lagging laggy logs locked
    duplicate refused rejected failed bounced hacked fraud scam stolen dirty hair insect bug worm undercooked raw cold
    soggy inedible sick ill poisoning allergic rash tear tears tore hole holes shrunk faded fading soapy aftertaste metallic
    chemical gritty lumpy lumps mushy slimy sour off-taste`,
  /** Asking for, or waiting on, the company to put it right. */
  service: `refund refunds refunded return returned returning replacement replace replaced compensation complaint complaints
    complain complained support helpline customer care service response respond responded responding reply replied
    replies answer answers answered answering waiting wait waited hold ticket escalate resolve resolved resolution fix
    fixed fixing sort sorted help dm emailed email called calling call chat agent manager contact contacted`,
  /** It keeps happening, or has gone on for long. */
  persistence: `still again yet since already anymore every always twice third repeatedly constantly keeps kept continue
    continues another`,
  /** How long it has been, or when it started. */
  time: `day days week weeks month months hour hours minutes mins ago yesterday today tonight morning weekend after first
    second update updated upgrade`,
  /** What was paid for or promised. */
  expectation: `supposed should promised expected expecting paid pay ordered order orders bought buy purchased purchase
    received receive delivered delivery deliver arrived arrive booked booking subscription account warranty guarantee`,
  /** The verdict of someone let down. */
  verdict: `disappointed disappointing terrible worst awful useless unacceptable ridiculous pathetic joke shocking poor
    rubbish horrible appalling disgusting disgusted annoyed annoying frustrated frustrating fed sucks shame`,
} as const;

type CueClass = keyof typeof CLASSES;

const WORD_CLASS = new Map<string, CueClass>();
for (const [name, words] of Object.entries(CLASSES) as Array<[CueClass, string]>) {
  for (const word of words.split(/\s+/)) if (word && !WORD_CLASS.has(word)) WORD_CLASS.set(word, name);
}

const CUE_HASH = Object.fromEntries(
  (Object.keys(CLASSES) as CueClass[]).flatMap((name) => [
    [name, hashString(`cue:${name}`, SEED.cue)],
    [`neg:${name}`, hashString(`cue:neg:${name}`, SEED.cue)],
  ]),
) as Record<string, number>;
const NEGATED_VERB = hashString('cue:negated-verb', SEED.cue);
const NUMBER_TIME = hashString('cue:number+time', SEED.cue);
/** "tastes of metal", "smells like burning": a sense reported as something it should not be. */
const SENSE_OF = hashString('cue:sense-of', SEED.cue);
const SENSES = new Set(['taste', 'tastes', 'tasted', 'tasting', 'smell', 'smells', 'smelled', 'smelt', 'smelling']);
const CUE_PAIR_SEED = hashString('cue-pair', SEED.cue);

const NEGATORS = new Set(["n't", 'not', 'no', 'never', 'cannot', 'nobody', 'nothing', 'none', 'dont', 'cant', 'wont', 'doesnt',
  'didnt', 'isnt', 'wasnt', 'arent', 'havent', 'hasnt', 'couldnt', 'wouldnt', 'aint']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'several',
  'couple', 'many', 'first', 'second', 'third']);
const TIME_WORDS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'hour', 'hours', 'minutes', 'mins', 'times', 'time']);
const NUMERIC = new Set(['number', 'ordinal', 'time', 'date']);

/** Praise that sarcasm borrows ("love how…", "great job", "10/10 would recommend"). */
const PRAISE = new Set(['love', 'loving', 'loved', 'loves', 'lovely', 'great', 'fantastic', 'brilliant', 'amazing', 'awesome',
  'perfect', 'wonderful', 'excellent', 'superb', 'genius', 'nice', 'thanks', 'thank', 'best', 'recommend', 'impressive',
  'stellar', 'outstanding', 'fabulous', 'incredible', 'bravo', 'congrats', 'congratulations', 'gotta', 'yay', 'wow', 'cool',
  'happy', 'glad', 'impressed', 'cheers', 'treat', 'thrilled', 'delighted', 'pleased', 'classy', 'smooth', 'stunning', 'magic']);
const CONTRAST = hashString('cue:praise-contrast', SEED.cue);

/**
 * Praise and a negative situation in one post: a praise word and, anywhere in the post,
 * something failing or missing, a negated verb, or the same thing again ("love how it
 * broke on day two", "great job, third time the app logged me out"). Sarcasm is this
 * contrast (Riloff et al., EMNLP 2013, "Sarcasm as contrast between a positive
 * sentiment and negative situation").
 */
export function hasPraiseContrast(values: readonly string[], types: readonly string[], words: readonly string[] = cueWords(values)): boolean {
  let praise = false;
  let situation = false;
  let sinceNegator = 99;
  for (let i = 0; i < values.length; i++) {
    if (types[i] === 'punctuation') {
      sinceNegator = 99;
      continue;
    }
    const word = words[i] ?? '';
    if (NEGATORS.has(word)) {
      // "not great" is not praise
      sinceNegator = 0;
      continue;
    }
    sinceNegator++;
    if (PRAISE.has(word) && sinceNegator > 2) praise = true;
    else if (types[i] === 'word' && sinceNegator <= 2 && !PRAISE.has(word)) situation = true;
    const cls = WORD_CLASS.get(word);
    if (cls === 'failure' || cls === 'persistence' || cls === 'service') situation = true;
    if (praise && situation) return true;
  }
  return false;
}

/** A praise word not negated just before it ("love", "great job"; not "not great"). */
export function hasPraiseWord(values: readonly string[], types: readonly string[], words: readonly string[] = cueWords(values)): boolean {
  let sinceNegator = 99;
  for (let i = 0; i < values.length; i++) {
    if (types[i] === 'punctuation') { sinceNegator = 99; continue; }
    const word = words[i] ?? '';
    if (NEGATORS.has(word)) { sinceNegator = 0; continue; }
    if (++sinceNegator > 2 && PRAISE.has(word)) return true;
  }
  return false;
}

/** Whether a cue word is praise that sarcasm borrows ("love", "great", "thanks", "recommend"). */
export function isPraiseWord(word: string): boolean {
  return PRAISE.has(word);
}

/** Word → its cue class, for tests and the README. */
export function cueClassOf(word: string): CueClass | undefined {
  return WORD_CLASS.get(word.toLowerCase());
}


/**
 * Appends cue features for the token list to `out`: one per cue word (its class), its
 * class again when a negator stands just before it ("no reply", "not fixed"), a negated
 * verb ("won't charge", "doesn't work"), a count of time ("after two days", "5 hours"),
 * a sense reported as something else ("tastes of metal", "smells like burning"),
 * and the pair of classes of each two cue words in a row of the text. `praiseContrast`, when
 * given, is hasPraiseContrast of these tokens, already computed (the analyser's one pass);
 * `words`, their cue words (cue-words.ts), read once for every head when given.
 */
export function appendCueFeatures(
  values: readonly string[], types: readonly string[], mask: number, out: number[], contrast = false, praiseContrast?: boolean,
  words: readonly string[] = cueWords(values),
): void {
  if (contrast && (praiseContrast ?? hasPraiseContrast(values, types, words))) out.push(CONTRAST & mask);
  let sinceNegator = 99;
  let sinceNumber = 99;
  let previousClass: CueClass | undefined;
  for (let i = 0; i < values.length; i++) {
    const type = types[i] ?? 'word';
    if (type === 'punctuation') {
      sinceNegator = 99;
      continue;
    }
    const word = words[i] ?? '';
    if (NEGATORS.has(word)) {
      sinceNegator = 0;
      continue;
    }
    sinceNegator++;
    if (NUMERIC.has(type) || NUMBER_WORDS.has(word)) sinceNumber = 0;
    else sinceNumber++;
    if (TIME_WORDS.has(word) && sinceNumber <= 2) out.push(NUMBER_TIME & mask);
    if ((word === 'of' || word === 'like') && SENSES.has((values[i - 1] ?? '').toLowerCase())) out.push(SENSE_OF & mask);
    const cls = WORD_CLASS.get(word);
    if (sinceNegator <= 2 && type === 'word') {
      out.push(NEGATED_VERB & mask);
      if (cls) out.push(CUE_HASH[`neg:${cls}`]! & mask);
    }
    if (!cls) continue;
    out.push(CUE_HASH[cls]! & mask);
    if (previousClass) out.push(combineHashes(CUE_PAIR_SEED, combineHashes(CUE_HASH[previousClass]!, CUE_HASH[cls]!)) & mask);
    previousClass = cls;
  }
}
