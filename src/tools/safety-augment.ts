// Written-for-earshot training sentences for the safety head: short social posts that
// report harm or the risk of it, composed from parts (who, what, what happened), and
// everyday posts that use the same words harmlessly ("this hot sauce burns so good",
// "killer deal", "my son loves it"). The public incident reports are long and formal and
// the public tweets hold few harm reports; these sentences teach the short, plain way
// people post about harm. None is a third party's text, and the benchmark's probe posts
// (bench/probes/) were written separately and are never trained on.
import { seededRandom } from '../analysis/seeded-random.js';
import { hashOf } from './text-hash.js';

const WHO = ['my son', 'my daughter', 'my toddler', 'my baby', 'my kid', 'my husband', 'my wife', 'my mum', 'my dad', 'I', 'my dog',
  'my cat', 'my puppy', 'my partner', 'my little one', 'our 3 year old', 'my grandson', 'my friend', 'our kitten', 'my brother'];
const DEVICE_HARMS = [
  ['the charger', 'got so hot it melted the plug'], ['the charger', 'sparked when I plugged it in'], ['the power bank', 'started smoking in my bag'],
  ['the kettle', 'spat boiling water over my hand'], ['the air fryer', 'caught fire on the counter'], ['the heater', 'started smoking and the wall went black'],
  ['the hair straightener', 'burnt my neck through the "cool" tip'], ['the toaster', 'burst into flames'], ['the e-scooter battery', 'swelled up and hissed'],
  ['the phone', 'got too hot to hold and the screen bulged'], ['the extension lead', 'melted behind the sofa'], ['the lamp', 'gave me a shock when I switched it on'],
  ['the pressure cooker', 'blew its lid off'], ['the blender blade', 'came loose and cut my finger'], ['the glass lid', 'exploded on the hob'],
  ['the candle', 'flared up and singed my sleeve'], ['the baby monitor', 'overheated next to the cot'], ['the laptop', 'burned my legs'],
  ['the heated blanket', 'left a burn on my leg'], ['the iron', 'leaked scalding water on my foot'], ['the fairy lights', 'started smoking on the tree'],
  ['the microwave', 'threw sparks and smelled of burning'], ['the vape', 'exploded in my pocket'], ['the drill', 'shocked me through the handle'],
];
const FOOD_HARMS = [
  'found a piece of glass in', 'found a shard of metal in', 'bit into a staple in', 'found a screw in', 'found a dead fly in',
  'found maggots in', 'found a long hair baked into', 'found a bit of blue plastic in', 'cracked a tooth on a stone in', 'found mould inside',
  'found a bolt in', 'pulled a wire out of', 'found a cockroach in', 'found a chunk of rubber in',
];
const FOODS = ['my sandwich', 'the salad', 'my cereal', 'the crisps', 'the bread', 'my burger', 'the soup', 'the chocolate bar', 'the yoghurt',
  'the baby food jar', 'my takeaway', 'the pasta sauce', 'the sausage roll', 'the muffin', 'my noodles', 'the dog food'];
const ILLNESS = [
  'was sick all night after', 'ended up in A&E after', 'got food poisoning from', 'has been vomiting since eating', 'came out in hives after',
  'had an allergic reaction to', 'got a rash all over from', 'could not stop throwing up after', 'has diarrhoea since', 'went to the ER after',
  'had to use her epipen after', 'got really ill after', 'had swollen lips after', 'was rushed to the vet after eating',
];
const ILLNESS_OBJECTS = ['your chicken wrap', 'the new treats', 'the prawn curry', 'the face cream', 'the new shampoo', 'the "nut free" cookies',
  'the washing pods', 'your oysters', 'the kids meal', 'the protein shake', 'the sunscreen', 'the dye', 'the rice', 'the chew toy', 'the lotion'];
