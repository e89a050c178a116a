import { lastDays, rampUp, steady, type Scenario } from './generate.js';

/**
 * Problems told in ways the training sets do not hold (issue 31), in domains unlike the
 * others here, each beside a bigger positive spike, a steady complaint and a spammer; and
 * a control in which nothing emerges. The harm reports are in unseen-harm.ts.
 */

/** Smart locks: a defect wave told with praise words ("love how it locked me out"), beside a Black Friday sale. */
export function smartLockSarcasmScenario(end: Date): Scenario {
  return {
    brand: 'Latchly', handle: '@Latchly', products: ['Bolt', 'Bolt Pro', 'Keypad'], end, days: 21, seed: 3102,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(40),
        cores: ['installed the {brand} {product} on the back door today', 'does the {brand} {product} work with my doorbell cam?', 'the {brand} {product} auto lock at night is handy',
          'gave my mum a code for the {brand} {product}', '{brand} {product} or a normal deadbolt for a rental?', 'changed the batteries in the {brand} {product}',
          'the {brand} app shows who came home, neat', 'setting up guest codes on the {brand} {product} for the dog walker', 'what batteries does the {brand} {product} take?',
          'the {brand} {product} matches our door handle'],
      },
      {
        name: 'fitting', authors: 500, perDay: steady(8),
        cores: ['the {brand} installer cancelled again', 'still waiting for {brand} to book my fitting', '{brand} fitting appointment moved for the third time',
          'nobody from {brand} turned up for the install'],
        closers: ['', ' 😤', '.', ' ugh'],
      },
      {
        name: 'sale', authors: 800, perDay: lastDays([110, 100]), engagement: 40,
        cores: ['{brand} black friday deal, got the {product} for half price', 'half price {brand} {product} in the black friday sale, great deal',
          'love the {brand} black friday offer, bought two', 'the {brand} black friday sale is brilliant, {product} for 99',
          'grabbed the {brand} {product} in the black friday sale, so happy', 'black friday at {brand} is the best one this year'],
        closers: ['', ' 🎉', '!', ' 🛒', ' #BlackFriday'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([35, 35]), verbatim: true, cores: ['follow lockdeals4u for {brand} promo codes and FREE smart locks!!!'] },
      {
        name: 'lockout', authors: 500, perDay: lastDays([5, 18, 36]), engagement: 30,
        cores: ['oh great, since the update the {brand} {product} locked me out of my front door again, fantastic product',
          'love how my {brand} {product} decided after the update that i don\'t live here anymore. locked out in the rain',
          'great job {brand}, stood outside my own front door for an hour because the updated {product} won\'t unlock',
          'fantastic update, the {brand} app says unlocked and the front door is very much locked',
          'brilliant design, since the update the {brand} {product} locks itself and then the keypad goes dead',
          '10/10 would recommend the {brand} {product} if you enjoy paying a locksmith to open your front door',
          'so glad i paid extra for a {brand} {product} that locks me out of my own house. thanks for the update',
          'thanks {brand}, after the firmware update the {product} locks the front door and refuses to open it. amazing',
          'wow {brand}, locked out again, third time this week since the update. truly smart',
          'nothing says smart home like climbing in the window because the {brand} {product} locked the front door',
          'loving the new {brand} update where the {product} just doesn\'t unlock',
          'what a product. the {brand} {product} jammed the front door shut with the kids inside and me outside',
          'best money i ever spent, a {brand} {product} that needs a locksmith every other day since the update'],
        openers: ['', '', '', 'wow.', 'lol', 'oh good', 'cool cool cool', 'honestly', 'well', 'so'],
        closers: ['', '', '.', ' 🙃', ' 👏', ' love that for me', ' #smarthome', ' genius', ' 10/10', ' again'],
      },
    ],
  };
}

