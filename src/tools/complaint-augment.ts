// Written-for-earshot training sentences: problem reports told flatly, without sentiment
// words, and everyday posts about the same things. The public sets tie complaining to
// angry words ("worst", "ridiculous"), so a model trained on them alone scores a flat
// report ("the lid cracked the first time I used it") as chatter. These sentences are
// composed from parts (things, what went wrong, when) so the model learns the breach of
// expectations itself; none of them is a third party's text. The detection tests use
// other sentences, written separately (test/analysis/complaint.test.ts).
import { seededRandom } from '../analysis/seeded-random.js';

const THINGS = [
  'the lid', 'the handle', 'my headphones', 'the charger', 'the zip', 'the strap', 'the screen', 'the battery', 'the app', 'my order',
  'the parcel', 'the kettle', 'the blender', 'the vacuum', 'my card', 'the payment', 'my account', 'the heater', 'the fridge', 'the seal',
  'the bottle', 'the box', 'the sole', 'the seam', 'the button', 'the remote', 'the printer', 'the router', 'the wifi', 'the login',
  'the website', 'the checkout', 'the train', 'my flight', 'the delivery', 'the subscription', 'the sofa', 'the mattress', 'the tyre',
  'the brake', 'the tap', 'the pump', 'the filter', 'the cable', 'the plug', 'the speaker', 'the camera', 'the lens', 'the watch', 'the ring',
];
const PROBLEMS = [
  'stopped working', 'broke', 'cracked', 'snapped', 'came off', 'fell apart', 'split open', 'started leaking', 'leaks', 'won\'t turn on',
  'won\'t charge', 'doesn\'t connect', 'keeps disconnecting', 'keeps crashing', 'freezes', 'shuts off by itself', 'overheats',
  'smells of burning', 'is missing', 'never arrived', 'arrived damaged', 'arrived open', 'was the wrong size', 'was the wrong colour',
  'was charged twice', 'got declined', 'got blocked', 'logs me out', 'shows an error', 'is stuck on loading', 'drains in an hour',
  'rattles', 'wobbles', 'peeled off', 'rusted', 'went mouldy', 'tastes of plastic', 'is half empty', 'came without the parts',
  'was cancelled without notice', 'is still not fixed', 'has not been refunded', 'was delayed again', 'failed again',
  'deleted everything', 'lost my data', 'flickers nonstop', 'dies at half charge', 'buffers every few minutes', 'snapped clean off',
  'flooded the floor', 'jammed again', 'only works on one side', 'came back broken from repair',
];
const WHEN = [
  '', '', 'after a week', 'after two days', 'on day one', 'the first time I used it', 'since the update', 'since yesterday',
  'again today', 'three times this month', 'within an hour', 'after one wash', 'every morning', 'every time I open it',
  'a month after buying it', 'since you changed it', 'this morning', 'twice now',
];
const FOLLOW = ['', '', '', 'anyone else?', 'what do I do now?', 'is this normal?', 'who do I contact?', 'any help?', 'order number sent by dm'];

const NEUTRAL_DOINGS = [
  'works fine', 'arrived today', 'is charging now', 'looks nice', 'fits well', 'came in a box', 'is on the table', 'is blue',
  'has a long cable', 'takes two minutes', 'is easy to clean', 'was a gift', 'is in the sale', 'is back in stock', 'connects to my phone',
  'comes in three sizes', 'got an update', 'is in my bag', 'is quiet', 'is bigger than I thought', 'lasts all day', 'folds flat',
];
const NEUTRAL_FRAMES = [
  'just got {thing}, {doing}', '{thing} {doing} {when}', 'ok so {thing} {doing}', 'new setup: {thing} {doing}',
  'which colour should I pick for {thing}?', 'does {thing} work with other models?', 'how long does {thing} take to ship?',
  'unboxing {thing} tonight', 'photo of {thing} on my desk', 'is {thing} worth it?', 'thinking about getting {thing}',
  '{thing} {doing}, pretty good', 'finally ordered {thing}', 'tried {thing} for the first time today',
];
const NEUTRAL_WHEN = ['', '', 'after a week', 'today', 'this morning', 'since yesterday', 'every morning', 'on day one', 'the first time I used it'];

