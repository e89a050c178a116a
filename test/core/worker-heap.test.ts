import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/seeded-random.js';
import { WORKER_HEAP } from '../../src/core/analyze.js';
import type { AnalysisInput } from '../../src/store/store.js';

// Issue 26: real posts bring words the analyser has never seen, and it remembers a bounded
// number of them (wink's learnt lexicon until its rebuild, the word memos). A worker with
// `earshot analyze`'s heap limits must hold all of that beside the models and the language
// detector (~70 MB live on their own): with too small a cap it died on real text, and its
// batches were analysed again on the store's thread.
const WORKER = fileURLToPath(new URL('../../dist/analysis/analysis-worker.js', import.meta.url));
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Posts of made-up words, hardly one seen twice: the long tail real text has. */
function unseenWordPosts(count: number): string[] {
  const random = seededRandom(26);
  const word = () => Array.from({ length: 4 + Math.floor(random() * 8) }, () => LETTERS[Math.floor(random() * 26)]).join('');
  return Array.from({ length: count }, () => Array.from({ length: 40 }, (_, i) => (i % 9 === 0 ? word()[0]!.toUpperCase() + word() : word())).join(' '));
}

describe("an analysis worker with earshot analyze's heap limits", () => {
  it('analyses a long tail of unseen words without running out of memory', async () => {
    const texts = unseenWordPosts(24_000);
    const worker = new Worker(WORKER, { workerData: { brandTerms: {} }, resourceLimits: WORKER_HEAP });
    try {
      const died = new Promise<never>((_, fail) => worker.once('error', fail));
      let analysed = 0;
      for (let start = 0; start < texts.length; start += 500) {
        const batch: AnalysisInput[] = texts.slice(start, start + 500).map((text, i) => ({ rowId: start + i + 1, id: String(start + i), source: 'x', author: 'a', text, lang: 'en', brands: ['Acme'] }));
        const done = new Promise<{ results: unknown[] }>((resolve) => worker.once('message', resolve));
        worker.postMessage({ id: start, batch });
        analysed += (await Promise.race([done, died])).results.length;
      }
      expect(analysed).toBe(texts.length);
    } finally {
      await worker.terminate();
    }
  }, 240_000);
});
