import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { analyzeOrFail } from '../../src/analysis/analysis-outcome.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

const analyzer = createMentionAnalyzer({ brandTerms: { Acme: ['Acme'] } });
const mention = (id: string, text: string): MentionInput => ({ id, source: 'x', createdAt: '2026-11-20T10:00:00.000Z', text, author: `u${id}`, brand: 'Acme' });

/** Reads the pending mentions on `reader`, lets `edit` run while their results are "in flight", then saves them on `reader`. */
async function saveAcrossAnEdit(reader: Store, edit: () => Promise<unknown>): Promise<void> {
  const inputs = await reader.pendingAnalysis(analyzer.modelVersion, 0, 10);
  expect(inputs).toHaveLength(2);
  const results = inputs.map((input) => analyzeOrFail(analyzer, input) as AnalysisRecord);
  await edit();
  await reader.saveAnalyses(results);
}

for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`a mention edited while its analysis is in flight (${backend.name})`, () => {
  const stored = async (store: Store, id: string) => (await backend.query<{ label: string | null }>(store,
    `SELECT a.sentiment_label AS label FROM mentions m LEFT JOIN analyses a ON a.mention_id = m.id WHERE m.external_id = '${id}'`))[0]!.label;

  it('is left pending, not saved with the old text\'s scores; the unedited one is saved', async () => {
    const [store] = await backend.openPair();
    try {
      await store.upsertMentions([mention('1', 'my Acme kettle is lovely, great buy'), mention('2', 'Acme tea arrived on time')]);
      await saveAcrossAnEdit(store, () => store.upsertMentions([mention('1', 'the Acme kettle lid cracked, awful, I want a refund')]));
      expect(await stored(store, '1')).toBeNull();
      expect(await stored(store, '2')).not.toBeNull();
      const [pending] = await store.pendingAnalysis(analyzer.modelVersion, 0, 10);
      expect(pending?.text).toMatch(/lid cracked/);
    } finally {
      await backend.cleanup();
    }
  });

  // another process (a second cron job, another machine on PostgreSQL) editing it
  it('is left pending when another connection edited it', async () => {
    const [reader, writer] = await backend.openPair();
    try {
      await reader.upsertMentions([mention('1', 'my Acme kettle is lovely, great buy'), mention('2', 'Acme tea arrived on time')]);
      await saveAcrossAnEdit(reader, () => writer.upsertMentions([mention('1', 'the Acme kettle lid cracked, awful, I want a refund')]));
      expect(await stored(reader, '1')).toBeNull();
      expect(await stored(reader, '2')).not.toBeNull();
      expect(await reader.countPendingAnalysis(analyzer.modelVersion)).toBe(1);
    } finally {
      await backend.cleanup();
    }
  });
});
