// Safety cues: word classes that mark harm, or the risk of it, whatever the product. The
// word features learn single words from the training reports; a class carries what it
// learned to other words of the class, and pairs of classes in one post ("my son" +
// "burned", "found" + "glass") say more than either word. The word vectors
// (vectors/concepts.ts) reach the words no list holds.
import { SEED, combineHashes, hashString } from '../sentiment/hash.js';
import { cueWords } from '../cue-words.js';

const CLASSES = {
  /** Harm by heat, fire or electricity. */
  heat: `burn burns burned burnt burning scald scalded scalding blister blistered blisters fire fires flames flame smoke
    smoking smoked smouldering smoldering melted melting scorched singed overheated overheating overheat explode exploded
    exploding explosion sparks spark sparked sparking shock shocked shocks electrocuted zapped zap jolt jolted tingle
    tingles tingling hissing swelled bulged bulging blaze charred scorch`,
  /** A wound, a fall or a broken body part. */
  wound: `cut cuts sliced gash bleeding bled blood bloody stitches injured injury injuries hurt hurts wound bruise bruised
    bruises fractured fracture concussion sprained pinched trapped crushed fell tipped collapsed dislocated limping
    gashed stabbed lacerated whiplash`,
  /** Choking or swallowing. */
  choke: `choke choked choking swallowed swallow ingested suffocate suffocated suffocation strangled gagging gagged`,
  /** Illness after eating, drinking or using something. */
  illness: `sick vomit vomited vomiting puke puked puking threw nausea nauseous diarrhea diarrhoea poisoning poisoned
    fever cramps ill unwell seizure seizures dizzy faint fainted headache nausea dizziness cramping dehydration
    dehydrated woozy disoriented chills palpitations salmonella listeria norovirus e.coli botulism`,
  /** An allergic or skin reaction. */
  allergy: `allergic allergy allergies anaphylaxis epipen rash rashes hives itchy itching itch swelling swollen eczema
    irritation reaction reacted breakout dermatitis inflammation inflamed welts
    blotchy tingly`,
  /** Something in food that should not be there. */
  foreign: `glass shard shards splinter splinters metal staple staples screw screws wire bolt plastic piece pieces chunk
    fragment insect insects bug bugs maggot maggots worm worms cockroach roach hair hairs stone pebble mould mold moldy
    mouldy beetle moth larvae weevils fingernail bandage`,
  /** Toxic or dangerous substances. */
  toxic: `toxic fumes chemical chemicals poison poisonous bleach lead asbestos carbon monoxide gas leak leaking rancid
    contaminated contamination recall recalled noxious inhaled inhaling
    flammable ammonia chlorine solvent`,
  /** Medical care. */
  care: `hospital hospitalised hospitalized er a&e ambulance paramedics doctor doctors gp vet vets clinic emergency
    urgent poison-control treated treatment`,
  /** Who was hurt: people who cannot protect themselves, pets, the body. */
  victim: `son daughter kid kids child children toddler baby babies infant newborn dog dogs puppy cat cats kitten pet
    pets husband wife mum mom dad grandma hand hands finger fingers skin face eye eyes mouth lip lips tongue throat arm
    leg foot feet tooth teeth scalp`,
  /** Risk words. */
  hazard: `dangerous danger hazard hazardous unsafe risk deadly lethal fatal warning warn`,
} as const;

type SafetyClass = keyof typeof CLASSES;

/**
 * Words that report harm in some frames and not in others, and that no class above holds
 * ("killed my dog" / "that concert killed", "dying to try", "dead after leg day"): with
 * cue context they give their before/after pairs only, never a class.
 */
const FIGURATIVE = new Map<string, SafetyClass>(`kill kills killed killing killer die dies died dying dead death deadly
  murder murdered destroy destroyed destroying wrecked bomb lethal insane brutal sick hot heat hit slaps`
  .split(/\s+/).filter(Boolean).map((w) => [w, 'hazard' as SafetyClass]));

const WORD_CLASS = new Map<string, SafetyClass>();
for (const [name, words] of Object.entries(CLASSES) as Array<[SafetyClass, string]>) {
  for (const word of words.split(/\s+/)) if (word && !WORD_CLASS.has(word)) WORD_CLASS.set(word, name);
}

const CLASS_NAMES = Object.keys(CLASSES) as SafetyClass[];
const CLASS_BIT = new Map(CLASS_NAMES.map((name, i) => [name, 1 << i]));
const CLASS_HASH = Object.fromEntries((Object.keys(CLASSES) as SafetyClass[]).map((name) => [name, hashString(`safety:${name}`, SEED.cue)])) as Record<SafetyClass, number>;
const PAIR_SEED = hashString('safety-pair', SEED.cue);
/** "found a staple in", "there was glass in": an object where it should not be. */
const FOUND_IN = hashString('safety:found-in', SEED.cue);
const FINDS = new Set(['found', 'find', 'finding', 'bit', 'there', 'was', 'pulled', 'spat']);
const BEFORE_SEED = hashString('safety:before', SEED.cue);
const AFTER_SEED = hashString('safety:after', SEED.cue);
/** The edge of the post, as a context word: "… is fire" ends there, "fire alarm" does not. */
const EDGE = '<edge>';

export function safetyClassOf(word: string): SafetyClass | undefined {
  return WORD_CLASS.get(word.toLowerCase());
}

/**
 * Appends safety cue features for a token list: one per cue word (its class), each pair of
 * different classes met in the post (order-free), and "found … in" around a foreign object.
 * With `context`, each cue word also with the word just before and just after it (skipping
 * nothing; punctuation and the post's edges count as an edge): harm words used harmlessly
 * live in a few frames ("is fire", "killed it", "dying to", "sick of", "burning question")
 * that the single words cannot tell from a report ("caught fire", "burned my").
 */
export function appendSafetyCueFeatures(
  values: readonly string[], types: readonly string[], mask: number, out: number[], words: readonly string[] = cueWords(values),
  context = false,
): void {
  let seen = 0;
  let sinceFind = 99;
  for (let i = 0; i < values.length; i++) {
    if (types[i] === 'punctuation') continue;
    const word = words[i] ?? '';
    sinceFind = FINDS.has(word) ? 0 : sinceFind + 1;
    const cls = WORD_CLASS.get(word) ?? (context ? FIGURATIVE.get(word) : undefined);
    if (!cls) continue;
    if (context) {
      const before = i > 0 && types[i - 1] !== 'punctuation' ? words[i - 1] ?? EDGE : EDGE;
      const after = i + 1 < values.length && types[i + 1] !== 'punctuation' ? words[i + 1] ?? EDGE : EDGE;
      out.push(hashString(`${word} ${before}`, BEFORE_SEED) & mask, hashString(`${word} ${after}`, AFTER_SEED) & mask);
      if (!WORD_CLASS.has(word)) continue;
    }
    out.push(CLASS_HASH[cls] & mask);
    if (cls === 'foreign' && sinceFind <= 4 && values[i + 1]?.toLowerCase() === 'in') out.push(FOUND_IN & mask);
    const bit = CLASS_BIT.get(cls)!;
    if (seen & bit) continue;
    for (const other of CLASS_NAMES) {
      if (!(seen & CLASS_BIT.get(other)!)) continue;
      const [a, b] = CLASS_HASH[cls] < CLASS_HASH[other] ? [CLASS_HASH[cls], CLASS_HASH[other]] : [CLASS_HASH[other], CLASS_HASH[cls]];
      out.push(combineHashes(PAIR_SEED, combineHashes(a, b)) & mask);
    }
    seen |= bit;
  }
}
