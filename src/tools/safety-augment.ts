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
// Round two (safety2): reports shaped as a thing, a place in it and what was there, so
// that drinks, snacks and restaurant meals are learnt as well as sandwiches; tools and
// falls told as what gave way and what it did; sickness told without the word "sick".
const CONTAINERS = ['my can of', 'the bottle of', 'the carton of', 'my cup of', 'the jar of', 'the packet of', 'the bag of', 'my bowl of',
  'the tin of', 'my plate of', 'the box of', 'my takeaway'];
const CONSUMABLES = ['cola', 'lemonade', 'orange juice', 'iced tea', 'energy drink', 'beer', 'cider', 'milk', 'coffee', 'smoothie',
  'sparkling water', 'soup', 'crisps', 'nuts', 'granola', 'biscuits', 'rice', 'noodles', 'curry', 'salad', 'fries', 'tacos', 'ramen',
  'oat bar', 'popcorn', 'sweets', 'cat food', 'dog biscuits', 'protein bars', 'dumplings'];
const INTRUDERS = ['a sliver of glass', 'a bit of wire', 'a dead beetle', 'a moth', 'a plaster', 'a chunk of hard plastic', 'a metal shaving',
  'a fingernail', 'a tooth', 'larvae', 'a rusty screw', 'a piece of rubber glove', 'a splinter of wood', 'a cigarette end', 'slimy mould',
  'a clump of hair', 'a small stone', 'a staple', 'weevils', 'a used bandage'];
const PLACES = ['at the bottom of', 'floating in', 'stuck to the lid of', 'baked into', 'mixed into', 'halfway through', 'inside'];
const SEALED = ['', '', ' and it was sealed', ' and i had already eaten most of it', ' 🤢', ' - nearly swallowed it', ' and chipped my tooth',
  ' and cut my gum', ' from @Acme', ', same batch as my mates'];
const GAVE_WAY = [
  ['the ladder', 'folded under me and i broke my ankle'], ['the saw', 'kicked back and gashed my arm'], ['the chisel handle', 'split and the blade went into my palm'],
  ['the grinder disc', 'shattered and hit my cheek'], ['the hammer head', 'flew off and hit my son'], ['the nail gun', 'fired on its own into my leg'],
  ['the chair', 'collapsed and i hit my head'], ['the shelf bracket', 'snapped and the shelf landed on my foot'], ['the bike frame', 'cracked and i went over the bars'],
  ['the scooter brake', 'failed and i ended up in hospital'], ['the treadmill', 'jerked and threw me off'], ['the stool', 'gave way and my gran fell'],
  ['the pan handle', 'came off and the boiling water went on my leg'], ['the wall socket', 'crackled and gave me a jolt'], ['the hob', 'tingles whenever i touch it'],
  ['the power tool', 'gives you a tingle through the grip'], ['the battery pack', 'bulged and got too hot to touch'], ['the vape pen', 'hissed and burned my hand'],
  ['the coffee machine', 'sprayed scalding water at my face'], ['the lid', 'popped off and the hot drink went over my lap'], ['the mug', 'cracked and the tea scalded my leg'],
  ['the waiter', 'dropped the hot plate on my daughter'], ['the grill plate', 'spat fat into my eye'], ['the garden strimmer', 'threw a stone into my eye'],
];
const SICK_AFTER = ['was up all night on the loo after', 'had stomach cramps for hours after', 'got the shakes and a fever after', 'passed out after',
  'had heart palpitations after', 'was throwing up within an hour of', 'got norovirus from', 'got salmonella from', 'was off work for three days after',
  'felt dizzy and faint after', 'had a pounding headache and nausea after', 'ended up on a drip after', 'got a burning throat from',
  'had blotchy welts after', 'had her eyes swell shut after', 'had to go to urgent care after'];
const SICK_FROM = ['the seafood platter', 'the buffet', 'their chicken', 'the energy drink', 'the new kombucha', 'the juice', 'the cream crackers',
  'the dip', 'the sushi', 'the burger van', 'the takeaway', 'the smoothie', 'the pre workout', 'the diet pills', 'the iced coffee', 'the kebab',
  'the school dinner', 'the pet treats', 'the sleep gummies', 'the well water filter'];
