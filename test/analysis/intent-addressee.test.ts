import { describe, expect, it } from 'vitest';
import { suggestionAddressee } from '../../src/analysis/intent/addressee.js';

// Written for this test (not the probe rows): who each suggestion is meant for.
const CASES: Array<[string, 'brand' | 'customers' | 'unclear']> = [
  ['@Kettleby please add a keep-warm setting', 'brand'],
  ['you should sell the filters in a six pack', 'brand'],
  ['wish they still made the copper one', 'brand'],
  ['the cafe really needs more seats by the window', 'brand'],
  ['management should sort the heating in room 12', 'brand'],
  ['would be great if the app remembered my last order', 'brand'],
  ['bring back the pistachio one pls', 'brand'],
  ['let us pay with the gift card online', 'brand'],
  ['dark mode pls', 'brand'],
  ['ask for a table upstairs, it is much quieter', 'customers'],
  ['bring a jumper, the boat gets cold', 'customers'],
  ['order the noodles, thank me later', 'customers'],
  ['you should try the lemon cake', 'customers'],
  ['i would recommend the early train', 'customers'],
  ['if you stay here get the room with the bath', 'customers'],
  ['make sure you book the transfer before you land', 'customers'],
  ['tip: the side door is closer to the car park', 'customers'],
  ["don't bother with the buffet, walk to the market", 'customers'],
  ['families should go on a weekday', 'customers'],
  ['@Kettleby you need a travel size', 'brand'],
  ['would love it if you made the lids stronger', 'brand'],
  // no one asked to act: a story, a question, a plain remark (no idea for the brand)
  ['honestly, cut open a tea bag and found plastic inside', 'unclear'],
  ['which kettle should i get next?', 'unclear'],
  ['english breakfast and a biscuit, perfect', 'unclear'],
];

describe('suggestion addressee', () => {
  it.each(CASES)('%s → %s', (text, expected) => {
    expect(suggestionAddressee(text)).toBe(expected);
  });
});
