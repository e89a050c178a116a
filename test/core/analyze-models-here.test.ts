import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

// Issue 26 (memory): the models' decoded weight tables are ~80 MB. With workers, which load
// their own, the thread that reads and writes the store needs only the models' version: it
// decodes them only when it analyses mentions itself.
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/analysis/models.js', async (original) => {
  const real = await original<typeof import('../../src/analysis/models.js')>();
  return { ...real, loadAnalysisModels: (...args: Parameters<typeof real.loadAnalysisModels>) => {
    loads.count++;
    return real.loadAnalysisModels(...args);
  } };
});

const mention = (i: number): MentionInput => ({ id: String(i), source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `tea number ${i} is lovely`, author: `a${i}` });
const setup = { brandTerms: { Acme: ['Acme'] }, now: new Date('2026-11-21T00:00:00Z') };

describe('the models on the store thread', () => {
  let store: SqliteStore | undefined;
  afterEach(async () => { await store?.close(); });

  it('are not decoded when workers analyse, and are when this thread does', async () => {
    store = new SqliteStore(':memory:');
    await store.upsertMentions(Array.from({ length: 20 }, (_, i) => mention(i + 1)));
    loads.count = 0;
    expect(await analyzePending(store, { ...setup, workers: 1, batchSize: 5 })).toMatchObject({ analyzed: 20, failed: 0, workers: 1 });
    expect(loads.count).toBe(0);
    await store.upsertMentions([{ ...mention(1), text: 'the tea is stale now' }]);
    const here = await analyzePending(store, { ...setup, workers: 0 });
    expect(here).toMatchObject({ analyzed: 1, failed: 0, workers: 0 });
    expect(loads.count).toBe(1);
  });
});
