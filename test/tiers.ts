/**
 * The test tiers. Every test file belongs to exactly one: test/check-tiers.mjs (run by
 * `npm test` before vitest) fails when a file matches none or several, so a new file
 * cannot be silently left out of `npm test` or run twice.
 *
 * - unit: in-process and quick — no built binary (dist/), no PostgreSQL, no browser, no
 *   crash, fuzz, memory or scenario runs. `npm run test:unit`, well under a minute.
 * - store: in-process against both store backends (SQLite, and PostgreSQL when a server
 *   answers: see test/support/store-backends.ts). `npm run test:store`.
 * - cli: the built binary end to end (`npm run build` first), with Chromium and
 *   LibreOffice where installed. `npm run test:cli`.
 * - heavy: crash (SIGKILL), fuzz and hostile inputs, memory (100k-row imports and
 *   exports under a 64 MB heap), report scenarios and the determinism bench.
 *   `npm run test:heavy`.
 */
export interface Tier {
  name: 'unit' | 'store' | 'cli' | 'heavy';
  include: string[];
  exclude: string[];
  /** vitest options of this tier only (a tier with its own maxWorkers runs in a group of its own: `order`). */
  options?: { isolate?: boolean; pool?: 'threads' | 'forks'; maxWorkers?: number; sequence?: { groupOrder: number } };
}

const CORE_UNIT = ['test/core/ideas.test.ts', 'test/core/worker-script.test.ts'];
// generated cases in bulk (brand names: 500 property cases, ~15 s) and hostile servers (byte-a-second, 64 MB gzip bomb)
const FUZZ = ['test/core/brand-names.test.ts', 'test/sources/hostile-feeds.test.ts', 'test/sources/hostile-transport.test.ts'];
const SCENARIOS = ['report-scenarios', 'report-unseen', 'report-complaints', 'report-stability', 'report-stability-scenarios', 'report-languages'].map((n) => `test/core/${n}.test.ts`);
// worker-heap: 24,000 posts through one worker under the heap cap (~30 s alone, 80 s on a loaded box)
const MEMORY = ['test/cli/export.test.ts', 'test/cli/foundation.test.ts', 'test/core/worker-heap.test.ts'];
const BENCH = ['test/analysis/determinism.test.ts'];
const STORE_SAFETY = ['test/safety/csv-export.test.ts', 'test/safety/xlsx.test.ts'];
const CLI_INGEST = ['test/ingest/brand-name.test.ts'];

export const TIERS: Tier[] = [
  {
    name: 'unit',
    include: ['analysis', 'config', 'domain', 'ingest', 'meta', 'sources', 'tools'].map((dir) => `test/${dir}/**/*.test.ts`).concat(CORE_UNIT),
    exclude: [...BENCH, ...CLI_INGEST, ...FUZZ],
    // files share a worker's modules: the NLP model and word vectors load once per worker,
    // not once per file (half this tier's CPU time; none of these files mocks a module);
    // worker threads start cheaper than forks (59 s → 48 s at load 16); two workers overlap
    // the sources' rate-limit waits (65 s → 53 s at load 17). Runs first, as a group of its own.
    options: { isolate: false, pool: 'threads', maxWorkers: 2, sequence: { groupOrder: 0 } },
  },
  {
    name: 'store',
    include: ['test/store/**/*.test.ts', 'test/core/**/*.test.ts', ...STORE_SAFETY],
    exclude: [...CORE_UNIT, ...SCENARIOS, ...FUZZ, ...MEMORY],
  },
  {
    name: 'cli',
    include: ['test/cli/**/*.test.ts', 'test/safety/**/*.test.ts', ...CLI_INGEST],
    exclude: [...MEMORY, ...STORE_SAFETY],
  },
  {
    name: 'heavy',
    include: ['test/reliability/**/*.test.ts', ...SCENARIOS, ...MEMORY, ...BENCH, ...FUZZ],
    exclude: [],
  },
];
