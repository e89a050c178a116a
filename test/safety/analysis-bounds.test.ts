import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { boundForAnalysis, MAX_ANALYSED_CHARS, MAX_TOKEN_CHARS } from '../../src/analysis/bound-text.js';
import { analyzePending } from '../../src/core/analyze.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisInput, Store } from '../../src/store/store.js';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli } from '../support/cli.js';
import { storeBackends, useStore } from '../support/store-backends.js';

/** Issue 15 #3: one huge mention neither stops analysis nor takes super-linear time; one that fails is recorded and skipped. */
vi.mock('../../src/analysis/analyze-mention.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/analyze-mention.js')>();
  // a mention saying BOOM makes the analyser throw, as an unforeseen input would
  const createMentionAnalyzer: typeof real.createMentionAnalyzer = (...args) => {
    const analyze = real.createMentionAnalyzer(...args);
    return Object.assign((input: AnalysisInput) => {
      if (input.text.includes('BOOM')) throw new RangeError('Maximum call stack size exceeded');
      return analyze(input);
    }, { modelVersion: analyze.modelVersion });
  };
  return { ...real, createMentionAnalyzer };
});

const HUGE = 10_000_000;
const input = (text: string): AnalysisInput => ({ rowId: 1, id: '1', source: 'x', author: 'amy', text, lang: 'en', brands: ['Acme'] });

describe('what the analyser reads', () => {
  it('is the first MAX_ANALYSED_CHARS characters, with no run of non-space longer than MAX_TOKEN_CHARS', () => {
    for (const text of ['a'.repeat(HUGE), 'a-'.repeat(HUGE / 2), 'tea bag plastic '.repeat(HUGE / 16), `${'x'.repeat(MAX_ANALYSED_CHARS - 1)}🫖tail`]) {
      const bounded = boundForAnalysis(text);
      expect(bounded.replace(/ /g, '').length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
      expect(Math.max(...bounded.split(/\s+/).map((t) => [...t].length))).toBeLessThanOrEqual(MAX_TOKEN_CHARS);
      expect(bounded.isWellFormed()).toBe(true);
    }
    expect(boundForAnalysis('a normal tweet about #TeaBags https://x.com/a/status/1')).toBe('a normal tweet about #TeaBags https://x.com/a/status/1');
  });

  it('so a 10 MB mention analyses as its bounded prefix does (one token, punctuation runs, or words)', () => {
    const analyze = createMentionAnalyzer({ brandTerms: { Acme: ['Acme'] } });
    for (const text of ['a'.repeat(HUGE), '!?'.repeat(HUGE / 2), 'the tea bag is plastic and I hate it '.repeat(HUGE / 37)]) {
      expect(analyze(input(text))).toEqual(analyze(input(text.slice(0, MAX_ANALYSED_CHARS))));
    }
  });
});

const mention = (id: string, text: string): MentionInput => ({ id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text, author: `a${id}` });

describe.each(await storeBackends())('failed analyses ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  let store: Store;
  beforeEach(() => { store = current(); });
  const setup = { brandTerms: { Acme: ['Acme'] }, now: new Date('2026-11-21T00:00:00Z') };

  it('are recorded with their reason, skipped, listed by status, and never block the mentions after them', async () => {
    await store.upsertMentions([mention('1', 'lovely tea'), mention('2', 'BOOM goes the kettle'), mention('3', 'plastic in the tea bags')]);
    const first = await analyzePending(store, { ...setup, workers: 0 });
    expect(first).toMatchObject({ analyzed: 2, failed: 1 });
    const status = await store.status();
    expect(status.rows[0]).toMatchObject({ mentions: 3, analyzed: 2 });
    expect(status.failedAnalyses).toEqual({ count: 1, latest: [{ id: '2', source: 'x', brand: 'Acme', modelVersion: first.modelVersion,
      reason: 'RangeError: Maximum call stack size exceeded', failedAt: expect.any(String) }] });
    // the next run goes on: nothing pending, nothing failing again
    expect(await store.countPendingAnalysis(first.modelVersion)).toBe(0);
    expect(await analyzePending(store, { ...setup, workers: 0 })).toMatchObject({ analyzed: 0, failed: 0 });
    // a new model version tries again; so does an edited text, and a success clears the record
    expect(await store.countPendingAnalysis('another-model')).toBe(3);
    await store.upsertMentions([mention('2', 'the kettle is fine now')]);
    expect(await analyzePending(store, { ...setup, workers: 0 })).toMatchObject({ analyzed: 1, failed: 0 });
    expect((await store.status()).failedAnalyses).toEqual({ count: 0, latest: [] });
    expect((await store.findMention('2'))[0]!.text).toBe('the kettle is fine now');
  });

  it('a worker that dies (here: a heap too small for the NLP model) loses no batch: its batches are analysed in this thread', async () => {
    await store.upsertMentions(Array.from({ length: 30 }, (_, i) => mention(String(i + 1), `tea number ${i}`)));
    const summary = await analyzePending(store, { ...setup, workers: 1, batchSize: 10, workerHeap: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
    expect(summary).toMatchObject({ analyzed: 30, failed: 0, workers: 1 });
    expect((await store.status()).rows[0]).toMatchObject({ analyzed: 30 });
  });
});

const tmp = makeTempDir('earshot-huge-');
const clis = await cliBackends();
afterAll(async () => {
  for (const backend of clis) await backend.cleanup();
  tmp.cleanup();
});
for (const backend of clis) describe.skipIf(!backend.available)(`huge mentions through the CLI on ${backend.name}`, () => {
  it('import and analyze store every character and analyse every mention, then have nothing left to do', async () => {
    const rows = [
      { id: 'token', text: `${'a'.repeat(HUGE)} tea` },
      { id: 'words', text: 'the tea bag is plastic and I hate it '.repeat(HUGE / 37) },
      { id: 'small', text: 'lovely cup of tea' },
    ].map((r) => JSON.stringify({ ...r, source: 'x', created_at: '2026-11-20T10:00:00Z', brand: 'Acme' }));
    writeFileSync(join(tmp.dir, 'huge.jsonl'), `${rows.join('\n')}\n`);
    const db = backend.fresh(tmp.dir, 'huge.db');
    const imported = await runCli(['--db', db, 'import', 'huge.jsonl'], { cwd: tmp.dir });
    expect(imported.code, imported.stderr).toBe(0);
    const status = JSON.parse((await runCli(['--db', db, 'status', '--format', 'json'], { cwd: tmp.dir })).stdout);
    expect(status.rows[0]).toMatchObject({ mentions: 3, analyzed: 3 });
    expect(status.failedAnalyses.count).toBe(0);
    const again = await runCli(['--db', db, 'analyze'], { cwd: tmp.dir });
    expect(again.stderr).toMatch(/nothing to analyse/);
    const exported = await runCli(['--db', db, 'export', '--format', 'jsonl', '--columns', 'id,text'], { cwd: tmp.dir });
    const texts = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    const lengths = (list: Array<{ id: string; text: string }>) => Object.fromEntries(list.map((t) => [t.id, t.text.length]));
    expect(lengths(texts)).toEqual(lengths(readFileSync(join(tmp.dir, 'huge.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string })));
  }, 120_000); // three 10 MB texts through import, analyse and export on PostgreSQL: ~20 s alone, more on a loaded machine
});
