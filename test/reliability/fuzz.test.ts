import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/load.js';
import { importMentions } from '../../src/core/import.js';
import { UserError } from '../../src/errors.js';
import { decoderFor } from '../../src/ingest/open-import.js';
import { readRecords, type ImportFormat } from '../../src/ingest/readers.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { recordFigures } from './figures.js';
import { TEST_SEED } from '../support/test-seed.js';

/**
 * Property-based fuzzing of everything that reads user files: the importer (JSONL and
 * CSV, down to raw bytes) and the config loader. Never an unexplained crash; every
 * rejection is one line; the store holds exactly what the summary says it stored.
 */
const tmp = makeTempDir('earshot-fuzz-');
const RUNS = { jsonl: 1000, csv: 1000, config: 1500, cli: 6, otherTools: 600 };
let fuzzCases = 0;
afterAll(() => {
  tmp.cleanup();
  recordFigures('fuzz', { fuzzCases }, `seed ${SEED}`);
});
const SEED = TEST_SEED; // fixed; EARSHOT_TEST_SEED=<n> picks other cases (test/support/test-seed.ts)

const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '=1+1', '"', '""', ',', '\n', '\r\n', '\r', '\u0000', '\ud800', '\u202e', '<script>', "'; DROP TABLE mentions; --", '\uFEFF', '{', 'null', '9007199254740993'),
);
const timestamp = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2026-02-30', '2026-11-20 10:00', 'yesterday', ''), nasty);
const record = fc.record({
  id: fc.oneof(fc.constantFrom('1', '2', '3', 'a'), fc.integer(), fc.double(), nasty),
  source: fc.oneof(fc.constantFrom('x', 'reddit', 'hackernews', 'X', 'bad source'), nasty),
  created_at: timestamp,
  text: fc.oneof(nasty, fc.string({ maxLength: 2000 })),
  author: fc.option(nasty),
  url: fc.option(nasty),
  brand: fc.option(fc.oneof(fc.constantFrom('Acme', 'acme'), nasty)),
  metrics: fc.option(fc.oneof(fc.jsonValue(), fc.record({ likes: fc.oneof(fc.integer(), nasty, fc.double()) }))),
}, { requiredKeys: [] });