const OFF_TASTE = ['tastes of petrol', 'smells of bleach', 'tastes like paint thinner', 'has a chemical smell', 'tastes of soap and burns my mouth',
  'made my tongue go numb', 'fizzed when it should not and smelled rotten'];
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
  'the kids are building a fort in the lounge', 'which toy is best for a 4 year old?', 'the puzzle is missing a piece, kids gutted',
  'the bottle of wine was corked, shame', 'this coffee is too weak for me', 'my cat knocked my drink off the table again',
  'the saw cuts so clean, great tool', 'the ladder is light and sturdy', 'the restaurant was packed, waited 40 mins for a table',
  'the soup was a bit salty', 'the crisps were stale', 'the beer is flat tonight', 'found a fiver in my coat pocket',
  'the juice is too sweet for my taste', 'my dog is scared of the hoover', 'the baby finally slept through the night',
  'the chemistry homework is killing me', 'the sushi was amazing', 'the energy drink tastes like sweets', 'the smoke machine at the gig was epic',
  'ran out of milk again', 'the burger was a bit dry', 'tool kit arrived early, great value', 'a knife and fork set for the new flat',
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
    if (kind < 0.12) return `${pick(INTRUDERS)} ${pick(PLACES)} ${pick(CONTAINERS)} ${pick(CONSUMABLES)}${pick(SEALED)}`;
    if (kind < 0.2) {
      const [thing, harm] = pick(GAVE_WAY) as [string, string];
      return `${thing} ${harm}`;
    }
    if (kind < 0.28) return random() < 0.5 ? `${pick(WHO)} ${pick(SICK_AFTER)} ${pick(SICK_FROM)}` : `${pick(CONTAINERS)} ${pick(CONSUMABLES)} ${pick(OFF_TASTE)}`;
    if (kind < 0.45) {
      const [thing, harm] = pick(DEVICE_HARMS) as [string, string];
      return random() < 0.5 ? `${thing} ${harm}` : `${pick(WHO)}'s ${thing.replace('the ', '')} ${harm}`;
    }
    if (kind < 0.62) return `${pick(['I', 'we', 'my son', 'my wife', 'my daughter'])} ${pick(FOOD_HARMS)} ${pick(FOODS)}`;
    if (kind < 0.85) return `${pick(WHO)} ${pick(ILLNESS)} ${pick(ILLNESS_OBJECTS)}`;
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

// Round three (unseen): harm words used harmlessly, composed from parts across many
// domains, so the head learns the frames ("X is fire", "dying to try X", "X killed it",
// recipes that burn, cut and list allergens, sport that chokes and kills) rather than a
// few sentences. Written for earshot before training; bench/probes/heldout2 was written
// first and separately, and no sentence of it is used here.
const FIG_THINGS = ['the new menu', 'their spicy ramen', 'this hot sauce', 'the mango salsa', 'that new single', 'the album', 'the trailer',
  'the new season', 'this hoodie', 'these trainers', 'the update', 'the new camera', 'the match', 'our spin class', 'the pastry', 'the pizza',
  'the festival', 'her set', 'the new flavour', 'the beat', 'that plot twist', 'the lineup', 'the remix', 'the taco special', 'the brisket',
  'the salted caramel', 'this eyeshadow palette', 'the skate park', 'the new map', 'the sale', 'the burrito', 'the jerk chicken', 'this mixtape',
  'the gig', 'the stand up show', 'the new kit', 'the drum solo', 'the costume', 'the fried chicken', 'the wings', 'this perfume', 'the episode'];
const FIG_PRAISE = ['is fire', 'is straight fire 🔥', 'is 🔥🔥🔥', 'slaps', 'killed it', 'is killer', 'is sick', 'is lethal', 'is the bomb',
  'is to die for', 'goes hard', 'is insane', 'absolutely killed', 'blew up overnight', 'is deadly good', 'is dangerously good', 'was brutal in the best way',
  'is addictive', 'is explosive', 'smashed it', 'is a bomb', 'is on fire', 'is hot right now', 'hits hard', 'destroyed the competition', 'is wicked'];
const FIG_FRAMES = ['dying to try {x}', 'i\'d kill for {x} right now', 'burning question: is {x} worth it?', 'so sick of waiting for {x}',
  'the wait for {x} is killing me', 'hot take: {x} is overrated', 'shocked at how good {x} is', 'choked up at {x}, not gonna lie', '{x} had me dead 😂',
  'i\'m dead 😂 {x}', '{x} got roasted in the comments', 'the hype around {x} is insane', '{x} left me speechless, killer', 'can\'t stop thinking about {x}, i\'m obsessed',
  'still recovering from {x} 😂', 'would die for {x} tbh', '{x} is my poison'];
const RECIPES = ['cut the {v} into thin strips', 'don\'t let the {v} burn, keep stirring', 'let the {v} char on a high heat', 'allergy advice: contains {a}',
  'may contain traces of {a}', 'free from {a}, suitable for vegans', 'slice the {v} thinly, mind your fingers', 'blister the {v} under the grill',
  'smoke the {m} low and slow for six hours', 'sear the {m} until charred at the edges', 'chop the {v}, then fry on a high heat for 3 minutes',
  'the {m} is cooked when the juices run clear', 'boil the {v} for 10 minutes then drain', 'contains {a}. keeps for 3 days in the fridge',
  'swap the {a} for seeds if you have an allergy', 'roast the {v} until slightly burnt on top', 'cut the {m} against the grain', 'scorch the {v} over a gas flame'];
