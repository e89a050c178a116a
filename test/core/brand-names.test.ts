import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandConfig } from '../../src/config/schema.js';
import { createBrandLinker } from '../../src/core/brand-links.js';
import { foldCodePoint } from '../../src/domain/fold-case.js';
import { NameAutomaton } from '../../src/domain/name-automaton.js';
import { mentionsBrand } from '../../src/sources/text-match.js';
import { manyBrands } from '../../src/tools/bench/many-brands.js';

/**
 * The brand linker and the feeds' brand filter match all names with one automaton; these
 * are the regexes they built per name before, kept here as the reference the automaton
 * must agree with on every generated case.
 */
function linkedByRegex(watched: BrandConfig[], brand: string, text: string): string[] {
  const wholeWord = (name: string) => {
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
  };
  const lower = text.toLowerCase();
  return watched.filter((b) => b.name.toLowerCase() !== brand.toLowerCase()
    && [b.name, ...b.aliases].map(wholeWord).some((re) => re.test(text))
    && !b.exclude.map((p) => p.toLowerCase()).some((p) => lower.includes(p))).map((b) => b.name);
}

function mentionsBrandByRegex(text: string, brand: BrandConfig): boolean {
  return [brand.name, ...brand.aliases].some((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
  });
}

// characters where a naive matcher goes wrong: case pairs the `iu` flags fold (K and the
// Kelvin sign, ſ and s, µ μ Μ, final sigma, ß ẞ, Cherokee, ypogegrammeni), ones they do
// not (İ ı, é against e + U+0301), word and non-word neighbours, regex syntax, spaces
// of several kinds, an emoji (a surrogate pair) and a lone surrogate
const ALPHABET = [
  'a', 'b', 'A', 'B', 'k', 'K', '\u212a', 's', 'S', '\u017f', '\u00b5', '\u03bc', '\u039c', '\u03c3', '\u03c2', '\u03a3',
  '\u00df', '\u1e9e', '\u13a0', '\uab70', '\u0345', '\u03b9', '\u1fb3', '\u1fbc', 'i', 'I', '\u0130', '\u0131', '\u00e9', 'e\u0301', '\u00c9',
  '1', '_', '@', '#', '-', '.', "'", '(', '*', '+', '?', '$', '^', '\\', '[', '|',
  ' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '😀', '\ud800', '\u0301',
];
const piece = fc.constantFrom(...ALPHABET);
// never blank: the config schema refuses a blank name or alias
const name = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

/** Case flips and whitespace swaps of a name, so generated texts hold near and exact hits often. */
const variant = (base: string) => fc.tuple(fc.boolean(), fc.boolean()).map(([upper, spaces]) => {
  let text = upper ? base.toUpperCase() : base.toLowerCase();
  if (spaces) text = text.replace(/ /g, ' \t');
  return text;
});

const filler = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));

const scenario = fc.array(fc.record({ name, aliases: fc.array(name, { maxLength: 2 }), exclude: fc.array(name, { maxLength: 1 }) }), { minLength: 1, maxLength: 6 })
  .chain((brands) => fc.tuple(
    fc.constant(brands.map((b, i) => ({ ...b, name: `${b.name}${i}` }))),
    fc.array(fc.tuple(filler, fc.constantFrom(...brands.flatMap((b) => [b.name, ...b.aliases])).chain(variant)), { maxLength: 3 }),
    filler,
  ))
  .map(([brands, parts, tail]) => ({ brands: brands.map((b) => ({ ...b, queries: {} }) as BrandConfig), text: parts.map(([a, b]) => a + b).join('') + tail }));

