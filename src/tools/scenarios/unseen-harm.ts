import { lastDays, steady, type Scenario } from './generate.js';

/**
 * Two harm reports in words the training sets do not hold (issue 31), each beside a bigger
 * positive spike, a steady complaint and a spammer. The posts say what happened, plainly,
 * the way worried parents and pet owners write: few complaint cues and little sentiment.
 * The report must rank them first as issues and mark them safety.
 */

/** Kids' night lights: a low-volume overheating hazard (at most 10 posts a day) beside a sound machine launch. */
export function nightLightHeatScenario(end: Date): Scenario {
  return {
    brand: 'Moonbeam Kids', handle: '@MoonbeamKids', products: ['Glow Owl', 'Glow Owl mini', 'Starry Dome'], end, days: 21, seed: 3101,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(40),
        cores: ['the {brand} {product} is on every night in the nursery', 'which colour setting do you use on the {brand} {product}?', 'got the {brand} {product} for my nephew',
          'does the {brand} {product} have a timer?', 'our toddler says goodnight to the {brand} {product} every night', '{brand} {product} or a plug in one for a 2 year old?',
          'the {brand} {product} came in such a cute box', 'moving the {brand} {product} to the big girl room this week', 'how long does the {brand} {product} battery last?',
          'bedtime routine: bath, book, {brand} {product} on', 'the {brand} {product} is a nice soft glow, not too bright', 'is the {brand} {product} usb or mains?'],
      },
      {
        name: 'support', authors: 500, perDay: steady(8),
        cores: ['emailed {brand} about a missing cable two weeks ago, no reply', '{brand} support still has not answered my email', 'waiting on a reply from {brand} for days now',
          'nobody at {brand} answers the chat', '{brand} customer service takes forever to reply'],
        closers: ['', ' 🙄', '.', ' ugh'],
      },
      {
        name: 'sheep', authors: 800, perDay: lastDays([90, 110]), engagement: 40,
        cores: ['the new {brand} Sleepy Sheep sound machine is adorable', 'Sleepy Sheep from {brand} got my son to sleep in ten minutes, magic',
          'obsessed with the {brand} Sleepy Sheep, the rain sound is perfect', '{brand} Sleepy Sheep arrived and it is the cutest thing',
          'bought the {brand} Sleepy Sheep for a baby shower, everyone loved it', 'the {brand} Sleepy Sheep is a lifesaver at bedtime',
          'first night with the {brand} Sleepy Sheep and nobody woke up, unreal'],
        closers: ['', ' 😍', ' 🐑', '!', ' #SleepySheep', ' ❤️'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30]), verbatim: true, cores: ['cheap {brand} night lights 80% off at nitelite-deals dot shop DM now 🎁🎁'] },
      {
        name: 'heat', authors: 300, perDay: lastDays([1, 3, 7, 10]), engagement: 20,
        cores: ['the {brand} {product} gets too hot to touch after an hour', 'my daughter touched the {brand} {product} and burned her finger, it was that hot',
          'the plastic on our {brand} {product} went soft and bent out of shape overnight', 'woke up to a burning plastic smell in the nursery, it was the {brand} {product}',
          'the {brand} {product} was hot and the plastic round the bulb had melted a bit', 'unplugged the {brand} {product} this morning, the back was so hot i nearly dropped it',
          'is the {brand} {product} meant to get this hot? the base is scorching', 'our {brand} {product} has a brown scorch mark on the base where it got hot',
          'the {brand} {product} in the boys\' room smelled like melting plastic and was really hot', 'my toddler got a small burn on her hand from the {brand} {product}',
          'the {brand} {product} plug was hot and the case had melted near the socket', 'took the {brand} {product} away from the cot, it gets hot enough to melt the plastic'],
        openers: ['', '', '', 'ok so', 'just a heads up,', 'parents:', 'um', 'not sure who to tell but', 'fyi', 'so'],
        closers: ['', '', '.', ' is this normal?', ' has anyone else had this?', ' photos in replies', ' we have stopped using it', ' bought in october', ' 😟'],
      },
    ],
  };
}

/** Dog food: a batch that makes dogs sick, rising to ~28 posts a day, beside a shelter donation campaign. */
export function dogFoodIllnessScenario(end: Date): Scenario {
  return {
    brand: 'Barkwell', handle: '@BarkwellPets', products: ['chicken and rice kibble', 'lamb kibble', 'puppy kibble', 'salmon kibble'], end, days: 21, seed: 3104,
    streams: [
      {
        name: 'chatter', authors: 900, perDay: steady(45),
        cores: ['my lab goes mad for {brand} {product} at dinner', 'switching the pup to {brand} {product} this week', 'how much {brand} {product} for a 25kg dog?',
          'stocked up on {brand} {product} at the pet shop', 'the {brand} {product} bag fits perfectly in the storage tub', 'does {brand} do a senior version of the {product}?',
          'walkies then a bowl of {brand} {product}', '{brand} {product} or raw feeding, thoughts?', 'our spaniel is fussy but eats {brand} {product}',
          'subscription box of {brand} {product} arrived', 'mixing a bit of {brand} {product} with some chicken for the old boy'],
      },
      {
        name: 'price', authors: 500, perDay: steady(8),
        cores: ['{brand} {product} went up by four quid again', 'the {brand} subscription price keeps creeping up', '{brand} {product} is getting so expensive now',
          'another price rise on {brand} {product}, seriously'],
        closers: ['', ' 😒', '.', ' ugh'],
      },
      {
        name: 'shelter', authors: 800, perDay: lastDays([100, 120]), engagement: 40,
        cores: ['{brand} is donating a bowl for every bag to the rescue shelter, love this', 'so proud of {brand} for the shelter donations this week',
          'the {brand} Shelter Week video made me cry, beautiful', 'buying {brand} this week because of the shelter donations',
          '{brand} Shelter Week: ten thousand meals for rescue dogs, amazing', 'my rescue dog says thank you {brand} for Shelter Week'],
        closers: ['', ' 🐶', ' ❤️', '!', ' #ShelterWeek'],
      },
      { name: 'spammer', authors: 1, perDay: lastDays([30, 30]), verbatim: true, cores: ['FREE dog food coupons for {brand} fans!! follow and DM 🐕🐕🐕'] },
      {
        name: 'sick', authors: 500, perDay: lastDays([3, 9, 20, 28]), engagement: 30,
        cores: ['my dog threw up all night after the new bag of {brand} {product}', 'both dogs have had diarrhoea since we opened a new bag of {brand} {product}',
          'vet thinks the {brand} {product} made my dog sick, she has been vomiting since monday', 'my spaniel will not eat and keeps being sick, only change was a new bag of {brand} {product}',
          'new bag of {brand} {product} smells off and my dog was sick after one bowl', 'our puppy has been lethargic and vomiting since the new {brand} {product}, at the vet now',
          'third dog at our park this week that got sick after {brand} {product}', 'the {brand} {product} from the latest batch made my dog ill',
          'dog was sick twice this morning, we started a new bag of {brand} {product} on friday', 'is anyone else\'s dog ill after {brand} {product}? mine has been sick all day',
          'vet bill of 300 after my dog got sick on {brand} {product}'],
        openers: ['', '', '', 'dog owners:', 'warning:', 'ok', 'please read', 'hmm', 'so'],
        closers: ['', '', '.', ' bag code ends 0412', ' anyone else?', ' 😢', ' vet tomorrow', ' we have stopped feeding it', ' photos of the bag in the thread'],
      },
    ],
  };
}
