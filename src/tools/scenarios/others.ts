import { lastDays, rampUp, steady, type Scenario, type Stream } from './generate.js';

/** Detection scenarios beyond the demo, each with its own vocabulary and shape. */

const phoneChatter: Stream = {
  name: 'phonechat', authors: 800, perDay: steady(50),
  cores: ['just got the {brand} {product}, camera is nice', 'the {brand} {product} screen looks sharp', 'setting up my new {brand} {product}',
    '{brand} {product} or something else for my dad?', 'case recommendations for the {brand} {product}?', 'the {brand} {product} photos at night are decent',
    'moved all my apps to the {brand} {product}', 'the {brand} {product} fits my pocket well', 'is the {brand} {product} worth it this year?',
    'my {brand} {product} update finished overnight', 'watching videos on the {brand} {product} on the train'],
};

/** An issue that grows slowly over two weeks instead of exploding. */
export function slowGrowthScenario(end: Date): Scenario {
  return {
    brand: 'Nimbus', handle: '@NimbusPhones', products: ['Nimbus 7', 'Nimbus 7 Pro', 'Nimbus Mini'], end, days: 28, seed: 11,
    streams: [phoneChatter, {
      name: 'battery', authors: 700, perDay: rampUp(1, 16, 13),
      cores: ['my {brand} {product} battery drains by lunchtime', 'battery drain on the {brand} {product} since the update', '{brand} {product} battery life is terrible now',
        'anyone else seeing battery drain on {brand} {product}?', 'the {brand} {product} battery dies way too fast'],
      closers: ['', ' 😠', ' #batterydrain', ' ugh', '.'],
    }],
  };
}

const bankChatter: Stream = {
  name: 'bankchat', authors: 600, perDay: steady(35),
  cores: ['opened a {brand} {product} today', 'the {brand} {product} interest rate is fine', 'paid rent with my {brand} {product}',
    '{brand} {product} card arrived quickly', 'moving my savings to a {brand} {product}', 'the {brand} {product} spending chart is handy',
    'does the {brand} {product} work abroad?', 'split the bill with {brand} {product} friends', 'set a budget in the {brand} app'],
};

/** A small issue that is entirely new: a handful of distinct customers, none before. */
export function smallNewIssueScenario(end: Date): Scenario {
  return {
    brand: 'Lumen Bank', handle: '@LumenBank', products: ['current account', 'savings pot', 'credit card'], end, days: 21, seed: 23,
    streams: [bankChatter, {
      name: 'login', authors: 400, perDay: lastDays([3, 5]),
      cores: ['{brand} app login fails with error 503', 'cannot log in to {brand}, error 503 every time', 'error 503 on {brand} login page since this morning',
        '{brand} login broken? error 503'],
      closers: ['', ' 😤', ' help', '.'],
    }],
  };
}

const shoeChatter: Stream = {
  name: 'shoechat', authors: 700, perDay: steady(45),
  cores: ['new {brand} {product} for my morning run', 'the {brand} {product} fit true to size', 'ran 10k in my {brand} {product}',
    '{brand} {product} colours this season are bold', 'comfy {brand} {product} for the office', 'the {brand} {product} sole grips well in rain',
    'which {brand} trainers for flat feet?', 'my {brand} {product} lasted two years'],
};

/** A spike made only of one spammer and a copy-paste storm: nothing to report. */
export function spamOnlyScenario(end: Date): Scenario {
  return {
    brand: 'Orbit Shoes', handle: '@OrbitShoes', products: ['Racer', 'Trail Pro', 'Cloudstep'], end, days: 21, seed: 37,
    streams: [shoeChatter,
      { name: 'spammer', authors: 1, perDay: lastDays([45, 45]), cores: ['{brand} is a scam, fake refund, never arrived, avoid avoid avoid'] },
      { name: 'storm', authors: 300, perDay: lastDays([20, 40]), verbatim: true, cores: ['RT @angryguy: {brand} counterfeit scam warehouse exposed'] },
    ],
  };
}

/** A quiet week: ordinary chatter only. */
export function quietScenario(end: Date): Scenario {
  return { brand: 'Orbit Shoes', handle: '@OrbitShoes', products: ['Racer', 'Trail Pro', 'Cloudstep'], end, days: 21, seed: 41, streams: [shoeChatter] };
}

const coffeeChatter: Stream = {
  name: 'coffeechat', authors: 700, perDay: steady(45),
  cores: ['first espresso from my {brand} {product} this morning', 'the {brand} {product} milk frother is quick', 'descaled the {brand} {product} today',
    '{brand} {product} or a grinder first?', 'which beans for the {brand} {product}?', 'the {brand} {product} looks great on the counter',
    'latte art practice on the {brand} {product}', 'my {brand} {product} turned five this year'],
};

/**
 * A petition: about 800 people post one of the same five complaint texts, word for word,
 * within 40 hours — a campaign the brand must see, though every text is a copy — beside
 * a spammer and a retweet storm, which must stay one voice each.
 */
export function petitionScenario(end: Date): Scenario {
  const petition = (text: string): Stream => ({ name: 'petition', authors: 800, perDay: lastDays([55, 105]), verbatim: true, cores: [text] });
  return {
    brand: 'Crema', handle: '@CremaCoffee', products: ['Barista One', 'Barista Duo'], end, days: 21, seed: 41,
    streams: [coffeeChatter,
      petition('Crema, honour the warranty: my Barista One pump failed and you refused the repair. Signed.'),
      petition('I signed the petition. Crema must repair failed Barista pumps under warranty.'),
      petition('Barista pump failed inside the warranty and Crema refused to repair it. Fix this, Crema.'),
      petition('Crema refused my warranty repair for a failed pump. Honour the warranty!'),
      petition('Another failed Barista pump, another refused warranty repair. Crema, do the right thing.'),
      { name: 'spammer', authors: 1, perDay: lastDays([40, 40]), verbatim: true, cores: ['cheap {brand} pods 70% off at crema-deals dot shop DM now'] },
      { name: 'storm', authors: 300, perDay: lastDays([20, 40]), verbatim: true, cores: ['RT @beanbaron: {brand} pods price hike exposed, boycott'] },
    ],
  };
}
