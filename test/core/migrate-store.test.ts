import { describe, expect, it } from 'vitest';
import { migrateStore } from '../../src/core/migrate-store.js';
import type { MentionInput } from '../../src/domain/mention.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const mention = (id: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: `2026-${id.length % 2 ? '10' : '11'}-2${id.length}T10:00:00.000Z`,
  text: `plastic tea ${id}`, raw: { id, nested: { ok: true } }, metrics: { likes: Number(id.length) }, ...extra,
});

/** A SQLite store with a little of everything migrate-store copies. */
async function seedSource(): Promise<SqliteStore> {
  const source = new SqliteStore(':memory:');
  const ids = ['1', '22', '333', '4444', '55555', '666666', '7'];
  await source.upsertMentions(ids.map((id) => mention(id)), { source: 'x', brand: 'Acme', stream: 'search', value: 'cursor-9' });
  await source.upsertMentions([mention('8', { brand: 'Other', source: 'reddit', raw: undefined })]);
  await source.recordScanRun({ source: 'x', brand: 'Acme', startedAt: '2026-11-20T10:00:00.000Z', finishedAt: '2026-11-20T10:01:00.000Z',
    postsRead: 7, inserted: 7, updated: 0, status: 'ok' });
  const pending = await source.pendingAnalysis('v1', 0, 100);
  await source.saveAnalyses(pending.map((p, i) => ({ rowId: p.rowId, modelVersion: 'v1', sentimentScore: -0.5, sentimentLabel: 'negative' as const, complaintScore: 0.9, complaint: true,
    safetyScore: i % 2 ? 0.81 : 0.02, safety: i % 2 === 1, clusterKey: `c${i}`, cluster: i, voice: 4_000_000_000 + i, terms: [{ key: 'plastic', display: 'plastic' }, { key: `t${i % 3}`, display: `T ${i % 3}` }] })));
  await source.setHumanLabel(pending[0]!.rowId, 'positive');
  await source.setComplaintLabel(pending[1]!.rowId, false);
  await source.setSafetyLabel(pending[2]!.rowId, true);
  await source.recordAlertSent({ target: 'h', targetName: 'slack', brand: 'Acme', issueKey: 'plastic', mentions: 7, sentAt: '2026-11-20T12:00:00.000Z' });
  await source.recordMentionAlerts([{ target: 'h', targetName: 'hn', source: 'x', id: '1', posted: true, sentAt: '2026-11-20T12:00:00.000Z' },
    { target: 'h', targetName: 'hn', source: 'x', id: '22', posted: false, sentAt: '2026-11-20T12:00:00.000Z' }]);
  await source.recordDigestSent({ target: 'h', targetName: 'mail', brand: 'Acme', period: 'day', periodStart: '2026-11-19T00:00:00.000Z', messageId: '<d@example.com>', sentAt: '2026-11-20T07:00:00.000Z' });
  return source;
}

async function exported(store: Store) {
  const rows = [];
  for await (const row of store.exportMentions({})) rows.push(row);
  return rows;
}

const backends = await storeBackends();

describe.each(backends)('migrateStore into $name', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const target = useStore(backend);

  it('copies every table, keeps ids, and the copy reads back the same', async () => {
    const source = await seedSource();
    const results = await migrateStore(source, target(), { batchSize: 3 });
    expect(results.map((r) => [r.table, r.source === r.target && r.copied === r.source])).toEqual(results.map((r) => [r.table, true]));
    expect(results.find((r) => r.table === 'mentions')!.source).toBe(8);
    expect(await exported(target())).toEqual(await exported(source));
    expect((await target().status()).rows).toEqual((await source.status()).rows);
    expect(await target().getCursor({ source: 'x', brand: 'acme', stream: 'search' })).toBe('cursor-9');
    const range = { brand: 'Acme', fromHour: 0, toHour: 10_000_000 };
    const byId = (rows: Array<{ termId: number }>) => [...rows].sort((a, b) => a.termId - b.termId);
    expect(byId(await target().windowTerms(range, 1, 10))).toEqual(byId(await source.windowTerms(range, 1, 10)));
    expect(await target().alertsSentSince({ target: 'h', brand: 'Acme' }, '1970-01-01T00:00:00.000Z')).toMatchObject([{ issueKey: 'plastic', mentions: 7 }]);
    // what per-mention alerts and digests sent moves too: a migrated store sends none of it again
    expect([...await target().mentionAlertsSent('h', [{ source: 'x', id: '1' }, { source: 'x', id: '22' }, { source: 'x', id: '333' }])].sort()).toEqual(['x:1', 'x:22']);
    expect(await target().digestSent({ target: 'h', brand: 'acme', period: 'day', periodStart: '2026-11-19T00:00:00.000Z' }))
      .toMatchObject({ messageId: '<d@example.com>', sentAt: '2026-11-20T07:00:00.000Z' });
    expect((await backend.query(target(), 'SELECT raw FROM mentions ORDER BY id'))
      .map((r) => (typeof r.raw === 'string' ? JSON.parse(r.raw) : r.raw))[0]).toEqual({ id: '1', nested: { ok: true } });
    // ids handed out after the copy do not collide with copied ones
    const max = Math.max(...(await target().pendingAnalysis('v2', 0, 100)).map((p) => p.rowId));
    expect(await target().upsertMentions([mention('new')])).toMatchObject({ inserted: 1, updated: 0 });
    expect((await target().findMention('x:new'))[0]!.rowId).toBeGreaterThan(max);
    await source.close();
  });

  it('resumes an interrupted copy without duplicating and verifies by counts', async () => {
    const source = await seedSource();
    const store = target();
    let writes = 0;
    const flaky: Store = Object.create(store, {
      writeCopyBatch: { value: async (...args: Parameters<Store['writeCopyBatch']>) => {
        if (++writes === 6) throw new Error('connection lost');
        return store.writeCopyBatch(...args);
      } },
    });
    await expect(migrateStore(source, flaky, { batchSize: 2 })).rejects.toThrow(/connection lost/);
    const results = await migrateStore(source, store, { batchSize: 2 });
    expect(results.every((r) => r.source === r.target)).toBe(true);
    expect(results.find((r) => r.table === 'mentions')!.copied).toBeLessThan(8);
    expect(await exported(store)).toEqual(await exported(source));
    // a rerun of a finished copy copies nothing new
    expect((await migrateStore(source, store)).filter((r) => r.table !== 'scan_cursors').every((r) => r.copied === 0)).toBe(true);
    await source.close();
  });

  it('refuses a target that holds data of its own', async () => {
    const source = await seedSource();
    await target().upsertMentions([mention('1', { id: 'other', brand: 'Zeta' })]);
    await expect(migrateStore(source, target())).rejects.toThrow(/did not come from/);
    await source.close();
  });
});
