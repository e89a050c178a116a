import { beforeEach, describe, expect, it } from 'vitest';
import { applyIssueStates, readIssueStates, trackIssueStates } from '../../src/core/issue-states.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';
import { makeIssue, makeReport } from '../support/report-fixtures.js';

const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const reportAt = (hours: number, issues: ReportIssue[]): Report => ({ ...makeReport('Acme', issues), at: at(hours) });
const plastic = (authors: number, terms = ['tea bag', 'plastic']) => makeIssue({ authors, mentions: authors + 2, terms });

describe('issue states', () => {
  it('new, growing (voices ×1.5 since the reference point), steady, fading, resolved, new again', () => {
    let stored: ReturnType<typeof applyIssueStates>['records'] = [];
    const step = (hours: number, issues: ReportIssue[]) => {
      const result = applyIssueStates(reportAt(hours, issues), stored);
      const byKey = new Map(stored.map((r) => [r.issueKey, r]));
      for (const r of result.records) byKey.set(r.issueKey, r);
      stored = [...byKey.values()];
      return result.report;
    };
    expect(step(0, [plastic(10)]).issues[0]).toMatchObject({ state: 'new', issueKey: 'plastic|teabag' });
    // seconds later, the rest of the first scan: growing against the same reference point
    expect(step(0.001, [plastic(24)]).issues[0]!.state).toBe('growing');
    expect(step(1, [plastic(26)]).issues[0]!.state).toBe('growing');
    // 7 h: still against the first run's 10 voices, then the reference moves on to 28
    expect(step(7, [plastic(28)]).issues[0]!.state).toBe('growing');
    // the group gained a term: the same issue, under its first key; new while under a day old
    expect(step(8, [plastic(29, ['tea bag', 'plastic', 'microplastic'])]).issues[0]).toMatchObject({ state: 'new', issueKey: 'plastic|teabag' });
    expect(step(30, [plastic(30)]).issues[0]!.state).toBe('steady');
    expect(step(40, [plastic(12)]).issues[0]!.state).toBe('fading');
    const gone = step(50, []);
    expect(gone.resolved).toEqual([{ issueKey: 'plastic|teabag', firstSeen: at(0), lastSeen: at(40), peakVoices: 30 }]);
    expect(stored[0]!.state).toBe('resolved');
    expect(step(60, [plastic(9)]).issues[0]!.state).toBe('new');
  });

  it('gives no states to a report older than the last recorded run', () => {
    const first = applyIssueStates(reportAt(10, [plastic(10)]), []);
    expect(applyIssueStates(reportAt(5, [plastic(10)]), first.records).report.issues[0]!.state).toBeUndefined();
  });
});

const backends = await storeBackends();

describe.each(backends)('issue states in the store ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  let store: Store;
  beforeEach(() => { store = current(); });

  it('runs record states per brand and issue key; a report reads them and writes nothing', async () => {
    expect((await readIssueStates(store, reportAt(0, [plastic(10)]))).issues[0]!.state).toBeUndefined();
    expect((await store.issueStates('Acme'))).toEqual([]);
    expect((await trackIssueStates(store, reportAt(0, [plastic(10)]))).issues[0]!.state).toBe('new');
    const read = await readIssueStates(store, reportAt(8, [plastic(20)]));
    expect(read.issues[0]!.state).toBe('growing');
    expect(await store.issueStates('Acme')).toEqual([{
      brand: 'Acme', issueKey: 'plastic|teabag', state: 'new', firstSeen: at(0), lastSeen: at(0), voices: 10, mentions: 12, peakVoices: 10, refVoices: 10, refAt: at(0),
    }]);
    expect((await trackIssueStates(store, reportAt(8, [plastic(20)]))).issues[0]!.state).toBe('growing');
    await trackIssueStates(store, reportAt(9, []));
    expect(await store.issueStates('Acme')).toEqual([{
      brand: 'Acme', issueKey: 'plastic|teabag', state: 'resolved', firstSeen: at(0), lastSeen: at(8), voices: 20, mentions: 22, peakVoices: 20, refVoices: 20, refAt: at(8),
    }]);
    expect(await store.issueStates('Other')).toEqual([]);
  });
});
