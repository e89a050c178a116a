import { describe, expect, it } from 'vitest';
import { brandKey } from '../../src/domain/brand-key.js';

describe('brandKey: NFKC and full Unicode case folding', () => {
  it.each([
    ['Öko Tee', 'öko tee'], ['ÖKO TEE', 'öko tee'], ['O\u0308ko Tee', 'öko tee'], // decomposed Ö composes
    ['Straße', 'strasse'], ['STRASSE', 'strasse'], ['ẞ', 'ss'], // full folding: ß and capital ẞ are "ss"
    ['ﬁne', 'fine'], ['ＡＣＭＥ', 'acme'], ['Ⅻ', 'xii'], // compatibility forms (NFKC)
    ['ΟΔΟΣ', 'οδοσ'], ['οδος', 'οδοσ'], // final sigma folds to σ
    ['İstanbul', 'i\u0307stanbul'], ['ılık', 'ılık'], // dotless i is its own letter; İ keeps its dot
    ['ſ', 's'], ['K', 'k'], ['µ', 'μ'], ['ᾼ', 'αι'],
    ['Ᏸ', 'Ᏸ'], ['ᏸ', 'Ᏸ'], ['ꭰ', 'Ꭰ'], // Cherokee folds to the capitals
    ['ǅ', 'dž'], ['Ǆ', 'dž'], ['Ꮿ', 'Ꮿ'], ['ა', 'ა'], ['Ა', 'ა'], // Georgian Mtavruli folds to Mkhedruli
  ])('%s → %s', (name, key) => {
    expect(brandKey(name)).toBe(key);
  });

  it('keeps names apart that only differ beyond case and compatibility', () => {
    expect(brandKey('ilik')).not.toBe(brandKey('ılık'));
    expect(brandKey('Tea & Co')).not.toBe(brandKey('Tea and Co'));
    expect(brandKey('café')).not.toBe(brandKey('cafe'));
  });
});
