import type { TestProject } from 'vitest/node';
import { TEST_SEED } from './test-seed.js';

/** Global setup of each tier's project: says which tier runs, with which seed, before its first file. */
export default function setup(project: TestProject): void {
  process.stdout.write(`\nearshot tests: tier "${project.name}" (test/tiers.ts), seed ${TEST_SEED}`
    + ' (EARSHOT_TEST_SEED=<n> for other generated cases)\n');
}
