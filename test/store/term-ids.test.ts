import { describe, expect, it } from 'vitest';
import { createMentionAnalyzer } from '../../src/analysis/analyze-mention.js';
import { analyzeOrFail } from '../../src/analysis/analysis-outcome.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { AnalysisRecord, Store } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

const analyzer = createMentionAnalyzer({ brandTerms: { Acme: ['Acme'] } });
const mention = (id: string, text: string): MentionInput => ({ id, source: 'x', createdAt: '2026-11-20T10:00:00.000Z', text, author: `u${id}`, brand: 'Acme' });

async function analyse(store: Store): Promise<void> {
  const inputs = await store.pendingAnalysis(analyzer.modelVersion, 0, 10);
  await store.saveAnalyses(inputs.map((input) => analyzeOrFail(analyzer, input) as AnalysisRecord));
}

// the writer takes a new term's id from its insert and looks a stored one up: a second
// writer (its own, empty id cache) must link a term it did not create to the stored id
for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`term ids across writers (${backend.name})`, () => {
  it('links a stored term to its id, and a new one to a fresh id', async () => {
    const [first, second] = await backend.openPair();
    try {
      await first.upsertMentions([mention('1', 'my Acme kettle is lovely')]);
      await analyse(first);
      await second.upsertMentions([mention('2', 'the Acme kettle whistles, and the toaster too')]);
      await analyse(second);
      const links = await backend.query<{ id: string; key: string; term: number; stored: number }>(first, `
        SELECT m.external_id AS id, t.key, mt.term_id AS term, (SELECT COUNT(*) FROM terms u WHERE u.key = t.key) AS stored
        FROM mention_terms mt JOIN mentions m ON m.id = mt.mention_id JOIN terms t ON t.id = mt.term_id
        WHERE t.key IN ('kettle', 'toaster') ORDER BY m.external_id, t.key`);
      const kettle = links.filter((l) => l.key === 'kettle');
      expect(kettle.map((l) => l.id)).toEqual(['1', '2']);
      expect(Number(kettle[0]!.term)).toBe(Number(kettle[1]!.term));
      const toaster = links.find((l) => l.key === 'toaster');
      expect(toaster).toBeDefined();
      expect(Number(toaster!.term)).not.toBe(Number(kettle[0]!.term));
      expect(links.every((l) => Number(l.stored) === 1)).toBe(true);
    } finally {
      await backend.cleanup();
    }
  });
});
