import { describe, expect, it } from 'vitest';
import { storeBackends, useStore } from '../support/store-backends.js';

const backends = await storeBackends();

describe.each(backends)('per-mention alert and digest records on $name', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);
  const at = '2026-12-01T09:31:00.000Z';

  it('a mention is recorded once per target; another target has its own record', async () => {
    const s = store();
    await s.recordMentionAlerts([{ target: 't1', targetName: 'a', source: 'x', id: '1', posted: true, sentAt: at },
      { target: 't1', targetName: 'a', source: 'reddit', id: '1', posted: false, sentAt: at }]);
    // a second run recording the same mention (a race, or a retry) changes nothing and does not fail
    await s.recordMentionAlerts([{ target: 't1', targetName: 'a', source: 'x', id: '1', posted: false, sentAt: at }]);
    const refs = [{ source: 'x', id: '1' }, { source: 'reddit', id: '1' }, { source: 'x', id: '2' }];
    expect([...await s.mentionAlertsSent('t1', refs)].sort()).toEqual(['reddit:1', 'x:1']);
    expect([...await s.mentionAlertsSent('t2', refs)]).toEqual([]);
    expect([...await s.mentionAlertsSent('t1', [])]).toEqual([]);
    const many = Array.from({ length: 1_000 }, (_, i) => ({ source: 'x', id: String(i) }));
    expect([...await s.mentionAlertsSent('t1', many)].sort()).toEqual(['x:1']);
  });

  it('a digest is recorded once per target, brand (any case) and period', async () => {
    const s = store();
    const key = { target: 't1', brand: 'Acme', period: 'day' as const, periodStart: '2026-11-30T00:00:00.000Z' };
    expect(await s.digestSent(key)).toBeNull();
    expect(await s.recordDigestSent({ ...key, targetName: 'mail', messageId: '<m@example.com>', sentAt: at })).toBe(true);
    expect(await s.recordDigestSent({ ...key, brand: 'ACME', targetName: 'mail', messageId: '<m@example.com>', sentAt: at })).toBe(false);
    expect(await s.digestSent({ ...key, brand: 'acme' })).toEqual({ ...key, targetName: 'mail', messageId: '<m@example.com>', sentAt: at });
    expect(await s.digestSent({ ...key, period: 'week' })).toBeNull();
    expect(await s.digestSent({ ...key, periodStart: '2026-11-29T00:00:00.000Z' })).toBeNull();
  });
});
