// Seeded posts full of the token shapes wink-nlp tokenises differently once it has seen
// them whole elsewhere: possessives with curly and straight apostrophes, dotted
// abbreviations, ellipses, case variants of one word, plus emoji, hashtags, URLs,
// numbers, @handles, contractions and hyphenated compounds.
import { seededRandom } from '../../src/analysis/seeded-random.js';

const NAMES = ['Thursday', 'Saturday', 'Kettleby', 'Nimbus', 'Orbit', 'Grandma', 'Tesco', 'Zorblat', 'McVitie', 'Bob'];
const APOSTROPHES = ['’s', "'s", '’', "'", 's’', '’ll', "'d", '’re'];
const ABBREVIATIONS = ['U.S.A.', 'U.K.', 'e.g.', 'i.e.', 'Dr.', 'a.m.', 'p.m.', 'etc.', 'St.', 'Mr.', 'No.', 'vs.', 'approx.', 'Jan.'];
const ELLIPSES = ['...', '…', '....', '..', '?!', '!!!', '?..', '…!'];
const WORDS = ['tea', 'bags', 'plastic', 'refund', 'delivery', 'UPS', 'ups', 'Trading', 'trading', 'Leaves', 'leaves', 'broken',
  'lovely', 'awful', 'waited', 'app', 'charger', 'flight', 'LOVE', 'sooooo', 'great', 'not', 'never', 'cannot', 'kettles', 'Mugs'];
const CONTRACTIONS = ["can't", 'won’t', "didn't", 'isn’t', "I'm", 'they’ve', 'gonna', 'y’all', "let's", 'shouldn’t'];
const EXTRAS = ['😍', '😡', '👍🏽', '❤️', '🤷‍♀️', '#TeaBags', '#fail', '#PlasticFree2024', '@KettlebyTea', '@bob_99',
  'https://t.co/aB3dE5', 'www.example.com/x?y=1', '3', '12.5', '£20', '10:30', '3rd', '2024', '50%', 'tea-bags', 'plastic-free', ':)', '<3'];

type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One chunk with a hard shape, glued to its neighbours the way people type them. */
function chunk(random: Random): string {
  switch (Math.floor(random() * 7)) {
    case 0: return `${pick(NAMES, random)}${pick(APOSTROPHES, random)}${random() < 0.4 ? pick(ELLIPSES, random) : ''}`;
    case 1: return pick(ABBREVIATIONS, random);
    case 2: return `${pick(WORDS, random)}${pick(ELLIPSES, random)}${random() < 0.5 ? pick(WORDS, random) : ''}`;
    case 3: return pick(CONTRACTIONS, random);
    case 4: return pick(EXTRAS, random);
    case 5: return `${pick(EXTRAS, random)}${pick(EXTRAS, random)}`;
    default: return pick(WORDS, random);
  }
}

/** `count` posts of 3–16 chunks, the same for the same seed. */
export function makeHardTexts(count: number, seed = 18): string[] {
  const random = seededRandom(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = 3 + Math.floor(random() * 14);
    const parts: string[] = [];
    for (let c = 0; c < length; c++) parts.push(chunk(random));
    texts.push(parts.join(random() < 0.1 ? '  ' : ' '));
  }
  return texts;
}