describe('brand names match by one automaton exactly as they did by one regex each', () => {
  it('links the same brands as the per-name regexes, on generated names and texts', () => {
    fc.assert(fc.property(scenario, ({ brands, text }) => {
      const mention = { id: '1', source: 'x', createdAt: '2026-01-01T00:00:00.000Z', text, brand: 'Own' };
      const linked = createBrandLinker(brands)(mention).alsoBrands ?? [];
      expect(linked).toEqual(linkedByRegex(brands, 'Own', text));
    }), { numRuns: 500, seed: 20261207 });
  }, 120_000);

  it('filters feed items as the per-name regexes did, on generated names and texts', () => {
    fc.assert(fc.property(scenario, ({ brands, text }) => {
      for (const brand of brands) expect(mentionsBrand(text, brand)).toBe(mentionsBrandByRegex(text, brand));
    }), { numRuns: 500, seed: 20261208 });
  }, 120_000);

  it('keeps the documented cases: handles, hashtags, word boundaries, case and spacing', () => {
    const brands = [{ name: 'Kettleby Tea', aliases: ['KettlebyTea', 'Kettleby'], exclude: ['kettleby road'] }, { name: 'Clipper', aliases: [], exclude: [] }]
      .map((b) => ({ ...b, queries: {} }) as BrandConfig);
    const link = createBrandLinker(brands);
    const linked = (text: string, brand = 'Other') => link({ id: '1', source: 'x', createdAt: '2026-01-01T00:00:00.000Z', text, brand }).alsoBrands ?? [];
    expect(linked('switched from @KettlebyTea to #Clipper')).toEqual(['Kettleby Tea', 'Clipper']);
    expect(linked('KETTLEBY\n  tea is fine')).toEqual(['Kettleby Tea']);
    expect(linked('Kettlebyish and Clippers and clipper_x')).toEqual([]);
    expect(linked('I live on Kettleby Road, love Clipper')).toEqual(['Clipper']);
    expect(linked('Clipper and Kettleby', 'clipper')).toEqual(['Kettleby Tea']);
    expect(mentionsBrand('new from kettleby_tea', brands[0]!)).toBe(true); // feeds count _ as a boundary
    expect(linked('new from kettleby_tea')).toEqual([]); // the linker does not
  });

  it('the automaton finds every occurrence of every pattern, overlapping and nested ones too', () => {
    const word = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 40 }), (patterns, text) => {
      const automaton = new NameAutomaton();
      for (const p of patterns) automaton.add(p);
      const found: string[] = [];
      automaton.search(text, (id, end) => found.push(`${id}@${end}`));
      const naive: string[] = [];
      patterns.forEach((p, id) => {
        for (let end = p.length; end <= text.length; end++) if (p.every((x, k) => text[end - p.length + k] === x)) naive.push(`${id}@${end}`);
      });
      expect(found.sort()).toEqual(naive.sort());
    }), { numRuns: 2000, seed: 5 });
  });

  it('folds every cased code point the way an iu regex compares it', () => {
    const same = /^(.)\1$/isu;
    const cased = /[\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]/u;
    const members: number[] = [];
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      const key = foldCodePoint(cp);
      if (key !== cp) expect(same.test(char + String.fromCodePoint(key)), `U+${cp.toString(16)}`).toBe(true);
      if (key !== cp || cased.test(char)) members.push(cp);
    }
    // keys of different classes never compare equal
    const keys = [...new Set(members.map(foldCodePoint))].map((key) => String.fromCodePoint(key));
    const clashes: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) if (same.test(keys[i]! + keys[j]!)) clashes.push(`U+${keys[i]!.codePointAt(0)!.toString(16)} U+${keys[j]!.codePointAt(0)!.toString(16)}`);
    }
    expect(keys.length).toBeGreaterThan(1000);
    expect(clashes).toEqual([]);
  });

  it('builds no regex per name: 10,000 brands with two aliases each link rows with none compiled', () => {
    const brands = manyBrands(10_000).map((b) => ({ ...b, exclude: [], queries: {} }) as BrandConfig);
    const Original = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Original, { construct: (target, args) => { built++; return Reflect.construct(target, args) as object; } });
    const linked: string[][] = [];
    try {
      const link = createBrandLinker(brands);
      for (let i = 0; i < 100; i++) {
        const text = `day ${i}: ${brands[i * 97]!.aliases[1]} beats ${brands[i * 13]!.name.toUpperCase()}`;
        linked.push(link({ id: String(i), source: 'x', createdAt: '2026-01-01T00:00:00.000Z', text, brand: 'Own' }).alsoBrands ?? []);
        mentionsBrand(text, brands[i]!);
      }
    } finally {
      globalThis.RegExp = Original;
    }
    expect(built).toBe(0);
    expect(linked[1]).toEqual([brands[13]!.name, brands[97]!.name]);
  });
});
