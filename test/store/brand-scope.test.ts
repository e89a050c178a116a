import { describe, expect, it } from 'vitest';
import { analysisJobs } from '../../src/core/adapted-models.js';
import type { Adaptation } from '../../src/analysis/adapt/index.js';
import type { MentionInput } from '../../src/domain/mention.js';
import type { BrandScope } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const mention = (id: string, brand: string, alsoBrands: string[] = []): MentionInput => ({
  id, source: 'x', brand, alsoBrands, createdAt: '2026-11-20T10:00:00.000Z', text: `post ${id}`, author: `a${id}`,
});

/** Only the fields analysisJobs reads. */
const adapted = (brand: string | null): Adaptation => ({ brand, version: `base+adapt-${brand ?? 'store'}` }) as Adaptation;

const backends = await storeBackends();

describe.each(backends)('per-brand models scope by brand links in the $name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);

  it('gives every mention to exactly one job: the first adapted brand in its link order, else the rest', async () => {
    const s = store();
    await s.upsertMentions([
      mention('1', 'Acme'),
      mention('2', 'Other', ['Acme']), // stored for a brand without a model, names Acme: Acme's model
      mention('3', 'Rival', ['Acme']), // both adapted: the brand that stored it wins
      mention('4', 'Acme', ['Rival']),
      mention('5', 'Other', ['Rival', 'Acme']), // neither stored it: by name, Acme first
      mention('6', 'Other'),
    ]);
    const jobs = analysisJobs('base', [adapted('Acme'), adapted('Rival'), adapted(null)]);
    const ids = async (scope: BrandScope | undefined) => (await s.pendingAnalysis('v', 0, 100, scope)).map((m) => m.id);
    const claimed = await Promise.all(jobs.map((j) => ids(j.scope)));
    expect(claimed).toEqual([['1', '2', '4', '5'], ['3'], ['6']]);
    expect(await Promise.all(jobs.map((j) => s.countPendingAnalysis('v', j.scope)))).toEqual([4, 1, 1]);
    // without rivals, a brand's scope is every mention linked to it
    expect(await ids({ brands: ['acme'] })).toEqual(['1', '2', '3', '4', '5']);
    expect(await ids({ exceptBrands: ['Acme'] })).toEqual(['6']);
  });

  it('trains a brand on the labels of every mention linked to it', async () => {
    const s = store();
    await s.upsertMentions([mention('1', 'Acme'), mention('2', 'Other', ['Acme']), mention('3', 'Other')]);
    const rows = await s.pendingAnalysis('v', 0, 100);
    for (const r of rows) await s.setComplaintLabel(r.rowId, true);
    expect((await s.labelledMentions('Acme')).map((m) => m.id)).toEqual(['1', '2']);
    expect((await s.labelledMentions()).map((m) => m.id)).toEqual(['1', '2', '3']);
  });
});
