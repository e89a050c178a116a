// Written-for-earshot sarcasm for the irony head only (the complaint model never reads
// these): praise against a let-down that names no fault the cue lists know — a short life,
// a long wait, a price, the opposite of what the thing is for ("my fridge keeps things
// nice and warm"). Each sarcastic post has a sincere twin in the same frame with a good
// outcome, so praise alone does not read as irony. Composed from parts; no third party's text.
import { seededRandom } from '../analysis/seeded-random.js';

const PRAISE = ['love how', 'so glad', 'great,', 'amazing,', 'brilliant,', 'wow,', 'fantastic,', 'really impressed that', 'thrilled that',
  'nothing beats it when', 'nice one,', 'cheers,', 'wonderful,', 'bravo,', 'so happy', 'top work,'];
const THINGS = ['the toaster', 'my new boots', 'the phone case', 'the router', 'the courier', 'the bus', 'my laptop', 'the app', 'the hotel',
  'the airline', 'the gym', 'the bank', 'the washing machine', 'the umbrella', 'the printer', 'the smart plug', 'the sofa', 'my jacket',
  'the pizza place', 'the helpline', 'the landlord', 'the game', 'the blender', 'my watch'];
/** [let-down, good outcome in the same words' register] */
const OUTCOMES: Array<[string, string]> = [
  ['lasted a whole nine days', 'lasted a whole nine years'], ['took only six weeks to show up', 'showed up the next morning'],
  ['costs more every month and does less', 'costs less this year and does more'], ['keeps my food nice and warm', 'keeps my food nice and cold'],
  ['needs a restart every hour', 'has not needed a restart all year'], ['lets the rain straight through', 'keeps me bone dry in a storm'],
  ['charged me twice for the privilege', 'charged me half what I expected'], ['answers the phone after ninety minutes', 'answered in under a minute'],
  ['turned my white shirts pink', 'got my white shirts whiter'], ['is now a very expensive paperweight', 'is now my favourite gadget'],
  ['made me wait three hours in the rain', 'had me inside in ten minutes'], ['gave me a room facing the bins', 'gave me a room facing the sea'],
  ['went offline the moment I needed it', 'was there the moment I needed it'], ['shrank to fit my cat', 'fits me perfectly after twenty washes'],
  ['sent me someone else\'s order', 'sent exactly what I ordered'], ['arrived cold and soggy', 'arrived hot and crispy'],
  ['turns itself on at 3am', 'switches itself off when I leave'], ['forgot my booking again', 'remembered my booking and my name'],
];
const ENDS = ['', '', '', ' 🙃', ' 👏', ' truly', ' real quality', ' well done', ' what a time to be alive', ' 10/10', ' 🙄', '!'];
const SINCERE_ENDS = ['', '', '', ' 🙂', ' 👏', ' truly', ' real quality', ' well done', ' 10/10', '!', ' ❤️'];

export interface WrittenIrony { text: string; label: 0 | 1; fold: number }

/** `n` sarcastic posts and their `n` sincere twins, seeded, folds 0–9. */
export function writtenIronyTexts(n: number, seed = 20261207): WrittenIrony[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: WrittenIrony[] = [];
  for (let i = 0; i < n; i++) {
    const [bad, good] = pick(OUTCOMES);
    const praise = pick(PRAISE);
    const thing = pick(THINGS);
    out.push({ text: `${praise} ${thing} ${bad}${pick(ENDS)}`, label: 1, fold: i % 10 });
    out.push({ text: `${praise} ${thing} ${good}${pick(SINCERE_ENDS)}`, label: 0, fold: i % 10 });
  }
  return out;
}
