import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importMentions, type ImportSummary } from '../../src/core/import.js';
import { openImport } from '../../src/ingest/open-import.js';
import type { Store } from '../../src/store/store.js';
import { makeTempDir } from '../support/cli.js';
import { storeBackends } from '../support/store-backends.js';

/** Issue 24 #2, #3 and #8 (import side): one hostile row never aborts an import, on either backend. */
const tmp = makeTempDir('earshot-hostile-import-');
const backends = await storeBackends();
afterAll(async () => {
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});
const NOW = new Date('2026-12-01T09:31:00.000Z');
const hasZstd = spawnSync('zstd', ['--version']).status === 0;

const row = (id: number, extra: Record<string, unknown> = {}) => JSON.stringify({
  id: String(id), source: 'x', created_at: '2026-11-20T09:00:00Z', text: `tea row ${id}`, brand: 'Acme', ...extra });

async function importPath(store: Store, path: string, format?: string, batchSize = 1000): Promise<ImportSummary> {
  const input = await openImport(path, format);
  return importMentions(store, input.records, { decode: input.decode, defaultBrand: 'Acme', batchSize, now: NOW });
}

async function storedIds(backend: (typeof backends)[number], store: Store): Promise<string[]> {
  const rows = await backend.query<{ id: string }>(store, 'SELECT external_id AS id FROM mentions ORDER BY external_id');
  return rows.map((r) => String(r.id));
}

