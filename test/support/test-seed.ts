/**
 * The one seed behind every generated case in the tests (fast-check properties, crash
 * kill points, fuzz inputs): fixed, so a run is repeatable and a failure can be replayed;
 * EARSHOT_TEST_SEED=<whole number> runs the same tests on other cases.
 */
export const DEFAULT_TEST_SEED = 20261207;

export function testSeed(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.EARSHOT_TEST_SEED?.trim();
  if (!text) return DEFAULT_TEST_SEED;
  const seed = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(seed) || Math.abs(seed) >= 2 ** 31) {
    throw new Error(`EARSHOT_TEST_SEED "${text}" is not a whole number below 2^31`);
  }
  return seed;
}

export const TEST_SEED = testSeed();
