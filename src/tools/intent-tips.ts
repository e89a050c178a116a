// Written-for-earshot tips: advice to the next customer — "ask for a room at the back",
// "order the lamb", "turn off auto renew the day you subscribe" — which SemEval-2019 Task 9
// counts as suggestions, beside what happened told in the past with the same words ("we
// asked for a room at the back", "i ordered the lamb"), regrets and "you should see…" (not
// suggestions), and a reviewer's proposals to the business ("the hotel should fix the wifi").
// Hotels, restaurants, travel, apps and shops, so the head learns the imperative's place and
// not a hotel's nouns. Written from scratch; no review set's text is in them. Who a tip is
// for is the addressee rules' job (src/analysis/intent/addressee.ts), not the head's.
import { seededRandom } from '../analysis/seeded-random.js';
import { hashOf } from './text-hash.js';
import type { WrittenIntent } from './intent-augment.js';

/** A tip's question label is unknown (null): the question head trains as if the tips were not there. */
export type WrittenTip = Omit<WrittenIntent, 'question'> & { question: null };

/** [advice, the same deed told in the past]. */
const DEEDS: ReadonlyArray<readonly [string, string]> = [
  ['ask for {roomtype}', 'asked for {roomtype}'], ['book {extra} in advance', 'booked {extra} in advance'], ['bring {bring}', 'brought {bring}'],
  ['request {roomtype} when you book', 'requested {roomtype} when we booked'], ['pay the extra for {extra}', 'paid the extra for {extra}'],
  ['avoid the rooms {badloc}', 'had one of the rooms {badloc}'], ['walk to the old town', 'walked to the old town'], ['take the tram into town', 'took the tram into town'],
  ['eat out rather than at the hotel', 'ate out most nights'], ['get there early for a sun lounger', 'got there early for a sun lounger'],
  ['check the room before you unpack', 'checked the room before unpacking'], ['order the {dish}', 'ordered the {dish}'], ['try the {dish}', 'tried the {dish}'],
  ['get the {dish}', 'got the {dish}'], ['save room for the {dessert}', 'saved room for the {dessert}'], ['share the {dish} between two', 'shared the {dish} between two'],
  ['book a table on the terrace', 'booked a table on the terrace'], ['go on a weekday', 'went on a weekday'], ['skip the {dish}', 'skipped the {dish}'],
  ['sit on the {side} side of the {vehicle}', 'sat on the {side} side of the {vehicle}'], ['buy the day ticket', 'bought the day ticket'],
  ['check in online the night before', 'checked in online the night before'], ['get to the airport early', 'got to the airport early'],
  ['pack {bring}', 'packed {bring}'], ['download the maps before you go', 'downloaded the maps before we went'], ['turn off {setting}', 'turned off {setting}'],
  ['switch on {setting}', 'switched on {setting}'], ['use the web version instead', 'used the web version instead'], ['clear the cache', 'cleared the cache'],
  ['size up, they run small', 'sized up'], ['wash it on cold', 'washed it on cold'], ['buy the bigger pack', 'bought the bigger pack'],
  ['wait for the sale', 'waited for the sale'], ['sign up to the newsletter first for the discount', 'signed up to the newsletter for the discount'],
  ['read the instructions before you start', 'read the instructions first'], ['take photos of the car before you drive off', 'took photos of the car before driving off'],
  ['fill the tank yourself', 'filled the tank ourselves'], ['see {sight}', 'saw {sight}'], ['visit {sight}', 'visited {sight}'], ['stay at least {n} nights', 'stayed {n} nights'],
  ['go for half board', 'went for half board'], ['use the back entrance', 'used the back entrance'], ['call ahead for a table', 'called ahead for a table'],
  ['go early', 'went early'], ['go to the {time} class', 'went to the {time} class'], ['take {bring}', 'took {bring}'], ['use the {app} app for it', 'used the {app} app for it'],
  ['set up {setting} straight away', 'set up {setting} straight away'], ['sign up for the loyalty card', 'signed up for the loyalty card'],
  ['ring them before your contract ends', 'rang them before my contract ended'], ['print your ticket', 'printed our tickets'],
  ['mix it with {dish}', 'mixed it with {dish}'], ['log out and back in', 'logged out and back in'], ['restart the router first', 'restarted the router first'],
  ['keep the receipt', 'kept the receipt'], ['charge it fully before first use', 'charged it fully before first use'], ['update the firmware first', 'updated the firmware first'],
  ['pitch near the trees', 'pitched near the trees'], ['grab a seat upstairs', 'grabbed a seat upstairs'], ['head to the back of the shop', 'headed to the back of the shop'],
  ['order online and collect', 'ordered online and collected'], ['stick to the set menu', 'stuck to the set menu'], ['apply it on damp skin', 'applied it on damp skin'],
  ['don\'t order the {dish}', 'didn\'t order the {dish}'], ['don\'t bother with {extra}', 'didn\'t bother with {extra}'], ['don\'t miss {sight}', 'nearly missed {sight}'],
  ['never book {extra} at the desk', 'booked {extra} at the desk'], ['avoid {time} if you can', 'avoided {time}'],
];
/** Frames that give a deed as advice. */
const ADVISE = ['{do}', '{do}', '{do}', 'definitely {do}', 'be sure to {do}', 'make sure you {do}', 'tip: {do}', 'pro tip: {do}', 'my advice: {do}',
  'if you go, {do}', 'if you stay here, {do}', 'if you can, {do}', 'you should {do}', 'you must {do}', 'don\'t forget to {do}', 'remember to {do}',
  'do yourself a favour and {do}', 'families should {do}', 'i would {do}', 'always {do}', '{do}, you won\'t regret it', '{do}, trust me', '{do} if you can',
  'top tip, {do}'];
