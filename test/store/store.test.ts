import { LATEST_VERSION } from '../../src/store/sqlite/migrations.js';
import { describe, expect, it } from 'vitest';
import type { MentionInput } from '../../src/domain/mention.js';
import { storeBackends, useStore } from '../support/store-backends.js';

const mention = (id: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  id, source: 'x', brand: 'Acme', createdAt: '2026-11-20T10:00:00.000Z', text: `text ${id}`, ...extra,
});

const backends = await storeBackends();

describe.each(backends)('$name store', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const store = useStore(backend);
  const scalar = async (text: string) => Object.values((await backend.query(store(), text))[0] ?? {})[0];

  it('keeps one row per (source, id), refreshes metrics and keeps first_seen', async () => {
    // the store's clock, moved by the test: no waiting for the wall clock to tick
    let now = new Date('2026-11-20T11:00:00.000Z');
    const clocked = await backend.open({ clock: () => now });
    expect(await clocked.upsertMentions([mention('1', { metrics: { likes: 1 } })])).toMatchObject({ inserted: 1, updated: 0 });
    now = new Date('2026-11-20T11:05:00.000Z');
    expect(await clocked.upsertMentions([mention('1', { metrics: { likes: 9 } })])).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await clocked.findMention('1');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.likes).toBe(9);
    expect(rows[0]!).toMatchObject({ firstSeen: '2026-11-20T11:00:00.000Z', lastSeen: '2026-11-20T11:05:00.000Z' });
  });

  it('reads a mention back exactly as written', async () => {
    const input = mention('9', { author: 'ann', url: 'https://x.test/9', lang: 'en', text: 'Plastic in tea',
      metrics: { likes: 2, replies: 3, reposts: 4, score: 5 }, createdAt: '2026-01-31T23:59:59.999Z' });
    await store().upsertMentions([input]);
    const [row] = await store().findMention('x:9');
    expect(row).toMatchObject({ id: '9', source: 'x', brand: 'Acme', createdAt: '2026-01-31T23:59:59.999Z', author: 'ann',
      url: 'https://x.test/9', lang: 'en', text: 'Plastic in tea', likes: 2, replies: 3, reposts: 4, score: 5 });
    expect(typeof row!.rowId).toBe('number');
    expect(row!.firstSeen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps the same id from two sources apart', async () => {
    await store().upsertMentions([mention('7'), mention('7', { source: 'reddit' })]);
    expect(await store().findMention('7')).toHaveLength(2);
    expect(await store().findMention('reddit:7')).toHaveLength(1);
  });

  it('counts a mention repeated within one batch once', async () => {
    expect(await store().upsertMentions([mention('1'), mention('1', { text: 'again' })])).toMatchObject({ inserted: 1, updated: 1 });
    expect((await store().findMention('x:1'))[0]!.text).toBe('again');
  });

  it('commits a cursor together with its page, and rolls both back on failure', async () => {
    const key = { source: 'x', brand: 'Acme', stream: 'search' };
    await store().upsertMentions([mention('1')], { ...key, value: 'c1' });
    expect(await store().getCursor(key)).toBe('c1');
    expect(await store().getCursor({ ...key, brand: 'ACME' })).toBe('c1');
    const bad = { ...mention('2'), text: null as unknown as string };
    await expect(store().upsertMentions([mention('3'), bad], { ...key, value: 'c2' })).rejects.toThrow();
    expect(await store().getCursor(key)).toBe('c1');
    expect(await store().findMention('3')).toHaveLength(0);
  });

  it('searches full text, falls back to literal words, and filters by brand and time', async () => {
    await store().upsertMentions([
      mention('1', { text: 'Plastic in my tea bags?!', createdAt: '2026-11-19T00:00:00.000Z' }),
      mention('2', { text: 'plastic everywhere', brand: 'Other', createdAt: '2026-11-21T00:00:00.000Z' }),
    ]);
    expect((await store().searchMentions({ text: 'plastic', limit: 10 })).map((m) => m.id)).toEqual(['2', '1']);
    expect(await store().searchMentions({ text: 'bags?!', limit: 10 })).toHaveLength(1);
    expect(await store().searchMentions({ text: '"tea bags"', limit: 10 })).toHaveLength(1);
    expect(await store().searchMentions({ text: 'plastic', brand: 'acme', limit: 10 })).toHaveLength(1);
    expect(await store().searchMentions({ text: 'plastic', since: '2026-11-20T00:00:00.000Z', limit: 10 })).toHaveLength(1);
    expect(await store().searchMentions({ text: "'; DROP TABLE mentions; --", limit: 10 })).toHaveLength(0);
    await expect(store().searchMentions({ text: '?!', limit: 10 })).rejects.toThrow(/no words/);
    expect((await store().status()).totalMentions).toBe(2);
  });

  it('re-scores only what the current model has not scored, and keeps human labels', async () => {
    await store().upsertMentions([mention('1'), mention('2')]);
    const pending = await store().pendingAnalysis('v1', 0, 10);
    expect(pending.map((p) => p.text)).toEqual(['text 1', 'text 2']);
    await store().saveAnalyses(pending.map((p) => ({
      rowId: p.rowId, modelVersion: 'v1', sentimentScore: 0.5, sentimentLabel: 'positive' as const, complaintScore: 0.1, complaint: false, safetyScore: 0, safety: false,
      clusterKey: 'k', cluster: 1, voice: p.rowId, terms: [{ key: 'teabag', display: 'tea bag' }],
    })));
    expect(await store().countPendingAnalysis('v1')).toBe(0);
    expect(await store().countPendingAnalysis('v2')).toBe(2);
    const first = pending[0]!.rowId;
    await store().setHumanLabel(first, 'negative');
    expect(Number(await scalar('SELECT COUNT(*) AS n FROM human_labels'))).toBe(1);
    expect(Number(await scalar(`SELECT sentiment FROM mention_terms WHERE mention_id = ${first}`))).toBe(-1);
    expect(Number(await scalar(`SELECT hour FROM analyses WHERE mention_id = ${first}`)))
      .toBe(Math.floor(Date.parse('2026-11-20T10:00:00.000Z') / 3_600_000));
    // an edited text invalidates the analysis but not the human label
    await store().upsertMentions([mention('1', { text: 'edited' })]);
    expect(await store().countPendingAnalysis('v1')).toBe(1);
    expect(Number(await scalar('SELECT COUNT(*) AS n FROM human_labels'))).toBe(1);
  });

  it('reports status per brand and source with the schema version', async () => {
    await store().upsertMentions([mention('1'), mention('2', { source: 'reddit', createdAt: '2026-10-01T00:00:00.000Z' })]);
    await store().recordScanRun({ source: 'x', brand: 'Acme', startedAt: '2026-11-20T11:00:00.000Z', finishedAt: '2026-11-20T11:01:00.000Z',
      postsRead: 1, inserted: 1, updated: 0, status: 'ok', kind: 'ok', httpStatus: null });
    const status = await store().status();
    expect(status.rows).toEqual([
      { brand: 'Acme', source: 'reddit', mentions: 1, firstMention: '2026-10-01T00:00:00.000Z', lastMention: '2026-10-01T00:00:00.000Z', analyzed: 0, complaints: 0, safety: 0, questions: 0, suggestions: 0, lastScan: null, lastOutcome: null, lastSuccess: null, lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: null, lastHttpStatus: null },
      { brand: 'Acme', source: 'x', mentions: 1, firstMention: '2026-11-20T10:00:00.000Z', lastMention: '2026-11-20T10:00:00.000Z', analyzed: 0, complaints: 0, safety: 0, questions: 0, suggestions: 0,
        lastScan: '2026-11-20T11:01:00.000Z', lastOutcome: 'ok', lastSuccess: '2026-11-20T11:01:00.000Z', lastFailure: null, lastFailureReason: null, budgetHit: false, lastKind: 'ok', lastHttpStatus: null },
    ]);
    expect(status.schemaVersion).toBe(LATEST_VERSION);
    expect(status.sizeBytes).toBeGreaterThan(0);
    // a brand that was scanned but has nothing stored is not a stored brand
    await store().recordScanRun({ source: 'x', brand: 'Zeta', startedAt: '2026-11-20T11:00:00.000Z', finishedAt: '2026-11-20T11:01:00.000Z',
      postsRead: 0, inserted: 0, updated: 0, status: 'ok' });
    await store().upsertMentions([mention('3', { brand: 'Beta' })]);
    expect(await store().storedBrands()).toEqual(['Acme', 'Beta']);
  });

  it('keeps one saved login per source account, replaced on save and forgotten with null', async () => {
    const key = { source: 'bluesky', account: 'a'.repeat(32) };
    expect(await store().getSourceSession(key)).toBeNull();
    await store().saveSourceSession(key, 'v1.sealed-one');
    await store().saveSourceSession(key, 'v1.sealed-two');
    await store().saveSourceSession({ ...key, account: 'b'.repeat(32) }, 'v1.other');
    expect(await store().getSourceSession(key)).toBe('v1.sealed-two');
    expect(await store().getSourceSession({ ...key, source: 'x' })).toBeNull();
    expect(Number(await scalar('SELECT COUNT(*) AS n FROM source_sessions'))).toBe(2);
    await store().saveSourceSession(key, null);
    expect(await store().getSourceSession(key)).toBeNull();
    expect(Number(await scalar('SELECT COUNT(*) AS n FROM source_sessions'))).toBe(1);
  });

  it('remembers alerts sent per target, brand (any case) and issue', async () => {
    const key = { target: 'h1', brand: 'Acme', issueKey: 'plastic|tea' };
    const ever = '1970-01-01T00:00:00.000Z';
    expect(await store().alertsSentSince(key, ever)).toEqual([]);
    await store().recordAlertSent({ ...key, targetName: 'slack', mentions: 3, sentAt: '2026-11-20T10:00:00.000Z' });
    await store().recordAlertSent({ ...key, targetName: 'slack', mentions: 5, sentAt: '2026-11-20T12:00:00.000Z' });
    expect((await store().alertsSentSince({ ...key, brand: 'acme' }, ever))[0]).toEqual({ ...key, targetName: 'slack', mentions: 5, sentAt: '2026-11-20T12:00:00.000Z' });
    expect(await store().alertsSentSince({ ...key, target: 'h2' }, ever)).toEqual([]);
    await store().recordAlertSent({ ...key, issueKey: 'plastic', targetName: 'slack', mentions: 7, sentAt: '2026-11-20T13:00:00.000Z' });
    const since = await store().alertsSentSince({ target: 'h1', brand: 'ACME' }, '2026-11-20T12:00:00.000Z');
    expect(since.map((r) => [r.issueKey, r.sentAt])).toEqual([['plastic', '2026-11-20T13:00:00.000Z'], ['plastic|tea', '2026-11-20T12:00:00.000Z']]);
    expect(await store().alertsSentSince({ target: 'h2', brand: 'Acme' }, '2026-11-01T00:00:00.000Z')).toEqual([]);
  });

  it('holds one run lock, refuses a second and frees it on release', async () => {
    const owner = { pid: process.pid, hostname: 'here', startedAt: '2026-11-20T10:00:00.000Z' };
    const [one, other] = await backend.openPair();
    const first = await one.acquireRunLock(owner, 60_000);
    expect(first.acquired).toBe(true);
    const second = await other.acquireRunLock({ ...owner, hostname: 'there' }, 60_000);
    expect(second).toMatchObject({ acquired: false, holder: { hostname: 'here', startedAt: owner.startedAt } });
    if (first.acquired) await one.heartbeatRunLock(first.token);
    if (first.acquired) await one.releaseRunLock(first.token);
    const third = await other.acquireRunLock({ ...owner, hostname: 'there' }, 60_000);
    expect(third).toMatchObject({ acquired: true });
    expect(third).not.toHaveProperty('tookOverFrom');
  });

  it('takes over a lock whose holder went silent', async () => {
    const owner = { pid: 1, hostname: 'frozen-host', startedAt: '2026-11-20T10:00:00.000Z' };
    const [one, other] = await backend.openPair();
    expect((await one.acquireRunLock(owner, 60_000)).acquired).toBe(true);
    await backend.query(one, "UPDATE run_lock SET heartbeat = '2000-01-01T00:00:00.000Z'");
    const taken = await other.acquireRunLock({ ...owner, hostname: 'live-host' }, 60_000);
    expect(taken).toMatchObject({ acquired: true, tookOverFrom: { pid: 1, hostname: 'frozen-host' } });
  });
});
