import { describe, expect, it } from 'vitest';
import { analyzePending } from '../../src/core/analyze.js';
import { exactRange } from '../../src/store/store.js';
import { storeBackends } from '../support/store-backends.js';

const H = 3_600_000;
const AT = Date.parse('2026-11-20T12:00:00.000Z');

/**
 * Issue 25: the report screens terms by voices per day of its own phase. One author
 * posting at 09:10 and 10:20 is one voice with days from midnight, two with days from
 * 10:00; a second author once is one voice either way.
 */
for (const backend of await storeBackends()) describe.skipIf(!backend.available)(`phasedTerms (${backend.name})`, () => {
  it('counts voices per day of the range\'s phase, every term or the chosen ones, honouring the minimum', async () => {
    const store = await backend.open();
    try {
      const day = Date.parse('2026-11-19T00:00:00.000Z');
      const posts = [['same', 9 * 60 + 10], ['same', 10 * 60 + 20], ['other', 15 * 60]] as const;
      await store.upsertMentions(posts.map(([author, minutes], i) => ({ id: `p${i}`, source: 'x', brand: 'Acme', author,
        createdAt: new Date(day + minutes * 60_000).toISOString(), text: `the kettle lid cracked ${['again', 'today', 'badly'][i]}` })));
      await analyzePending(store, { brandTerms: { Acme: ['Acme'] }, workers: 0 });
      const range = (dayPhase: number) => exactRange('Acme', AT - 48 * H, AT, { dayPhase });
      const lid = async (dayPhase: number) => (await store.phasedTerms!(range(dayPhase), { minVoices: 1, limit: 100 })).find((t) => t.key === 'lid');
      expect(await lid(0)).toMatchObject({ mentions: 3, voices: 2 });
      expect(await lid(10)).toMatchObject({ mentions: 3, voices: 3 });
      const [chosen] = await store.phasedTerms!(range(10), { termIds: [(await lid(0))!.termId], minVoices: 0, limit: 10 });
      expect(chosen).toMatchObject({ key: 'lid', mentions: 3, voices: 3 });
      expect((await store.phasedTerms!(range(0), { minVoices: 3, limit: 100 })).map((t) => t.key)).not.toContain('lid');
      // the window's exact edges apply: from 09:30 on, the 09:10 post is out
      const late = await store.phasedTerms!(exactRange('Acme', day + 9.5 * H, AT, { dayPhase: 10 }), { minVoices: 1, limit: 100 });
      expect(late.find((t) => t.key === 'lid')).toMatchObject({ mentions: 2, voices: 2 });
    } finally {
      await backend.cleanup();
    }
  });
});