for (const backend of backends) describe.skipIf(!backend.available)(`hostile import rows on ${backend.name}`, () => {
  it('a row nested 20,000 deep, bad dates and a NUL are rejected with their line; the rows around them are stored', async () => {
    const store = await backend.open();
    const deep = `{"id":"2","source":"x","created_at":"2026-11-20T09:00:00Z","text":"deep","brand":"Acme","deep":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const path = join(tmp.dir, `hostile-${backend.name}.jsonl`);
    writeFileSync(path, [row(1), deep, row(3), row(4, { created_at: '0000-01-01T00:00:00Z' }), row(5, { created_at: '1999-12-31T23:59:59Z' }),
      row(6, { created_at: '2026-12-03T00:00:00Z' }), row(7, { text: 'nul\u0000inside' }), row(8, { created_at: '2026-12-02T09:00:00Z' })].join('\n'));
    const summary = await importPath(store, path);
    expect(summary.rejections).toEqual([
      { line: 2, reason: expect.stringMatching(/could not hold this row|nested/) },
      { line: 4, reason: expect.stringMatching(/before 2000-01-01/) },
      { line: 5, reason: expect.stringMatching(/before 2000-01-01/) },
      { line: 6, reason: expect.stringMatching(/more than a day after now/) },
    ]);
    expect(await storedIds(backend, store)).toEqual(['1', '3', '7', '8']);
  });

  it('several refused rows in one batch: each rejected with its line, every other row stored', async () => {
    const store = await backend.open();
    const deepRow = (id: number) => `{"id":"${id}","source":"x","created_at":"2026-11-20T09:00:00Z","text":"deep","brand":"Acme","d":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const bad = new Set([7, 8, 33, 50]);
    const path = join(tmp.dir, `many-${backend.name}.jsonl`);
    writeFileSync(path, Array.from({ length: 50 }, (_, i) => (bad.has(i + 1) ? deepRow(i + 1) : row(i + 1))).join('\n'));
    const summary = await importPath(store, path);
    expect(summary.rejections.map((r) => r.line)).toEqual([...bad]);
    expect(summary).toMatchObject({ inserted: 46, rejected: 4 });
    expect((await storedIds(backend, store)).length).toBe(46);
  });

  it('a Reddit dump line whose author is an object, a boolean or a list is stored without an author', async () => {
    const store = await backend.open();
    const thing = (id: string, author: unknown) => JSON.stringify({ id, author, body: `tea ${id}`, created_utc: 1_763_629_200, subreddit: 'tea', link_id: 't3_abc' });
    const path = join(tmp.dir, `authors-${backend.name}.ndjson`);
    writeFileSync(path, [thing('a1', 'amy'), thing('a2', { name: 'x' }), thing('a3', true), thing('a4', ['l']), thing('a5', 'bo')].join('\n'));
    const summary = await importPath(store, path, 'reddit');
    expect(summary).toMatchObject({ inserted: 5, rejected: 0 });
    const authors = await backend.query<{ id: string; author: string | null }>(store, 'SELECT external_id AS id, author FROM mentions ORDER BY external_id');
    expect(authors.map((a) => [a.id, a.author])).toEqual([['t1_a1', 'amy'], ['t1_a2', null], ['t1_a3', null], ['t1_a4', null], ['t1_a5', 'bo']]);
  });

  it('a line over 16 MiB is refused by its length; its neighbours are stored', async () => {
    const store = await backend.open();
    const path = join(tmp.dir, `long-${backend.name}.jsonl`);
    writeFileSync(path, [row(1), row(2, { text: 'x'.repeat(17_000_000) }), row(3)].join('\r\n'));
    const summary = await importPath(store, path);
    expect(summary.rejections).toEqual([{ line: 2, reason: 'line longer than 16,777,216 characters; skipped without reading it whole' }]);
    expect(await storedIds(backend, store)).toEqual(['1', '3']);
  });
});

describe('hostile files (SQLite)', () => {
  const sqlite = backends[0]!;

  it('a twarc2 page line holding 200,000 tweets stores them all', async () => {
    const store = await sqlite.open();
    const tweets = Array.from({ length: 200_000 }, (_, i) => ({ id: String(1e15 + i), text: 'acme tea', created_at: '2026-11-20T09:14:00.000Z', author_id: '1' }));
    const path = join(tmp.dir, 'page.jsonl');
    writeFileSync(path, `${JSON.stringify({ data: tweets, includes: { users: [{ id: '1', username: 'amy' }] }, __twarc: {} })}\n`);
    const summary = await importPath(store, path, 'twarc2');
    expect(summary).toMatchObject({ inserted: 200_000, rejected: 0 });
  }, 120_000);

  it.runIf(hasZstd)('a .zst holding a 1 GiB line is refused by length, not read whole', async () => {
    const store = await sqlite.open();
    const path = join(tmp.dir, 'huge-line.zst');
    const made = spawnSync('bash', ['-c', `{ echo '${row(1)}'; head -c 1073741824 /dev/zero | tr '\\0' a; echo; echo '${row(3)}'; } | zstd -q -c > ${path}`]);
    expect(made.status).toBe(0);
    const before = process.memoryUsage().rss;
    const summary = await importPath(store, path, 'jsonl');
    expect(summary.rejections).toEqual([{ line: 2, reason: expect.stringMatching(/^line longer than/) }]);
    expect(await storedIds(sqlite, store)).toEqual(['1', '3']);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  }, 120_000);

  it.runIf(hasZstd)('a truncated .zst stores every row read before the damage (the last partial batch too), then fails', async () => {
    const store = await sqlite.open();
    // varied text, so the archive has several blocks and the cut loses only the last
    const text = (i: number) => Array.from({ length: 30 }, (_, k) => ((i * 7919 + k * 104_729) % 99_991).toString(36)).join(' ');
    const plain = Array.from({ length: 1356 }, (_, i) => row(10_000 + i, { text: text(i) })).join('\n');
    const full = spawnSync('zstd', ['-q', '-c', '-B65536'], { input: plain }).stdout;
    const path = join(tmp.dir, 'truncated.zst');
    writeFileSync(path, full.subarray(0, full.length - 2000));
    const readable = spawnSync('zstd', ['-dc', '--long=31', path]).stdout.toString().split('\n')
      .filter((line) => { try { JSON.parse(line); return true; } catch { return false; } }).length;
    expect(readable).toBeGreaterThan(1000);
    await expect(importPath(store, path)).rejects.toThrow(/truncated\.zst: zstd could not decompress it/);
    expect((await storedIds(sqlite, store)).length).toBe(readable);
  });
});

describe('zstd skippable frames', () => {
  it.runIf(hasZstd)('a .zst starting with a skippable frame (RFC 8878) is recognised and read', async () => {
    const store = await backends[0]!.open();
    const frame = Buffer.alloc(8 + 5);
    frame.writeUInt32LE(0x184d2a5e, 0);
    frame.writeUInt32LE(5, 4);
    frame.write('meta!', 8);
    const body = spawnSync('zstd', ['-q', '-c'], { input: `${row(1)}\n${row(2)}\n` }).stdout;
    const path = join(tmp.dir, 'skippable.zst');
    writeFileSync(path, Buffer.concat([frame, body]));
    const input = await openImport(path);
    expect(input).toMatchObject({ compressed: true, format: 'jsonl' });
    const summary = await importMentions(store, input.records, { decode: input.decode, now: NOW });
    expect(summary).toMatchObject({ inserted: 2, rejected: 0 });
  });
});

describe('a decoder that throws', () => {
  it('rejects that row with its line; the rows around it are stored', async () => {
    const store = await backends[0]!.open();
    async function* records() {
      for (let line = 1; line <= 3; line++) yield { line, record: { n: line } };
    }
    const summary = await importMentions(store, records(), {
      now: NOW,
      decode: (record) => {
        const n = (record as { n: number }).n;
        if (n === 2) throw new RangeError('Maximum call stack size exceeded');
        return { mentions: [{ id: String(n), source: 'x', createdAt: '2026-11-20T09:00:00.000Z', text: 't', brand: 'Acme' }], errors: [] };
      },
    });
    expect(summary).toMatchObject({ inserted: 2, rejected: 1, rejections: [{ line: 2, reason: 'could not be read (Maximum call stack size exceeded)' }] });
  });
});
