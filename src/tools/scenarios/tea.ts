import { lastDays, steady, type Scenario, type Stream } from './generate.js';

/** Everyday chatter about a tea brand: many authors, many words, mostly mild. */
export const teaChatter: Stream = {
  name: 'chatter', authors: 900, perDay: steady(60),
  cores: [
    'having a cup of {brand} {product} this morning', '{brand} {product} is my go-to after lunch',
    'just restocked {brand} {product}', 'anyone tried the {brand} {product}?', '{brand} {product} with honey, perfect rainy day',
    'my mum swears by {brand} {product}', 'switched from coffee to {brand} {product} this month',
    'the {brand} {product} smells amazing', 'reading and sipping {brand} {product}', '{brand} {product} iced is underrated',
    'bought {brand} {product} at the supermarket', 'which {brand} tea should I get next?', '{brand} {product} and a biscuit',
    'the caddy of {brand} {product} on my desk is nearly empty', '{brand} {product} tastes a bit different lately?',
    'brewing {brand} {product} for the office', 'two minutes steep for {brand} {product}, not more',
  ],
};

export const teaProducts = ['Earl Grey', 'green tea', 'chamomile', 'rooibos', 'peppermint', 'English Breakfast', 'chai', 'lemon and ginger'];

/** The four weeks before the demo's end, with the story the README tells. */
export function teaDemoScenario(end: Date): Scenario {
  const streams: Stream[] = [
    teaChatter,
    {
      name: 'delivery', authors: 600, perDay: steady(14),
      cores: ['my {brand} order still has not arrived', '{brand} delivery took two weeks again', 'courier lost my {brand} parcel',
        'still waiting on my {brand} delivery, no tracking update', '{brand} shipping is so slow', 'late delivery from {brand} again, annoying'],
      closers: ['', ' 😤', ' #fail', ' ugh', '.'],
    },
    {
      name: 'launch', authors: 700, perDay: lastDays([110, 90]), engagement: 40,
      cores: ['the new {brand} Oolong Reserve is gorgeous', 'loving the new {brand} Oolong Reserve blend', '{brand} Oolong Reserve launch day! so good',
        'just tried {brand} Oolong Reserve, wonderful', 'Oolong Reserve from {brand} is my new favourite', 'ordered the {brand} Oolong Reserve gift tin, beautiful'],
      closers: ['', ' 😍', ' ❤️', ' #OolongReserve', '!'],
    },
    {
      name: 'spam', authors: 1, perDay: lastDays([30, 30]), verbatim: true,
      cores: ['{brand} tea is a SCAM total ripoff DM me for cheap followers'],
    },
    {
      name: 'plastic', authors: 500, perDay: lastDays([4, 16, 34]), engagement: 60,
      cores: ['why is there plastic in your {brand} tea bags??', 'just learned {brand} tea bags contain plastic', 'microplastics in {brand} tea bags, seriously?',
        '{brand} your tea bags are sealed with plastic, this is gross', 'cut open a {brand} tea bag and found plastic mesh',
        'are {brand} tea bags plastic free or not?', 'no more {brand} until the tea bags are plastic free', 'plastic in tea bags from {brand}, really disappointed'],
      closers: ['', ' 😡', ' #plasticfree', ' not buying again', ' 🤢', '.'],
    },
  ];
  return { brand: 'Kettleby Tea', handle: '@KettlebyTea', products: teaProducts, end, days: 28, streams, seed: 20261120 };
}

/**
 * The demo's rival, a third of Kettleby's size: everyday chatter, posts that name both
 * brands (found by either brand's query, counted for both), and over the last three days a
 * wave of problem reports told without sentiment words — the caddy lid that cracks. For
 * Brindle an emerging issue; for Kettleby, whose team watches rivals, an opportunity.
 */
export function rivalDemoScenario(end: Date): Scenario {
  const streams: Stream[] = [
    {
      name: 'brindle chat', authors: 300, perDay: steady(20),
      cores: ['a pot of {brand} {product} for the afternoon', '{brand} {product} is lovely with oat milk', 'picked up {brand} {product} on the way home',
        'is {brand} {product} worth it?', '{brand} {product} before bed', 'the {brand} {product} tin looks great on the shelf',
        'first time trying {brand} {product}', '{brand} {product} on a cold morning'],
    },
    {
      name: 'both brands', authors: 250, perDay: steady(6),
      cores: ['{brand} or Kettleby Tea for {product}? cannot decide', 'Kettleby Tea vs {brand} {product}, a taste test', 'went back to Kettleby Tea after a month of {brand}',
        'switched from Kettleby Tea to {brand} {product}', 'my flatmate buys {brand}, I buy Kettleby Tea', '{brand} {product} is cheaper than Kettleby Tea'],
    },
    {
      name: 'lid', authors: 200, perDay: lastDays([3, 9, 18]), engagement: 20,
      cores: ['the lid on my {brand} caddy cracked the first time I opened it', '{brand} caddy lid snapped off on day two',
        'the hinge on the new {brand} tea caddy broke after a week', 'my {brand} caddy lid will not close any more, the hinge came loose',
        'second {brand} caddy this month with a cracked lid', 'the {brand} caddy lid split along the hinge'],
      closers: ['', '', '.', ' again', ' anyone else?'],
    },
  ];
  return { brand: 'Brindle Tea', handle: '@BrindleTea', products: teaProducts, end, days: 28, streams, seed: 20261121 };
}

/**
 * Kettleby's customers' ideas over the four weeks (issue 29): a steady trickle asking for
 * refill pouches, and fewer for decaf, among the chatter. Its own scenario, generated after
 * the rival's, so the posts before it keep their ids and sources.
 */
export function ideasDemoScenario(end: Date): Scenario {
  const streams: Stream[] = [
    {
      name: 'ideas', authors: 150, perDay: steady(3),
      cores: ['please sell {brand} {product} in refill pouches for the caddy', '{brand} should do refill pouches, the tins pile up',
        'would love refill pouches of {brand} {product}, less packaging', 'please bring back the {brand} refill pouches',
        '{brand} you need refill pouches for {product}', 'would love a decaf {brand} {product}', 'please add a decaf version of {brand} {product}'],
      openers: ['', '', 'Suggestion:', 'Idea:', 'Hey'],
      closers: ['', '', ' 🙏', ' please!', '.'],
    },
  ];
  return { brand: 'Kettleby Tea', handle: '@KettlebyTea', products: teaProducts, end, days: 28, streams, seed: 20261122 };
}