const jsonlLine = fc.oneof(
  { weight: 5, arbitrary: record.map((r) => JSON.stringify(r)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: nasty },
);
const jsonlFile = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(jsonlLine, { maxLength: 30 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => Buffer.from(lines.join(eol))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);

const CSV_COLUMNS = ['id', 'source', 'created_at', 'text', 'author', 'url', 'brand', 'likes', 'metrics', 'extra'];
const csvCell = fc.oneof(nasty, timestamp, fc.constantFrom('x', 'reddit', '2026-11-20T10:00:00Z', 'Acme', '1'));
const quoteCell = (cell: string) => (/[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvFile = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.shuffledSubarray(CSV_COLUMNS, { minLength: 1 }), fc.array(fc.array(csvCell, { maxLength: 11 }), { maxLength: 20 }), fc.boolean())
    .map(([header, rows, quote]) => Buffer.from([header.join(','), ...rows.map((row) => row.map(quote ? quoteCell : (c) => c).join(','))].join('\r\n'))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);

// other tools' lines: twarc2 pages, stream lines and flattened tweets, Reddit dump things
const tweet = fc.record({
  id: fc.oneof(fc.constantFrom('1', '2', '1377650090978992134'), fc.integer(), nasty), text: fc.oneof(nasty, fc.string({ maxLength: 300 })),
  created_at: timestamp, author_id: fc.oneof(fc.constantFrom('10', '11'), nasty), public_metrics: fc.option(fc.jsonValue()),
  author: fc.option(fc.oneof(fc.record({ username: nasty }), fc.jsonValue())),
}, { requiredKeys: [] });
const users = fc.array(fc.record({ id: fc.oneof(fc.constantFrom('10', '11'), nasty), username: nasty }, { requiredKeys: [] }), { maxLength: 3 });
const otherLine = fc.oneof(
  fc.record({ data: fc.array(tweet, { maxLength: 5 }), includes: fc.option(fc.record({ users })), __twarc: fc.option(fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ data: tweet, includes: fc.option(fc.record({ users })), matching_rules: fc.jsonValue() }, { requiredKeys: [] }),
  tweet,
  fc.record({ id: fc.oneof(fc.constantFrom('abc1', 'k9'), nasty), name: fc.option(nasty), body: fc.option(nasty), title: fc.option(nasty), subreddit: nasty,
    created_utc: fc.oneof(fc.integer(), fc.double(), nasty), permalink: fc.option(nasty), link_id: fc.option(nasty), score: fc.option(fc.jsonValue()) }, { requiredKeys: [] }),
  fc.jsonValue(),
).map((value) => JSON.stringify(value) ?? 'null');
const otherFile = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 6, arbitrary: otherLine }, { weight: 1, arbitrary: nasty }), { maxLength: 20 }).map((lines) => Buffer.from(lines.join('\n'))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);

/** Imports bytes into a fresh in-memory store; checks the invariants every import must keep. */
async function checkImport(bytes: Buffer, format: ImportFormat): Promise<void> {
  const store = new SqliteStore(':memory:');
  try {
    const summary = await importMentions(store, readRecords(Readable.from([bytes]), format), { defaultBrand: 'Acme', batchSize: 7, decode: decoderFor(format) });
    // one mention or one rejection a line in earshot's own format; a twarc2 page may hold many of either
    if (format === 'jsonl' || format === 'csv') expect(summary.inserted + summary.updated + summary.rejected).toBe(summary.read);
    for (const rejection of summary.rejections) {
      expect(rejection.line).toBeGreaterThanOrEqual(1);
      expect(rejection.reason.length).toBeGreaterThan(0);
      expect(rejection.reason).not.toMatch(/[\r\n]/);
    }
    // all of the accepted rows are stored, each once: no partial batch, no lost row
    const stored = (store.db.prepare('SELECT COUNT(*) AS n FROM mentions').get() as { n: number }).n;
    expect(stored).toBe(summary.inserted);
    expect(store.db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    await store.close();
  }
}

describe('fuzzing the importer and the config loader (fast-check)', () => {
  it(`JSONL import: ${RUNS.jsonl} generated files`, async () => {
    await fc.assert(fc.asyncProperty(jsonlFile, async (bytes) => { fuzzCases++; await checkImport(bytes, 'jsonl'); }), { numRuns: RUNS.jsonl, seed: SEED });
  }, 120_000);

  it(`CSV import: ${RUNS.csv} generated files`, async () => {
    await fc.assert(fc.asyncProperty(csvFile, async (bytes) => { fuzzCases++; await checkImport(bytes, 'csv'); }), { numRuns: RUNS.csv, seed: SEED });
  }, 120_000);

  it.each(['twarc2', 'reddit', 'twarc-csv'] as const)(`%s import: ${RUNS.otherTools} generated files`, async (format) => {
    const files = format === 'twarc-csv' ? csvFile : otherFile;
    await fc.assert(fc.asyncProperty(files, async (bytes) => { fuzzCases++; await checkImport(bytes, format); }), { numRuns: RUNS.otherTools, seed: SEED });
  }, 120_000);

  it(`config loader: ${RUNS.config} generated files and environments load or fail with one clear line`, () => {
    const path = join(tmp.dir, 'earshot.config.json');
    const value = fc.oneof(fc.jsonValue(), nasty, fc.constantFrom('https://ok.example', 'ftp://x', 'javascript:alert(1)'));
    const configLike = fc.record({
      brands: fc.oneof(fc.array(fc.record({ name: value, aliases: fc.oneof(value, fc.array(value)), queries: fc.oneof(value, fc.record({ x: value, reddit: value })) }, { requiredKeys: [] })), value),
      sources: fc.oneof(value, fc.record({ x: fc.record({ bearerToken: value, apiBase: value }, { requiredKeys: [] }), reddit: value })),
      alerts: fc.oneof(value, fc.array(fc.record({ type: fc.constantFrom('slack', 'webhook', 'email'), url: value, secret: value, minScore: value }, { requiredKeys: [] }))),
      scan: fc.oneof(value, fc.record({ maxPosts: value, maxPages: value }, { requiredKeys: [] })),
      [fc.sample(fc.string(), 1)[0] ?? 'x']: value,
    }, { requiredKeys: [] });
    const file = fc.oneof(
      { weight: 3, arbitrary: configLike.map((c) => Buffer.from(JSON.stringify(c))) },
      { weight: 1, arbitrary: fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '')) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    );
    const env = fc.record({ EARSHOT_X_BEARER_TOKEN: nasty, EARSHOT_X_API_BASE: nasty, EARSHOT_REDDIT_API_BASE: nasty, EARSHOT_DB: nasty }, { requiredKeys: [] });
    fc.assert(fc.property(file, env, (bytes, environment) => {
      fuzzCases++;
      writeFileSync(path, bytes, { mode: 0o600 });
      try {
        const settings = loadSettings({ configPath: path, env: environment, cwd: tmp.dir });
        expect(settings.config.brands).toBeInstanceOf(Array);
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(UserError);
        const message = `${(error as UserError).message} — ${(error as UserError).hint ?? ''}`;
        expect(message).not.toMatch(/[\r\n]/);
        expect(message.length).toBeLessThan(600);
      }
    }), { numRuns: RUNS.config, seed: SEED });
  }, 120_000);

  it(`the built binary on ${RUNS.cli} generated import files: exit 0 or 1 with one earshot: line, never an unexpected error`, async () => {
    const files = fc.sample(fc.oneof(jsonlFile.map((b) => ['f.jsonl', b] as const), csvFile.map((b) => ['f.csv', b] as const)), { numRuns: RUNS.cli, seed: SEED });
    for (const [i, [name, bytes]] of files.entries()) {
      fuzzCases++;
      writeFileSync(join(tmp.dir, name), bytes);
      const r = await runCli(['--db', `cli-${i}.db`, '--quiet', 'import', name, '--brand', 'Acme', '--no-analyze'], { cwd: tmp.dir });
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stderr).not.toContain('unexpected error');
      if (r.code === 1) expect(r.stderr.split('\n').filter((l) => l.startsWith('earshot: ') && !l.startsWith('earshot: warning:')), r.stderr).toHaveLength(1);
    }
  }, 120_000);
});