/** Frames that tell a deed as what happened, or regret it: not advice. */
const TELL = ['we {did}', 'we {did}', 'i {did}', 'so we {did}', 'last time we {did}', 'my sister {did} and loved it', 'we {did} and it was {adj}',
  'i {did}, it was {adj}', 'on day two we {did}', 'my friend told me she {did}', '{did} and it was {adj}', 'just {did}', '{did} yesterday',
  '{did}, never again', '{did} last week and it was {adj}'];
const RECOMMEND = ['i would recommend {rec}', 'i recommend {rec}', 'highly recommend {rec}', 'would definitely recommend {rec}', 'i\'d suggest {rec}',
  'can\'t recommend {rec} enough'];
const PLAIN = ['the room was {adj}', 'breakfast was {adj}', 'the staff were {adj}', 'the location is {adj}', 'check in was {adj}', 'the food was {adj}',
  'the {dish} was {adj}', 'the wifi was {adj}', 'the train was {adj}', 'the app is {adj}', 'the delivery was {adj}', 'we stayed {n} nights in {month}',
  'you should see the view from {sight}', 'you should have seen the queue', 'should have booked the bigger room', 'i should have read the reviews',
  'wish we had stayed longer', 'wish i had packed {bring}', 'a friend recommended this place', 'it was recommended by the hotel', 'we will definitely be back',
  'they upgraded us to {roomtype}', 'our room was {badloc}', 'the {dish} is their most famous dish', 'wish i could stay another week',
  'wish we could have stayed for {sight}', 'any tips for {sight}?', 'any tips for a first visit?', 'what should we order?', 'should we book {extra}?', 'which {dish} should i get next?', 'which one should i order?',
  'which room should we book?',
  'they should have warned us about the noise', 'i wish i had asked for {roomtype}', 'you would not believe the size of the {dish}'];
/** A reviewer's proposals to the business: suggestions too (the addressee rules send them to ideas). */
const PROPOSE = ['the hotel should {fix}', 'they really need to {fix}', 'management should {fix}', 'it would be nice if they would {fix}', 'they could {fix}',
  'the restaurant should {fix}', 'please {fix}', 'would be great if they could {fix}'];
