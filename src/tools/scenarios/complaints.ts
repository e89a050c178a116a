import { lastDays, steady, type Scenario } from './generate.js';

/**
 * Three scenarios whose emerging problem is told mostly without sentiment words — the
 * posts say what broke, not how the writer feels — each beside a bigger positive spike
 * and a steady complaint. A detector that decides "issue or trend" by negative share
 * alone files these problems as rising trends.
 */

/** Electronics: a charging-case fault after a firmware update, beside a colour launch. */
export function earbudDefectScenario(end: Date): Scenario {
  return {
    brand: 'Volt Audio', handle: '@VoltAudio', products: ['Pods 3', 'Pods 3 Pro', 'Studio headphones'], end, days: 28, seed: 31,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(45),
        cores: ['listening to a podcast on my {brand} {product}', 'the {brand} {product} case fits in my coin pocket', 'paired the {brand} {product} with my laptop',
          'which ear tips come with the {brand} {product}?', 'my {brand} {product} on the morning run', 'got the {brand} {product} for my brother',
          'the {brand} {product} noise cancelling on the train', 'is the {brand} app needed for the {product}?', 'wearing my {brand} {product} at the gym'],
      },
      {
        name: 'shipping', authors: 500, perDay: steady(8),
        cores: ['my {brand} order is still not shipped', '{brand} delivery is taking ages again', 'still waiting for the {brand} parcel, slow as usual'],
        closers: ['', ' ugh', ' 🙄', '.'],
      },
      {
        name: 'colour', authors: 800, perDay: lastDays([120, 95]), engagement: 40,
        cores: ['the new {brand} {product} in sage green looks stunning', 'love the sage green {brand} {product}', 'sage green {brand} {product} ordered, gorgeous colour',
          'that sage green {brand} drop is beautiful', 'finally a sage green {brand} {product}, so pretty'],
        closers: ['', ' 😍', '!', ' ❤️'],
      },
      {
        name: 'case', authors: 500, perDay: lastDays([3, 14, 30]), engagement: 30,
        cores: ['my {brand} {product} case stopped charging after the firmware update', 'the {brand} {product} charging case no longer holds a charge since the update',
          'left earbud of my {brand} {product} does not charge in the case anymore', '{brand} {product} case light blinks orange and the buds stay at 0%',
          'after the firmware update my {brand} {product} case drains overnight', 'is the {brand} {product} charging case fixed in the next firmware?',
          'case of my {brand} {product} will not charge since the update yesterday'],
        closers: ['', '.', ' anyone else?', ' any fix?', ' order 55812'],
      },
    ],
  };
}

/** Food: a recipe change that tastes of soap and leaves hard bits, beside a new flavour. */
export function granolaQualityScenario(end: Date): Scenario {
  return {
    brand: 'Harvest Oats', handle: '@HarvestOats', products: ['granola', 'oat bars', 'porridge pots'], end, days: 28, seed: 37,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(40),
        cores: ['{brand} {product} with yoghurt for breakfast', 'packed some {brand} {product} for the hike', 'the kids had {brand} {product} before school',
          'is {brand} {product} gluten free?', 'picked up {brand} {product} at the corner shop', '{brand} {product} and a coffee at my desk',
          'where is {brand} {product} in the supermarket now?', 'a bowl of {brand} {product} after the gym'],
      },
      {
        name: 'price', authors: 500, perDay: steady(7),
        cores: ['{brand} {product} went up in price again', '{brand} {product} is getting expensive', 'pricey {brand} {product} this week, annoying'],
        closers: ['', ' 😒', '.'],
      },
      {
        name: 'flavour', authors: 800, perDay: lastDays([110, 100]), engagement: 40,
        cores: ['the new {brand} maple pecan {product} is delicious', 'maple pecan {brand} {product} is amazing', 'obsessed with the {brand} maple pecan {product}',
          '{brand} maple pecan {product} is the best thing this year', 'tried the maple pecan {brand} {product}, lovely'],
        closers: ['', ' 😋', '!', ' 🤤'],
      },
      {
        name: 'soap', authors: 500, perDay: lastDays([4, 15, 28]), engagement: 30,
        cores: ['the {brand} {product} tastes of soap since the new recipe', 'new recipe {brand} {product} has a soapy aftertaste',
          'found hard bits in my {brand} {product}, nearly cracked a tooth', 'my {brand} {product} from this week tastes like soap',
          'the new {brand} recipe {product} leaves a soapy taste', 'two bags of {brand} {product} with hard bits in them this week',
          'did {brand} change the {product} recipe? it tastes of soap now'],
        closers: ['', '.', ' batch L2291', ' anyone else?', ' returning it'],
      },
    ],
  };
}

/** Service: the banking app logs people out and transfers hang, beside a cashback offer. */
export function bankOutageScenario(end: Date): Scenario {
  return {
    brand: 'Northway Bank', handle: '@NorthwayBank', products: ['app', 'current account', 'savings account'], end, days: 21, seed: 41,
    streams: [
      {
        name: 'chatter', authors: 700, perDay: steady(35),
        cores: ['opened a {brand} {product} this week', 'moved my salary to the {brand} {product}', 'the {brand} {product} round-up feature is handy',
          'does the {brand} {product} work abroad?', 'set up a standing order in the {brand} {product}', 'my {brand} card arrived in the post',
          'what is the interest on the {brand} {product}?'],
      },
      {
        name: 'phone', authors: 400, perDay: steady(7),
        cores: ['on hold with {brand} for forty minutes again', '{brand} phone line keeps me waiting every time', 'the {brand} helpline queue is so slow'],
        closers: ['', ' 😤', '.'],
      },
      {
        name: 'cashback', authors: 700, perDay: lastDays([100, 90]), engagement: 40,
        cores: ['{brand} cashback weekend is brilliant', 'got 10% cashback from {brand}, great deal', 'love the {brand} cashback offer',
          'the {brand} cashback weekend made my shopping cheaper, amazing', '{brand} cashback is the best perk'],
        closers: ['', ' 🎉', '!', ' 💸'],
      },
      {
        name: 'outage', authors: 500, perDay: lastDays([5, 18, 32]),
        cores: ['the {brand} {product} logs me out every two minutes', '{brand} {product} transfer has been pending since this morning',
          'cannot see my balance in the {brand} {product} since the update', 'the {brand} {product} keeps logging me out at the payment screen',
          'my {brand} transfer is stuck on processing for six hours', '{brand} {product} shows a blank screen after login today',
          'is the {brand} {product} down? it logs me out straight away'],
        closers: ['', '.', ' anyone else?', ' rent is due today', ' help'],
      },
    ],
  };
}
