import { defineConfig } from 'vitest/config';
import { TIERS } from './test/tiers.js';

// One vitest project per test tier (test/tiers.ts says which file is in which, and why):
// `npm test` runs every tier, `npm run test:unit` (and test:store, test:cli, test:heavy) one.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // prints the reliability suite's figures (kills, faults, fuzz cases, secrets) once at the end
    globalSetup: ['test/reliability/global-summary.ts'],
    projects: TIERS.map((tier) => ({
      extends: true,
      test: {
        name: tier.name,
        include: tier.include,
        exclude: tier.exclude,
        // names the tier and the test seed once, before its first file runs
        globalSetup: ['test/support/tier-banner.ts'],
        // fixes fast-check's seed (EARSHOT_TEST_SEED chooses another)
        setupFiles: ['test/support/test-seed-setup.ts'],
        sequence: { groupOrder: 1 },
        ...tier.options,
      },
    })),
  },
});