/** Broadband: evening drop-outs that rise slowly over a week, beside a speed upgrade launch. */
export function broadbandSlowBurnScenario(end: Date): Scenario {
  return {
    brand: 'Ferrox Fibre', handle: '@FerroxFibre', products: ['Fibre 500', 'Fibre 900', 'Home Hub'], end, days: 21, seed: 3103,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(45),
        cores: ['just switched to {brand} {product}', 'the {brand} {product} setup took ten minutes', 'does {brand} have a social tariff?',
          'upgrading to {brand} {product} next month', 'where do you put the {brand} {product} for the best signal?', 'the {brand} engineer was here by 9',
          '{brand} {product} or the cheaper plan?', 'streaming in 4k on {brand} {product} tonight', 'gaming on {brand} {product} with the lads',
          'how do i change the network name on the {brand} {product}?', 'working from home on {brand} {product} today'],
      },
      {
        name: 'bill', authors: 500, perDay: steady(8),
        cores: ['the {brand} bill went up again', 'price rise from {brand} in the middle of my contract', '{brand} put my bill up by 3 pounds a month',
          'another {brand} price increase, great'],
        closers: ['', ' 😒', '.', ' ugh'],
      },
      {
        name: 'upgrade', authors: 800, perDay: lastDays([45, 55]), engagement: 40,
        cores: ['the new {brand} Fibre 2000 is unreal, 2 gig at home', '{brand} Fibre 2000 upgrade done, downloads are insanely fast',
          'love the {brand} Fibre 2000, games download in seconds', 'got the free {brand} Fibre 2000 upgrade, amazing',
          '{brand} Fibre 2000 speed test: 1900 down, wow', 'Fibre 2000 from {brand} is killer for streaming'],
        closers: ['', ' 🚀', '!', ' 😍', ' #Fibre2000'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30]), verbatim: true, cores: ['{brand} customers get FREE upgrades here!! fibre-free dot link 🔥'] },
      {
        name: 'dropouts', authors: 600, perDay: rampUp(1, 20, 14),
        cores: ['the {brand} connection drops every evening around 8', 'connection keeps cutting out since the {product} update, every 20 minutes in the evening',
          'speed down to 3 mbps in the evenings on {brand} {product}, then the connection goes completely', 'my {brand} {product} light goes red and the connection drops, then back after 5 min',
          'third evening in a row the {brand} connection dropped during my call', '{brand} {product} loses the connection every evening, fine in the morning',
          'is {brand} down again tonight? connection keeps dropping', 'the {brand} connection drops every time i start a video call in the evening',
          'since last week the {brand} {product} drops the connection every evening', '{brand} {product} rebooted itself 6 times this evening, no connection',
          'lost the connection on {brand} four times during the match this evening', 'every evening the same, {brand} connection gone from 7 till 10'],
        openers: ['', '', '', 'again.', 'hmm', 'ok', 'so', 'day 5 of this:', 'right,'],
        closers: ['', '', '.', ' anyone else?', ' in leeds', ' in bristol', ' restarted the hub, no change', ' working from home is fun', ' ticket open', ' 🙄'],
      },
    ],
  };
}

/** A games studio's control: steady chatter, a season launch, a steady lag complaint and a spammer; nothing emerges. */
export function gameLaunchControlScenario(end: Date): Scenario {
  return {
    brand: 'Pixelhaven', handle: '@Pixelhaven', products: ['Starfall', 'Starfall Online', 'Tiny Towns'], end, days: 28, seed: 3105,
    streams: [
      {
        name: 'chatter', authors: 1200, perDay: steady(50),
        cores: ['playing {product} with my brother tonight', 'finally finished the {product} campaign', 'anyone want to squad up in {product}?',
          'the {product} soundtrack is on repeat while i work', 'which class do you main in {product}?', 'got destroyed in {product} ranked lol',
          'is {product} on sale this weekend?', 'built a whole city in {product} over the weekend', '{brand} devs posted the {product} roadmap',
          'my kid is hooked on {product}', 'does {product} have split screen?', 'streaming {product} later'],
      },
      {
        name: 'lag', authors: 500, perDay: steady(8),
        cores: ['{product} servers lag every evening', 'matchmaking in {product} takes forever', 'still getting disconnected from {product} in the evenings',
          '{product} lag is so bad at peak times'],
        closers: ['', ' 😤', '.', ' fix it pls'],
      },
      {
        name: 'season', authors: 900, perDay: lastDays([30, 90, 120, 130, 110]), engagement: 40,
        cores: ['{brand} season 4 is out and it is amazing', 'the new map in {brand} season 4 is gorgeous', 'season 4 of Starfall is so good',
          'the season 4 soundtrack from {brand} is killer', 'season 4 boss fight is brutal and i love it', 'playing the {brand} season 4 update all night',
          'the season 4 skins from {brand} are beautiful', 'best {brand} update ever, season 4 rocks'],
        closers: ['', ' 🔥', '!', ' 😍', ' #Season4'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([20, 40, 40, 40, 40]), verbatim: true, cores: ['cheap {product} coins and accounts, DM me, fast delivery 💰💰'] },
    ],
  };
}