const VARS: Record<string, readonly string[]> = {
  roomtype: ['a room on the top floor', 'a room with a balcony', 'a sea view room', 'a room away from the lift', 'a corner room', 'a room at the back',
    'a room on the garden side', 'a quiet room', 'a room with a view'],
  extra: ['breakfast', 'the airport transfer', 'parking', 'late checkout', 'the spa', 'a table for dinner', 'the tour', 'tickets'],
  bring: ['earplugs', 'your own shampoo', 'flip flops', 'a jumper', 'cash', 'a power adapter', 'snacks', 'a refillable bottle', 'a raincoat'],
  badloc: ['above the bar', 'near the lift', 'facing the main road', 'on the ground floor', 'next to the kitchen'],
  dish: ['lamb', 'garlic bread', 'seafood platter', 'tasting menu', 'burger', 'pancakes', 'curry', 'fish of the day', 'noodles'],
  dessert: ['tiramisu', 'cheesecake', 'churros', 'apple pie'],
  side: ['left', 'right'], vehicle: ['train', 'bus', 'plane', 'boat'],
  setting: ['auto renew', 'notifications', 'data roaming', 'autoplay', 'low data mode', 'dark mode'],
  sight: ['the terrace', 'the harbour', 'the market', 'the cathedral', 'the rooftop bar', 'the old town'],
  rec: ['this hotel', 'the suite', 'this place for couples', 'the breakfast', 'the walking tour', 'staying near the station', 'the rooftop bar', 'the lamb'],
  fix: ['fix the wifi', 'replace the old carpets', 'add more sun loungers', 'offer a later breakfast', 'update the bathrooms', 'put kettles in the rooms',
    'soundproof the windows', 'add blackout curtains', 'open the pool earlier', 'take card payments', 'hire more staff at weekends'],
  adj: ['clean', 'spacious', 'a bit small', 'noisy', 'excellent', 'dated', 'friendly', 'great value', 'disappointing', 'lovely', 'cold', 'fine', 'slow', 'late'],
  n: ['two', 'three', 'four', 'five'], month: ['may', 'june', 'august', 'october'], time: ['6am', 'early', 'lunchtime', 'saturday'],
  app: ['web', 'desktop', 'banking', 'official'],
};
const ENDS = ['', '', '.', '!'];
/** Openers that say nothing of intent, spread alike over tips and tellings (else "honestly," would read as advice). */
const OPENERS = ['', '', '', '', '', 'honestly, ', 'ok so ', 'well, ', 'so ', 'lol ', 'hey, '];
/** Why, after the advice: ", it's half the price". */
const REASONS = ['', '', '', ', it\'s half the price', ', the queue is massive otherwise', ', thank me later', ', it\'s so much quieter', ', it gets packed later',
  ', everything else is great though', ', no signal up there', ', it saves so much time', ', the staff won\'t tell you', ', you get 10% off', ', it\'s {adj} otherwise'];

/** About `n` tips, `n` tellings and statements, and `n / 3` proposals to the business; deterministic. */
export function writtenTips(n: number, seed = 20261230): WrittenTip[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const fill = (template: string): string => template.replace(/\{(\w+)\}/g, (_m, name: string) => pick(VARS[name]!));
  const out: WrittenTip[] = [];
  const seen = new Set<string>();
  const add = (text: string, suggestion: 0 | 1): void => {
    const t = random() < 0.3 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    if (seen.has(t)) return;
    seen.add(t);
    out.push({ text: t, question: null, suggestion, fold: hashOf(t) % 10 });
  };
  for (let i = 0; i < n; i++) {
    const [advice, past] = pick(DEEDS);
    const tip = i % 4 === 3 ? pick(RECOMMEND) : pick(ADVISE).replace('{do}', advice);
    add(`${pick(OPENERS)}${fill(tip)}${fill(pick(REASONS))}${pick(ENDS)}`, 1);
    add(`${pick(OPENERS)}${fill(i % 2 === 0 ? pick(TELL).replace('{did}', past) : pick(PLAIN))}${pick(ENDS)}`, 0);
    if (i % 3 === 0) add(`${fill(pick(PROPOSE))}${pick(ENDS)}`, 1);
  }
  return out;
}
