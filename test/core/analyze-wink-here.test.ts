import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

// Issue 26 (memory): a wink-nlp instance is ~18 MB of heap. With workers, which build their
// own, the thread that reads and writes the store imports the analysis code but reads no doc:
// it builds none (it used to, on import).
const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/analysis/nlp/forgetful-wink.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/nlp/forgetful-wink.js')>();
  return { ...real, createForgetfulWink: (...args: Parameters<typeof real.createForgetfulWink>) => {
    builds.count++;
    return real.createForgetfulWink(...args);
  } };
});

const mention = (i: number): MentionInput => ({ id: String(i), source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `tea number ${i} is lovely`, author: `a${i}` });
const setup = { brandTerms: { Acme: ['Acme'] }, now: new Date('2026-11-21T00:00:00Z') };

describe('wink-nlp on the store thread', () => {
  let store: SqliteStore | undefined;
  afterEach(async () => { await store?.close(); });

  it('is not built when workers analyse, and is when this thread does', async () => {
    store = new SqliteStore(':memory:');
    await store.upsertMentions(Array.from({ length: 20 }, (_, i) => mention(i + 1)));
    expect(await analyzePending(store, { ...setup, workers: 1, batchSize: 5 })).toMatchObject({ analyzed: 20, failed: 0, workers: 1 });
    expect(builds.count).toBe(0);
    await store.upsertMentions([{ ...mention(1), text: 'the tea is stale now' }]);
    expect(await analyzePending(store, { ...setup, workers: 0 })).toMatchObject({ analyzed: 1, failed: 0, workers: 0 });
    expect(builds.count).toBeGreaterThan(0);
  });
});
