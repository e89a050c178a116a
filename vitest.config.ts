import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // prints the reliability suite's figures (kills, faults, fuzz cases, secrets) once at the end
    globalSetup: ['test/reliability/global-summary.ts'],
  },
});