/** Sarcasm: the same faults told with praise ("love how the lid cracked on day one"). */
const SARCASTIC_FRAMES = [
  'love how {thing} {problem} {when}', 'great job, {thing} {problem} {when}', '{thing} {problem} {when}. fantastic',
  'wow {thing} {problem} {when}, amazing quality', 'thanks so much, {thing} {problem} {when}', 'brilliant, {thing} {problem} {when}',
  'nothing says quality like when {thing} {problem} {when}', 'so glad {thing} {problem} {when}, really', 'gotta love it when {thing} {problem}',
  'perfect, just perfect. {thing} {problem} {when}', 'best purchase ever, {thing} {problem} {when}', 'awesome, {thing} {problem} {when} 🙃',
  'so happy {thing} {problem} {when}', 'really impressed that {thing} {problem} {when}', 'cheers, {thing} {problem} {when}, very cool',
  'what a treat, {thing} {problem} {when}', '10/10 would recommend if you like when {thing} {problem}', 'glad I paid extra so {thing} {problem} {when}',
];
/**
 * Good outcomes told in a problem's words (service, repair, time, "never"): sincere praise
 * that carries the contrast cue too, so the cue alone does not read as sarcasm.
 */
const GOOD_OUTCOMES = [
  'got replaced the next day', 'was refunded within an hour', 'has never failed once', 'has had zero issues in three years',
  'survived being dropped twice', 'still runs like new', 'got fixed on the first call', 'was delivered a day early',
  'has not crashed since I got it', 'came back repaired in two days', 'never leaks', 'keeps working every single day',
  'was sorted by support in minutes', 'arrived before the promised date', 'had its problem fixed by the update',
];
/** Sincere praise in the same frames' words, so praise alone does not read as sarcasm. */
const PRAISE_FRAMES = [
  'love how {thing} {doing}', 'great job, {thing} {doing}', '{thing} {doing}. fantastic', 'wow {thing} {doing}, amazing quality',
  'thanks so much, {thing} {doing}', 'best purchase ever, {thing} {doing}', 'awesome, {thing} {doing} 🙌', 'perfect, {thing} {doing}',
];

export interface AugmentedText {
  text: string;
  label: 0 | 1;
  fold: number;
  /** The sarcastic complaints and the sincere praise written in the same frames. */
  kind?: 'sarcastic' | 'praise';
}

/** `n` complaints and `n` everyday posts, seeded, with folds 0–9 like the shared sets'. */
export function augmentedComplaintTexts(n: number, seed = 20261201): AugmentedText[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: AugmentedText[] = [];
  for (let i = 0; i < n; i++) {
    const complaint = [pick(THINGS), pick(PROBLEMS), pick(WHEN), pick(FOLLOW)].filter(Boolean).join(' ');
    out.push({ text: maybeCapitalise(complaint, random), label: 1, fold: i % 10 });
    const frame = pick(NEUTRAL_FRAMES);
    const chatter = frame.replace('{thing}', pick(THINGS)).replace('{doing}', pick(NEUTRAL_DOINGS)).replace('{when}', pick(NEUTRAL_WHEN)).replace(/\s+/g, ' ').trim();
    out.push({ text: maybeCapitalise(chatter, random), label: 0, fold: i % 10 });
    if (i % 4 !== 0) continue;
    // one in four pairs: a sarcastic complaint and sincere praise in the same frames
    const sarcastic = pick(SARCASTIC_FRAMES).replace('{thing}', pick(THINGS)).replace('{problem}', pick(PROBLEMS)).replace('{when}', pick(WHEN)).replace(/\s+/g, ' ').trim();
    out.push({ text: maybeCapitalise(sarcastic, random), label: 1, fold: i % 10, kind: 'sarcastic' });
    const doing = random() < 0.5 ? pick(NEUTRAL_DOINGS) : pick(GOOD_OUTCOMES);
    const praise = pick(PRAISE_FRAMES).replace('{thing}', pick(THINGS)).replace('{doing}', doing).replace(/\s+/g, ' ').trim();
    out.push({ text: maybeCapitalise(praise, random), label: 0, fold: i % 10, kind: 'praise' });
  }
  return out;
}

function maybeCapitalise(text: string, random: () => number): string {
  return random() < 0.5 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
