// Written-for-earshot training sentences for the intent heads: short posts that ask (a
// question, a request for help), that propose (a feature, a product, a change), both ("can
// you add…?") or neither (praise, faults told as facts, chatter, and the hard negatives:
// rhetorical questions, "should have", "wish I'd"). The public sets are forum sentences and
// app reviews; these teach the way customers post. Composed from parts, deterministic. The
// probe posts (bench/probes/intent.jsonl) were written separately and are never trained on.
import { seededRandom } from '../analysis/seeded-random.js';
import { hashOf } from './text-hash.js';

const THINGS = ['the app', 'the blender', 'my order', 'the router', 'the subscription', 'the toaster', 'the jacket', 'the vacuum', 'the headphones',
  'the shampoo', 'the coffee pods', 'my account', 'the printer', 'the car seat', 'the mattress', 'the smart plug', 'the trainers', 'the cat litter',
  'the protein powder', 'the air purifier', 'the smartwatch', 'the lunchbox', 'the pram', 'the lawnmower', 'the meal kit', 'the loyalty card',
  'the e-bike', 'the dishwasher tablets', 'the doorbell camera', 'the baby formula'];
const ASKS = [
  'how do i {do}', 'how can i {do}', 'is there a way to {do}', 'can i {do}', 'does anyone know how to {do}', 'anyone know how to {do}',
  'what is the best way to {do}', 'where do i go to {do}', 'is it possible to {do}', 'do you know how to {do}', 'help, how do i {do}',
  'is {thing} {property}', 'does {thing} {fit}', 'will {thing} {fit}', 'are {thing} {property}', 'when will {thing} be back in stock',
  'when are you restocking {thing}', 'where can i buy {thing}', 'how long does {thing} take to {last}', 'which size of {thing} should i get',
  'what is the warranty on {thing}', 'why has {thing} {fault}', 'any idea why {thing} {fault}', 'has anyone else had {thing} {fault}',
  'what time do you open on sunday', 'do you deliver to {place}', 'how much is delivery to {place}', 'is the {place} store open today',
  'who do i contact about {thing}', 'can someone help me with {thing}', 'need help with {thing}, it {fault}', 'can you tell me if {thing} {fit}',
  'what happened to {thing}', 'is it normal that {thing} {fault}', 'should i return {thing} or wait for a fix',
  'which {thing} should i get next', 'which one should i order, {thing} or the bigger one', 'should i get {thing} or wait for the sale',
];
const DO = ['reset it', 'cancel my order', 'change my delivery address', 'update the firmware', 'get a refund', 'pair it with my phone',
  'change my password', 'clean the filter', 'return an item', 'track my parcel', 'pause my subscription', 'download my invoice', 'turn off notifications',
  'swap the size', 'claim the warranty', 'connect it to wifi', 'use the voucher code', 'delete my account', 'set up auto top up', 'book an engineer'];
const PROPERTIES = ['safe for kids', 'vegan', 'dishwasher safe', 'waterproof', 'suitable for newborns', 'recyclable', 'nut free', 'machine washable',
  'compatible with alexa', 'made in the uk', 'halal', 'ok for sensitive skin', 'covered by the warranty', 'still on offer'];
const FITS = ['work with an iphone', 'fit a double bed', 'come with a charger', 'work abroad', 'fit in a small kitchen', 'include batteries',
  'work with the old model', 'ship to ireland'];
const LASTS = ['arrive', 'charge', 'set up', 'refund', 'dispatch', 'heat up'];
const FAULTS = ['stopped charging', 'keeps disconnecting', 'shows an error', 'gone up in price', 'been out of stock for weeks', 'not arrived yet',
  'stopped working after the update', 'started beeping', 'disappeared from the shelves'];
const PLACES = ['scotland', 'northern ireland', 'the isle of wight', 'leeds', 'my office', 'a po box'];
const PROPOSE = [
  'please add {feature}', 'you should add {feature}', 'would love {feature}', 'it would be great if you {change}', 'it would be nice to have {feature}',
  'wish {thing} had {feature}', 'really wish you would {change}', '{thing} needs {feature}', 'you need to {change}', 'bring back {old}',
  'please bring back {old}', 'how about {feature}', 'suggestion: {feature}', 'feature request: {feature}', 'my idea: {change}', 'you guys should {change}',
  'i think you should {change}', 'would be so much better with {feature}', 'please {change}', 'add {feature} please', 'make {thing} {better}',
  'someone at the company should {change}', 'an option for {option} would be amazing', 'i would pay extra for {feature}', 'just {change} already',
  'consider {changing}', 'next version needs {feature}',
];
const BOTH = [
  'can you add {feature}?', 'could you {change}?', 'any chance of {feature}?', 'will you ever {change}?', 'why not {change}?',
  'is there any plan to {change}?', 'would you consider {changing}?', 'can we get {feature}?', 'when are you going to add {feature}?',
  'please could you {change}?',
];
const FEATURES = ['a dark mode', 'a family plan', 'bigger sizes', 'a refill pack', 'an offline mode', 'more colours', 'a quieter setting', 'a timer',
  'a vegan option', 'a lighter version', 'longer cables', 'a student discount', 'a pause button', 'subtitles', 'a kids size', 'an export to csv',
  'a widget', 'a night mode', 'plastic free packaging', 'a cheaper tier', 'a bigger tank', 'spare parts in store', 'a two year warranty',
  'same day delivery', 'a way to split the bill', 'more flavours', 'a travel size', 'a left handed version'];
