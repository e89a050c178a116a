import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { DEFAULT_TEST_SEED, TEST_SEED, testSeed } from '../support/test-seed.js';

describe('the test seed', () => {
  it('is fixed unless EARSHOT_TEST_SEED names another; anything else is refused', () => {
    expect(testSeed({})).toBe(DEFAULT_TEST_SEED);
    expect(testSeed({ EARSHOT_TEST_SEED: ' 42 ' })).toBe(42);
    expect(testSeed({ EARSHOT_TEST_SEED: '-7' })).toBe(-7);
    for (const bad of ['abc', '1.5', '1e3', String(2 ** 31)]) {
      expect(() => testSeed({ EARSHOT_TEST_SEED: bad })).toThrow(`EARSHOT_TEST_SEED "${bad}" is not a whole number below 2^31`);
    }
  });

  it('drives every fast-check run that has no seed of its own', () => {
    const seeded = fc.sample(fc.integer(), { numRuns: 20, seed: TEST_SEED });
    expect(fc.sample(fc.integer(), 20)).toEqual(seeded);
    const runs: number[][] = [[], []];
    for (const seen of runs) fc.assert(fc.property(fc.integer(), (n) => { seen.push(n); }), { numRuns: 20 });
    expect(runs[1]).toEqual(runs[0]);
  });

  it('is the only source of randomness in the tests: no Math.random', () => {
    const root = join(REPO, 'test');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs)$/.test(f));
    const random = files.filter((f) => readFileSync(join(root, f), 'utf8').includes(`Math.${'random'}(`));
    expect(random).toEqual([]);
  });
});
