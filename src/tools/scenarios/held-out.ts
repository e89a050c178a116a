import { lastDays, rampUp, steady, type Scenario } from './generate.js';

/**
 * Held-out scenarios for `npm run bench:detect` (issue 25): written before the detector was
 * tuned on the others and never tuned on, so their figures say how the tuning carries over.
 * Their vocabulary shares nothing with the tuned scenarios.
 */

/**
 * An e-bike maker: the charger stops charging after an app update, said plainly by a few
 * riders a day and rising (2, 4, 7, 11 posts a day), beside a bigger, positive trail-ride
 * event, a steady delivery grumble and a link spammer.
 */
export function ebikeChargerScenario(end: Date): Scenario {
  return {
    brand: 'Voltrider', handle: '@VoltriderBikes', products: ['Commuter 2', 'Cargo', 'Fold S'], end, days: 21, seed: 4201,
    streams: [
      {
        name: 'bikechat', authors: 900, perDay: steady(42),
        cores: ['rode the {brand} {product} to work in twenty minutes', 'which saddle fits the {brand} {product} best?', 'the {brand} {product} climbs our hill easily',
          'fitted a rear rack on the {brand} {product}', 'first week commuting on a {brand} {product}', 'the {brand} {product} folds into the car boot',
          'what tyre pressure for the {brand} {product}?', 'took the kids to school on the {brand} {product}', 'the {brand} {product} range is about 60 km for me',
          'is the {brand} {product} ok in the rain?', 'service booked for my {brand} {product}'],
      },
      {
        name: 'delivery', authors: 400, perDay: steady(7),
        cores: ['still waiting for my {brand} {product} to be delivered', '{brand} delivery date moved again for my {product}', 'no tracking yet on my {brand} order',
          '{brand} order stuck in the warehouse for two weeks'],
        closers: ['', ' 🙄', '.', ' ugh'],
      },
      {
        name: 'trailday', authors: 800, perDay: lastDays([80, 100]), engagement: 35,
        cores: ['the {brand} trail day in the forest was brilliant', 'met so many riders at the {brand} trail day, great vibe', 'the {brand} trail day route through the hills was stunning',
          'tried the new {brand} mountain model at the trail day, wow', '{brand} trail day: free coffee, sunshine and bikes', 'best sunday in ages at the {brand} trail day'],
        closers: ['', ' 🚲', ' ☀️', '!', ' #TrailDay'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([25, 25]), verbatim: true, cores: ['{brand} batteries half price at ebike-parts dot shop, link in bio 🔋🔋'] },
      {
        name: 'charger', authors: 400, perDay: lastDays([2, 4, 7, 11]), engagement: 15,
        cores: ['since the app update my {brand} {product} charger light stays orange and the battery does not charge',
          'plugged the {brand} {product} in overnight and it charged to 0 percent, the charger just blinks',
          'the {brand} charger clicks on and off and the {product} battery never fills up after the update',
          'my {brand} {product} will not charge any more, tried two sockets and the charger blinks orange',
          'after updating the {brand} app the {product} battery stopped charging, stuck at 12 percent',
          'the {brand} {product} charger gets warm but the battery stays empty since tuesday',
          'anyone else whose {brand} {product} stopped charging after the app update?',
          'the charger for my {brand} {product} blinks orange all night and nothing charges'],
        openers: ['', '', '', 'hmm', 'ok so', 'riders:', 'quick one,', 'so'],
        closers: ['', '', '.', ' anyone else?', ' no ride today', ' ticket open', ' 😕', ' walked to work'],
      },
    ],
  };
}

/**
 * A control: a pottery supplier with a busy glaze sale, a steady complaint about slow
 * kilns that never grows, and a new product's slow ramp of questions; nothing is going
 * wrong, so any issue at any hour is a false alarm.
 */
export function potteryControlScenario(end: Date): Scenario {
  return {
    brand: 'Claywell', handle: '@ClaywellStudio', products: ['stoneware clay', 'glaze kit', 'small kiln'], end, days: 21, seed: 4202,
    streams: [
      {
        name: 'potchat', authors: 700, perDay: steady(38),
        cores: ['threw six bowls with {brand} {product} tonight', 'the {brand} {product} fires nicely at cone 6', 'first mug from {brand} {product}, so proud',
          'how long should {brand} {product} dry before trimming?', 'ordered more {brand} {product} for the class', 'the {brand} {product} colour came out deep blue',
          'wedging {brand} {product} is a good arm workout', 'any tips for {brand} {product} on the wheel?'],
      },
      {
        name: 'kiln', authors: 300, perDay: steady(6),
        cores: ['the {brand} small kiln takes forever to cool down', '{brand} kiln firing took eleven hours again', 'wish the {brand} small kiln heated up faster'],
        closers: ['', ' 😩', '.', ' meh'],
      },
      {
        name: 'sale', authors: 700, perDay: lastDays([60, 90, 70]), engagement: 30,
        cores: ['the {brand} glaze sale is on, stocked up on celadon', 'grabbed three {brand} glazes in the sale, bargain', '{brand} sale: the speckled glaze is finally back',
          'the {brand} glaze sale made my week', 'new {brand} glaze colours in the sale look gorgeous'],
        closers: ['', ' 🏺', '!', ' #glazesale'],
      },
      {
        name: 'wheelq', authors: 500, perDay: rampUp(0, 8, 14),
        cores: ['does the new {brand} mini wheel fit on a desk?', 'is the {brand} mini wheel quiet enough for a flat?', 'thinking of the {brand} mini wheel for my daughter',
          'how strong is the {brand} mini wheel motor?'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([20, 20, 20]), verbatim: true, cores: ['win a free {brand} kiln!! follow and retweet 🔥🔥'] },
    ],
  };
}