const VEG = ['onions', 'peppers', 'garlic', 'aubergine', 'carrots', 'tomatoes', 'leeks', 'courgette', 'potatoes', 'chillies', 'sweetcorn'];
const MEAT = ['pork shoulder', 'chicken thighs', 'steak', 'lamb', 'tofu', 'salmon', 'brisket'];
const ALLERGENS = ['nuts', 'milk', 'eggs', 'sesame', 'gluten', 'soy', 'peanuts', 'mustard', 'celery', 'shellfish'];
const FIG_LIFE = ['my phone blew up with messages after the match', 'battery died on the bus again', 'my laptop died, time for a new one',
  'the wifi died during my call', 'my basil plant died, rip', 'this deadline is killing me', 'dead tired after a double shift',
  'my feet are killing me after the wedding', 'legs destroyed after leg day', 'sick of the rain this week', 'bleeding money on coffee',
  'crash course in spanish before the trip', 'toxic group chat, muted it', 'we choked in the final again', 'injury time winner, what a game',
  'got destroyed in ranked tonight', 'killed the boss on the first try', 'the striker is lethal in front of goal', 'he is on fire this season',
  'they murdered us 4-0', 'knocked out in the semis, gutted', 'smashed my 5k time', 'tested the smoke alarm, all working', 'fire drill at work at 11',
  'first aid course this weekend', 'bought a fire extinguisher for the kitchen', 'fitted a carbon monoxide alarm in the hall', 'childproofed the cupboards today',
  'vet says she is healthy as anything', 'my hay fever tablets are finally working', 'flu jab done, easy', 'cut my own fringe, not bad',
  'got my hair cut, love it', 'the price cut on the bundle is great', 'they cut the ads from the free plan, nice', 'the heat wave is finally over',
  'it is boiling in the office', 'freezing cold at the bus stop', 'the cat is a little monster', 'my toddler is a menace with crayons',
  'the kids were wild at the party', 'the dog stole my toast', 'stubbed my toe on the bed again, my own fault', 'the new charger stays cool, no heat at all',
  'the kettle stays cool to the touch, great for kids', 'no rash, no itching, finally a cream that suits me', 'burnt the rice, my own fault', 'set off the smoke alarm making toast'];
/** The same words reporting harm, so the frames, not the words, carry the difference. */
const FIG_HARMS = ['{w} nearly died after eating {f}', 'the {d} nearly killed us, it caught fire in the night', '{w} was sick all night, {f} is dangerous',
  'the fumes from the {d} were so strong we nearly passed out', '{w} died after {f}, the vet says it was contaminated', 'the {d} got so hot it burned {w}',
  '{f} made {w} so ill we ended up in hospital', 'the {d} exploded and could have killed someone', 'the {d} sparked and gave {w} a shock'];
const FIG_WHO = ['my dog', 'my cat', 'my son', 'my daughter', 'my husband', 'my nan', 'our puppy', 'my toddler', 'my flatmate'];
const FIG_FOODS = ['the new treats', 'the chicken skewers', 'the oysters', 'the kids meal', 'the protein balls', 'the pet chews', 'the buffet salmon'];
const FIG_DEVICES = ['space heater', 'phone charger', 'power bank', 'tumble dryer', 'hoverboard', 'electric blanket', 'gas hob', 'toaster oven'];
const FIG_CLOSERS = ['', '', '', ' lol', ' 😂', ' 🙌', '!', ' honestly', ' ngl', ' 💯', ' #foodie', ' haha', ' @Acme', ' ✨'];

/** `n` harmless posts that use harm words (and about a tenth reporting harm with the same words), deterministic (a seed of their own, so the earlier rounds stay as they were). */
export function writtenFigurativeTexts(n: number, seed = 20261231): WrittenSafety[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const harm = (): string => pick(FIG_HARMS).replace('{w}', pick(FIG_WHO)).replace('{f}', pick(FIG_FOODS)).replace('{d}', pick(FIG_DEVICES));
  const core = (): string => {
    const kind = random();
    if (kind < 0.35) return `${pick(FIG_THINGS)} ${pick(FIG_PRAISE)}`;
    if (kind < 0.6) return pick(FIG_FRAMES).replace('{x}', pick(FIG_THINGS));
    if (kind < 0.8) return pick(RECIPES).replace('{v}', pick(VEG)).replace('{m}', pick(MEAT)).replace('{a}', pick(ALLERGENS));
    return pick(FIG_LIFE);
  };
  const texts = new Set<string>();
  const out: WrittenSafety[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const label = random() < 0.1 ? 1 : 0;
    const text = label ? `${harm()}${pick(['', '', ' 😡', ' never again', ' please recall this'])}` : `${core()}${pick(FIG_CLOSERS)}`;
    if (texts.has(text)) continue;
    texts.add(text);
    out.push({ text, label, fold: foldOf(text) });
  }
  return out;
}
