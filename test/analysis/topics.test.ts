import { describe, expect, it } from 'vitest';
import { nlp } from '../../src/analysis/nlp.js';
import {
  extractTerms,
  extractTermsFromText,
  pickDisplay,
  type TermOptions,
} from '../../src/analysis/topics/index.js';

const brand: TermOptions = { brandTerms: ['Clipper Teas', '@ClipperTeas', 'Clipper tea'] };

function keysOf(text: string, opts: TermOptions = brand): string[] {
  return extractTermsFromText(text, opts).map((t) => t.key);
}

describe('extractTerms normalisation', () => {
  it.each([
    ['I hate these tea bags', 'teabag'],
    ['one teabag split open', 'teabag'],
    ['my teabags keep splitting', 'teabag'],
    ['ugh #teabags', 'teabag'],
    ['ugh #TeaBags', 'teabag'],
    ['the Tea-Bags are awful', 'teabag'],
    ['THE TEA BAGS ARE AWFUL', 'teabag'],
    ['Microplastics everywhere', 'microplastic'],
    ['full of microplastics', 'microplastic'],
    ['there is plastic in it', 'plastic'],
    ['the plastics in it', 'plastic'],
    ['a #PlasticFree pledge', 'plasticfree'],
    ['is it plastic-free', 'plasticfree'],
    ['the glasses broke', 'glass'],
    ['terrible news today', 'news'],
  ])('%j yields key %j', (text, key) => {
    expect(keysOf(text)).toContain(key);
  });

  it('shows each spelling as written (lowercased), under one key', () => {
    const displays = ['tea bags', 'Tea-Bags', '#TeaBags', 'a tea bag'].map(
      (text) => extractTermsFromText(text).find((t) => t.key === 'teabag')?.display,
    );
    expect(displays).toEqual(['tea bags', 'tea bags', 'tea bags', 'tea bag']);
  });

  it.each([
    ['my Christmas order arrived late', 'christma', 'christmas'],
    ['the Earl Grey tasted of soap', 'earlgray', 'earl grey'],
    ['my favourite mug cracked', 'favorite', 'favourite'],
    ['so cosy, but the lid leaks', 'cozy', 'cosy'],
    ['#ChristmasGifts were late', 'christmagift', 'christmas gifts'],
  ])('%j: key %j, label %j (no stems, no respellings; issue 27 #6)', (text, key, display) => {
    const term = extractTermsFromText(text).find((t) => t.key === key);
    expect(term?.display).toBe(display);
  });

  it('keeps microplastic and plastic as distinct keys', () => {
    const keys = keysOf('microplastics and plastic');
    expect(keys).toContain('microplastic');
    expect(keys).toContain('plastic');
  });

  it('finds plastic and tea bag in the canonical complaint', () => {
    const keys = keysOf('Why is there plastic in your tea bags??');
    expect(keys).toEqual(expect.arrayContaining(['plastic', 'teabag']));
    expect(keys).not.toContain('why');
  });
});

describe('extractTerms filtering', () => {
  it.each([
    ['Clipper Teas are lovely but pricey', ['clipper', 'clippertea', 'clipperteas']],
    ['clipper tea bags', ['clipper', 'clippertea', 'clipperteabag']],
    ['I love Clipper', ['clipper']],
    ['@ClipperTeas why?', ['clipperteas', 'clippertea', '@clipperteas']],
    ['#ClipperTeas #clipperteas #Clipper', ['clippertea', 'clipper']],
    ['RT @someone: hello @ClipperTeas', ['someone', '@someone', 'rt', 'retweet']],
    ['see https://t.co/abc123 and www.example.com jane@x.com', ['httpstcoabc0', 'https://t.co/abc123', 'www.example.com', 'jane@x.com']],
    ['bought 3 boxes for £3.50 on 12th March, 100% sure', ['3', '350', '12th', 'march', '100']],
    ['waited 20 minutes on Monday for three refunds', ['minute', 'monday', 'three', '20']],
    ['see you on 3rd of March', ['march', '3rd']],
  ])('%j drops %j', (text, dropped) => {
    const keys = keysOf(text);
    for (const key of dropped) expect(keys).not.toContain(key);
  });

  it('keeps a month name that is not beside a number', () => {
    expect(keysOf('the protest march was huge')).toContain('march');
  });

  it('keeps the generic product word when dropping the brand', () => {
    expect(keysOf('Clipper Teas tea bags are plastic')).toEqual(
      expect.arrayContaining(['teabag', 'tea', 'plastic']),
    );
  });

  it('removes the longest brand name even when a one-word alias also matches', () => {
    const opts = { brandTerms: ['Kettleby Tea', '@KettlebyTea', 'Kettleby'] };
    const keys = keysOf('why is there plastic in your Kettleby Tea tea bags??', opts);
    expect(keys).toEqual(expect.arrayContaining(['teabag', 'plastic']));
    expect(keys).not.toContain('teateabag');
    expect(keysOf('I love Kettleby', opts)).not.toContain('kettleby');
  });

  it('drops stop-words, single letters and numbers', () => {
    const keys = keysOf('I am x 42 so the a b c it is');
    expect(keys).toEqual([]);
  });

  it('dedupes within a mention and caps the number of terms', () => {
    const text = 'tea bags, teabags, #teabags, Tea-Bags. ' +
      'kettle mug spoon sugar milk lemon honey biscuit cake scone jam cream butter toast';
    const terms = extractTermsFromText(text, { ...brand, maxTerms: 12 });
    const keys = terms.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === 'teabag')).toHaveLength(1);
    expect(terms.length).toBe(12);
  });

  it('works with no options at all', () => {
    expect(keysOf('plastic tea bags', {})).toEqual(expect.arrayContaining(['plastic', 'teabag']));
  });
});

describe('extractTerms robustness', () => {
  it.each([
    'Das ist ein Tee mit Plastik',
    '这个茶包有塑料',
    'Этот чай содержит пластик',
    '😡😡😡 🙄',
    '',
    '   ',
    '#',
    '@',
    '----',
    "l'thé n'est pas bon",
  ])('does not crash on %j', (text) => {
    const terms = extractTermsFromText(text, brand);
    for (const term of terms) {
      expect(term.key.length).toBeGreaterThanOrEqual(2);
      expect(term.key).not.toMatch(/[\s-]/);
    }
  });

  it('accepts a doc that was already read', () => {
    const doc = nlp.readDoc('plastic in the tea bags');
    expect(extractTerms(doc, brand)).toEqual(extractTermsFromText('plastic in the tea bags', brand));
  });

  it('labels hashtags, phrases and words', () => {
    const terms = extractTermsFromText('the tea bags contain plastic #PlasticFree', brand);
    const kinds = Object.fromEntries(terms.map((t) => [t.key, t.kind]));
    expect(kinds).toMatchObject({ teabag: 'phrase', plasticfree: 'hashtag', plastic: 'word' });
  });
});

describe('pickDisplay', () => {
  it.each([
    [['teabag', 'tea bag', 'tea bag'], 'tea bag'],
    [['teabag', 'teabag', 'tea bag'], 'teabag'],
    [['teabag', 'tea bag'], 'tea bag'],
    [[], undefined],
  ])('%j → %j', (displays, expected) => {
    expect(pickDisplay(displays)).toBe(expected);
  });
});