const CHILD_HAZARDS = [
  'the eyes on this teddy come off and my baby nearly choked', 'the magnets fell out of the toy and my son swallowed one',
  'the button battery pops right out of the remote, my toddler had it in his mouth', 'the high chair tipped over with my daughter in it',
  'the cot rail snapped and trapped my baby\'s leg', 'the stroller folded with my son in it and pinched his fingers',
  'the car seat buckle opened on the motorway', 'the bath seat slid and my baby went under', 'small parts snapped off the rattle and she choked on one',
  'the gate came off the wall and fell on my toddler', 'the slime kit burned my daughter\'s hands', 'the window blind cord wrapped round his neck',
];
const OPENERS = ['', '', '', '', 'warning:', 'PSA', 'ok so', 'seriously', 'please be careful,', 'heads up,', 'um', 'wtf'];
const CLOSERS = ['', '', '', '', ' please recall this', ' this is dangerous', ' someone could get killed', ' 😡', ' 😢', ' never again', ' is this normal??',
  ' reported it', ' check yours', ' #recall', ' fuming', ' still shaking'];

const HARMLESS_CLOSERS = ['', '', '', ' lol', ' 😂', ' tbh', '!', ' 🙌', ' honestly', ' 10/10', ' ugh', ' #mondays'];
const HARMLESS = [
  'this hot sauce burns so good 🔥', 'killer deal on these headphones today', 'the new album is fire', 'dying to try the new flavour',
  'I\'m sick of waiting for the sale lol', 'shocked at how good this blender is', 'choked up watching your christmas ad', 'this candle smells amazing',
  'my son loves his new bike', 'the dog goes crazy for these treats', 'my daughter can\'t put this book down', 'no rash at all, so gentle on my skin',
  'the charger is so fast, love it', 'the kettle boils in a minute, brilliant', 'the air fryer makes the best chips', 'burnt the toast again, my own fault',
  'the glass bottle feels so premium', 'the metal case looks great', 'my hair has never looked better with this shampoo', 'the baby monitor works perfectly',
  'this cheese is sick', 'that goal was a bomb', 'smashed my workout today', 'the spicy ramen nearly killed me haha worth it',
  'your sale is insane right now', 'the new game is addictive af', 'this heater keeps the whole room warm', 'my kid could not stop laughing at the toy',
  'the lotion smells lovely', 'the car seat was so easy to fit', 'the vet recommended this food', 'the stroller folds in one hand',
  'the delivery was late again', 'still waiting for my refund', 'the app keeps logging me out', 'wrong size sent, returning it',
  'customer service hung up on me', 'prices went up again', 'the wifi drops every evening', 'the zip broke after a week',
  'the sofa arrived with a scratch', 'my order is missing a item', 'the screen cracked when I dropped it', 'the battery drains by lunch',
];

export interface WrittenSafety {
  text: string;
  label: 0 | 1;
  fold: number;
}

function foldOf(text: string): number {
  return hashOf(text) % 10;
}

/** `n` written harm reports and `n` harmless posts, deterministic. */
export function writtenSafetyTexts(n: number, seed = 20261207): WrittenSafety[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const positive = (): string => {
    const kind = random();
    if (kind < 0.3) {
      const [thing, harm] = pick(DEVICE_HARMS) as [string, string];
      return random() < 0.5 ? `${thing} ${harm}` : `${pick(WHO)}'s ${thing.replace('the ', '')} ${harm}`;
    }
    if (kind < 0.55) return `${pick(['I', 'we', 'my son', 'my wife', 'my daughter'])} ${pick(FOOD_HARMS)} ${pick(FOODS)}`;
    if (kind < 0.8) return `${pick(WHO)} ${pick(ILLNESS)} ${pick(ILLNESS_OBJECTS)}`;
    return pick(CHILD_HAZARDS);
  };
  const texts = new Set<string>();
  const out: WrittenSafety[] = [];
  const add = (core: string, label: 0 | 1) => {
    const text = label ? `${pick(OPENERS)} ${core}${pick(CLOSERS)}`.trim() : `${core}${pick(HARMLESS_CLOSERS)}`;
    if (texts.has(text)) return;
    texts.add(text);
    out.push({ text, label, fold: foldOf(text) });
  };
  for (let tries = 0; out.filter((r) => r.label === 1).length < n && tries < n * 20; tries++) add(positive(), 1);
  for (let tries = 0; out.filter((r) => r.label === 0).length < n && tries < n * 20; tries++) {
    add(pick(HARMLESS), 0);
  }
  return out;
}