const CHANGES = ['sell refills', 'open earlier on weekends', 'add more payment options', 'make the packaging recyclable', 'stock it in more stores',
  'let us choose a delivery slot', 'make the font bigger', 'add a gluten free range', 'offer free returns', 'ship to more countries',
  'let us skip a month', 'sell the parts separately', 'put the sizes on the label', 'make the battery replaceable', 'add a search bar',
  'release it in black', 'do a bigger pack', 'support usb-c', 'let us save favourites', 'keep the old design as an option'];
const CHANGINGS = ['selling refills', 'opening earlier', 'adding apple pay', 'doing a smaller size', 'making it in blue', 'adding a loyalty scheme'];
const OLD = ['the old recipe', 'the mint flavour', 'the classic design', 'the free delivery', 'the old layout', 'the paper bags', 'the blue one'];
const BETTERS = ['quieter', 'cheaper', 'lighter', 'easier to clean', 'last longer', 'foldable', 'work offline'];
const OPTIONS = ['gift wrapping', 'bulk buying', 'pickup lockers', 'repeat orders'];
const NEITHER = [
  '{thing} arrived today, really happy with it', 'love {thing}, best purchase this year', '{thing} {fault}. great', '{thing} {fault} again',
  'been using {thing} for a month now', 'just ordered {thing}', 'my mum bought me {thing} for my birthday', '{thing} is fine i guess',
  'returned {thing}, refund came through quick', 'why is it always raining on my day off lol', 'who even needs sleep anyway', 'guess who forgot their keys again',
  'should have bought two of {thing}', 'i should have read the reviews first', 'wish i had ordered sooner', 'you should see the size of this box 😂',
  'can\'t wait for {thing} to arrive', 'what a day. {thing} {fault} and the bus was late', 'how good is {thing} honestly', 'how is it already friday',
  'added {feature} to my wishlist', 'they added {feature} in the last update, nice', 'finally got {feature}, thanks team', 'i asked for a refund and got one',
  'the staff helped me sort {thing} in minutes', 'asked support about {thing}, sorted in 5 mins', '{thing} was delivered to the wrong house', 'so {thing} just {fault}',
  'honestly {thing} changed my mornings', 'two weeks in and {thing} still works perfectly', 'no idea what i did before {thing}', 'not impressed with {thing} tbh',
  'my kids love {thing}', '{thing} broke after a week, never again', 'who knew {thing} could be this good', 'what a bargain {thing} was',
  'just learned {thing} {fact}', 'apparently {thing} {fact}', 'til {thing} {fact}', 'found out {thing} {fact}', 'so {thing} {fact}. interesting',
];
/** Things people find out and pass on: news, not a proposal. */
const FACTS = ['contains plastic', 'is made in the same factory as the cheap one', 'has palm oil in it', 'comes in recycled packaging',
  'went up 20p this week', 'is owned by a big company now', 'has a new design', 'uses real fruit', 'is sold out everywhere'];
const OPENERS = ['', '', '', '', '@shop ', 'hi ', 'hey ', 'quick question: ', 'ok so ', 'hello, ', '@brand '];
const ENDS_Q = ['?', '?', '?', '??', ' ?', '', ' 🙏', '? thanks', '? cheers'];
const ENDS_S = ['', '', '!', ' please', ' 🙏', '. thanks', ' pls', '!!', '. would buy again'];
const ENDS_N = ['', '', '!', '.', ' 😊', ' lol', ' 🙄', ' tbh'];

export interface WrittenIntent {
  text: string;
  question: 0 | 1;
  suggestion: 0 | 1;
  fold: number;
}

function foldOf(text: string): number {
  return hashOf(text) % 10;
}

/** About `n` posts of each kind (question, suggestion, both, neither), deterministic. */
export function writtenIntentTexts(n: number, seed = 20261229): WrittenIntent[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fill = (template: string): string => template
    .replace('{do}', () => pick(DO)).replace('{thing}', () => pick(THINGS)).replace('{property}', () => pick(PROPERTIES))
    .replace('{fit}', () => pick(FITS)).replace('{last}', () => pick(LASTS)).replace('{fault}', () => pick(FAULTS)).replace('{place}', () => pick(PLACES))
    .replace('{feature}', () => pick(FEATURES)).replace('{change}', () => pick(CHANGES)).replace('{changing}', () => pick(CHANGINGS))
    .replace('{old}', () => pick(OLD)).replace('{better}', () => pick(BETTERS)).replace('{option}', () => pick(OPTIONS))
    .replace('{thing}', () => pick(THINGS)).replace('{fault}', () => pick(FAULTS)).replace('{fact}', () => pick(FACTS));
  const out: WrittenIntent[] = [];
  const seen = new Set<string>();
  const add = (core: string, end: string, question: 0 | 1, suggestion: 0 | 1): void => {
    let text = `${pick(OPENERS)}${core.replace(/\?$/, '')}${core.endsWith('?') && !end.startsWith('?') ? '?' : ''}${end}`.trim();
    if (random() < 0.15) text = text.charAt(0).toUpperCase() + text.slice(1);
    if (seen.has(text)) return;
    seen.add(text);
    out.push({ text, question, suggestion, fold: foldOf(text) });
  };
  for (let i = 0; i < n; i++) {
    add(fill(pick(ASKS)), pick(ENDS_Q), 1, 0);
    add(fill(pick(PROPOSE)), pick(ENDS_S), 0, 1);
    if (i % 3 === 0) add(fill(pick(BOTH)), '', 1, 1);
    add(fill(pick(NEITHER)), pick(ENDS_N), 0, 0);
  }
  return out;
}
