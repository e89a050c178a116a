import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPreviousAlert, issueKeyOf, isDue, sendAlerts, type AlertOptions } from '../../src/core/alert.js';
import { maskUrl } from '../../src/core/alert-delivery.js';
import { alertTargetSchema, type AlertTarget } from '../../src/config/schema.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import { escapeSlack } from '../../src/report/slack.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, useStore } from '../support/store-backends.js';
import { startReceiver } from '../support/receiver.js';

/** An issue as a webhook posts it: each sample's time as createdAt, created_at beside it. */
const asPosted = (issue: ReportIssue) => ({ ...issue, samples: issue.samples.map((x) => ({ ...x, createdAt: x.created_at })) });
import { makeIssue, makeReport } from '../support/report-fixtures.js';

export { makeIssue, makeReport };

const target = (t: Record<string, unknown>): AlertTarget => alertTargetSchema.parse(t);
const NOW = new Date('2026-11-20T12:00:00.000Z');
const FAST: AlertOptions['retry'] = { retries: 3, minDelayMs: 5, maxDelayMs: 20 };

const backends = await storeBackends();
let store: Store;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
afterEach(async () => { await receiver?.close().catch(() => undefined); });

describe.each(backends)('sendAlerts ($name)', (backend) => {
  if (!backend.available) {
    it.skip('needs a PostgreSQL server (see .ci/postgres.sh)', () => undefined);
    return;
  }
  const current = useStore(backend);
  beforeEach(() => { store = current(); });

  it('posts a Block Kit message to Slack with escaped text, counts, two samples and the export command', async () => {
    receiver = await startReceiver();
    const slack = target({ type: 'slack', name: 'team', url: receiver.url('/services/T0/B0/secret') });
    const summary = await sendAlerts(store, [makeReport('Clipper "Teas"', [makeIssue()])], [slack], { now: NOW, retry: FAST });
    expect(summary.sent).toHaveLength(1);
    const [hit] = receiver.hits('/services/T0/B0/secret');
    expect(hit!.headers['content-type']).toBe('application/json');
    const message = JSON.parse(hit!.body) as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }> };
    const all = JSON.stringify(message.blocks);
    expect(message.blocks[0]!.text!.text).toBe('Emerging issue for Clipper "Teas": plastic in tea bags');
    expect(message.blocks[1]!.text!.text).toContain('*40* mentions from *31* people in the last 48h');
    expect(message.blocks[1]!.text!.text).toContain('*×20 voices vs baseline (2 expected)*');
    expect(message.blocks[1]!.text!.text).toContain('*85%* negative');
    const samples = message.blocks.filter((b) => b.text?.text.startsWith('>'));
    expect(samples).toHaveLength(2);
    expect(samples[0]!.text!.text).toContain('Plastic in my &lt;b&gt;tea&lt;/b&gt; &amp; bags?! &lt;https://evil.example|click&gt;');
    expect(samples[0]!.text!.text).toContain('&lt;!channel&gt; @\u200bhere');
    expect(samples[0]!.text!.text).toContain('<https://x.com/a/status/1|open>');
    expect(all).not.toMatch(/<!(channel|here|everyone)/);
    expect(message.blocks.at(-1)!.elements![0]!.text).toContain('`earshot export --brand \'Clipper "Teas"\' --issue 1 --at 2026-11-20T12:00:00.000Z`');
  });

  it('signs generic webhooks with HMAC-SHA256 of the raw body and posts the issue with its brand', async () => {
    receiver = await startReceiver();
    const hook = target({ type: 'webhook', url: receiver.url('/hook'), secret: 's3cret-value' });
    await sendAlerts(store, [makeReport('Acme', [makeIssue()])], [hook], { now: NOW, retry: FAST });
    const [hit] = receiver.hits('/hook');
    const expected = createHmac('sha256', 's3cret-value').update(hit!.body).digest('hex');
    expect(hit!.headers['x-earshot-signature']).toBe(`sha256=${expected}`);
    expect(hit!.headers['x-earshot-timestamp']).toBe(String(NOW.getTime() / 1000));
    expect(JSON.parse(hit!.body)).toEqual({ kind: 'issue', brand: 'Acme', issueKey: 'plastic|teabag', at: '2026-11-20T12:00:00.000Z', state: 'new', ...asPosted(makeIssue()), warnings: [] });
    const unsigned = target({ type: 'webhook', url: receiver.url('/plain') });
    await sendAlerts(store, [makeReport('Acme', [makeIssue()])], [unsigned], { now: NOW, retry: FAST });
    expect(receiver.hits('/plain')[0]!.headers['x-earshot-signature']).toBeUndefined();
  });

  it('applies each target\'s rules: brands, minimum score, mentions and negative share', async () => {
    receiver = await startReceiver();
    const reports = [makeReport('Acme', [makeIssue(), makeIssue({ rank: 2, terms: ['delivery'], negativeShare: 0.3, mentions: 8 })]), makeReport('Other', [makeIssue()])];
    const summary = await sendAlerts(store, reports, [
      target({ type: 'webhook', name: 'acme-only', url: receiver.url('/a'), brands: ['acme'] }),
      target({ type: 'webhook', name: 'negative', url: receiver.url('/n'), minNegativeShare: 0.5 }),
      target({ type: 'webhook', name: 'big', url: receiver.url('/b'), minMentions: 10, minScore: 100 }),
    ], { now: NOW, retry: FAST });
    expect(receiver.hits('/a').map((h) => JSON.parse(h.body).rank)).toEqual([1, 2]);
    expect(receiver.hits('/n').map((h) => JSON.parse(h.body).brand)).toEqual(['Acme', 'Other']);
    expect(receiver.hits('/b')).toHaveLength(0);
    expect(summary.sent).toHaveLength(4);
  });

  it('labels a rival\'s issue as an opportunity; targets without brands leave declared rivals to it', async () => {
    receiver = await startReceiver();
    const reports = [makeReport('Kettleby Tea', [makeIssue({ label: 'lid', terms: ['lid'] })]), makeReport('Clipper Teas', [makeIssue()])];
    const summary = await sendAlerts(store, reports, [
      target({ type: 'slack', name: 'team', url: receiver.url('/team') }),
      target({ type: 'slack', name: 'strategy', url: receiver.url('/rivals'), brands: ['clipper teas'], kind: 'opportunity' }),
      target({ type: 'webhook', name: 'bi', url: receiver.url('/bi'), brands: ['Clipper Teas'], kind: 'opportunity' }),
    ], { now: NOW, retry: FAST });
    expect(summary.sent.map((d) => [d.target, d.brand, d.kind])).toEqual([
      ['team', 'Kettleby Tea', 'issue'], ['strategy', 'Clipper Teas', 'opportunity'], ['bi', 'Clipper Teas', 'opportunity'],
    ]);
    const own = JSON.parse(receiver.hits('/team')[0]!.body) as { text: string; blocks: Array<{ text?: { text: string } }> };
    expect(own.blocks[0]!.text!.text).toBe('Emerging issue for Kettleby Tea: lid');
    const rival = JSON.parse(receiver.hits('/rivals')[0]!.body) as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }> };
    expect(rival.blocks[0]!.text!.text).toBe('Opportunity: rival Clipper Teas has an emerging issue: plastic in tea bags');
    expect(rival.text).toBe('Opportunity: rival Clipper Teas has an emerging issue: plastic in tea bags (new, 40 mentions)');
    expect(rival.blocks[1]!.elements![0]!.text).toContain('*Opportunity*');
    expect(JSON.stringify(rival.blocks)).toContain("earshot export --brand 'Clipper Teas' --issue 1");
    expect(JSON.parse(receiver.hits('/bi')[0]!.body)).toEqual({ kind: 'opportunity', brand: 'Clipper Teas', issueKey: 'plastic|teabag', at: '2026-11-20T12:00:00.000Z', state: 'new', ...asPosted(makeIssue()), warnings: [] });
    // the same issue of the rival, again: each target remembers what it sent
    const again = await sendAlerts(store, reports, [target({ type: 'slack', name: 'strategy', url: receiver.url('/rivals'), brands: ['Clipper Teas'], kind: 'opportunity' })], { now: NOW, retry: FAST });
    expect(again.sent).toHaveLength(0);
    expect(again.coolingDown).toBe(1);
  });

  it('filters on complaint share: a problem told without sentiment words passes minComplaintShare', async () => {
    receiver = await startReceiver();
    const flat = makeIssue({ terms: ['lid', 'cracked'], negativeShare: 0.1, complaintShare: 0.8 });
    const chatter = makeIssue({ rank: 2, terms: ['launch'], negativeShare: 0.1, complaintShare: 0.1 });
    await sendAlerts(store, [makeReport('Acme', [flat, chatter])], [
      target({ type: 'webhook', url: receiver.url('/c'), minComplaintShare: 0.5 }),
    ], { now: NOW, retry: FAST });
    expect(receiver.hits('/c').map((h) => (JSON.parse(h.body) as ReportIssue).terms)).toEqual([['lid', 'cracked']]);
  });

  it('lets a safety issue through minNegativeShare and minComplaintShare, marked safety in Slack and the webhook', async () => {
    receiver = await startReceiver();
    const burn = makeIssue({ terms: ['kettle', 'burn'], negativeShare: 0.1, complaintShare: 0.2, safety: true, safetyShare: 0.6, safetyVoices: 9 });
    const chatter = makeIssue({ rank: 2, terms: ['launch'], negativeShare: 0.1, complaintShare: 0.1 });
    await sendAlerts(store, [makeReport('Acme', [burn, chatter])], [
      target({ type: 'webhook', url: receiver.url('/w'), minComplaintShare: 0.5, minNegativeShare: 0.5 }),
      target({ type: 'slack', url: receiver.url('/s'), minComplaintShare: 0.5 }),
    ], { now: NOW, retry: FAST });
    const posted = receiver.hits('/w').map((h) => JSON.parse(h.body) as ReportIssue);
    expect(posted.map((i) => [i.terms, i.safety, i.safetyVoices])).toEqual([[['kettle', 'burn'], true, 9]]);
    const slack = receiver.hits('/s').map((h) => h.body);
    expect(slack).toHaveLength(1);
    expect(slack[0]).toContain('Safety issue for Acme');
    expect(slack[0]).toContain('9 people report harm');
  });

  it('never double-posts on re-run; alerts again after the cooldown or when the issue regrew', async () => {
    receiver = await startReceiver();
    const hook = target({ type: 'webhook', url: receiver.url('/hook'), cooldownHours: 24, regrowFactor: 2 });
    const send = (issue: ReportIssue, now: Date) => sendAlerts(store, [makeReport('Acme', [issue])], [hook], { now, retry: FAST });
    await send(makeIssue(), NOW);
    const again = await send(makeIssue({ terms: ['plastic', 'Tea bag'], rank: 3 }), new Date(NOW.getTime() + 3_600_000));
    expect(again).toMatchObject({ sent: [], coolingDown: 1 });
    expect(receiver.hits('/hook')).toHaveLength(1);
    // doubled two hours later: too soon to be a second wave (regrowAfterHours, 6 by default)
    await send(makeIssue({ mentions: 80 }), new Date(NOW.getTime() + 2 * 3_600_000));
    expect(receiver.hits('/hook')).toHaveLength(1);
    const regrew = await send(makeIssue({ mentions: 80 }), new Date(NOW.getTime() + 7 * 3_600_000));
    expect(regrew.sent.map((d) => d.state)).toEqual(['growing']);
    expect(receiver.hits('/hook')).toHaveLength(2);
    await send(makeIssue({ mentions: 100 }), new Date(NOW.getTime() + 8 * 3_600_000));
    expect(receiver.hits('/hook')).toHaveLength(2);
    await send(makeIssue({ mentions: 100 }), new Date(NOW.getTime() + 31 * 3_600_000));
    expect(receiver.hits('/hook')).toHaveLength(3);
  });

  it('posts an issue once when two runs seconds apart see the first scan\'s partial data, then the rest', async () => {
    receiver = await startReceiver();
    const slack = target({ type: 'slack', name: 'team', url: receiver.url('/slack') });
    const hook = target({ type: 'webhook', name: 'bi', url: receiver.url('/hook') });
    const first = await sendAlerts(store, [makeReport('Acme', [makeIssue({ mentions: 11, authors: 10 })])], [slack, hook], { now: NOW, retry: FAST });
    expect(first.sent.map((d) => [d.target, d.issueKey, d.state])).toEqual([['team', 'plastic|teabag', 'new'], ['bi', 'plastic|teabag', 'new']]);
    const second = await sendAlerts(store, [makeReport('Acme', [makeIssue({ mentions: 27, authors: 24 })])], [slack, hook], { now: new Date(NOW.getTime() + 3000), retry: FAST });
    expect(second).toMatchObject({ sent: [], coolingDown: 2 });
    expect(receiver.hits('/slack')).toHaveLength(1);
    expect(receiver.hits('/hook')).toHaveLength(1);
    const payload = JSON.parse(receiver.hits('/hook')[0]!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({ issueKey: 'plastic|teabag', state: 'new', at: '2026-11-20T12:00:00.000Z', mentions: 11 });
    const message = JSON.parse(receiver.hits('/slack')[0]!.body) as { text: string; blocks: Array<{ text?: { text: string } }> };
    expect(message.text).toContain('(new, 11 mentions)');
    expect(message.blocks[1]!.text!.text).toMatch(/^\*New\* · \*11\* mentions/);
  });

  it('knows an issue again when its terms drift, and still alerts a different issue sharing one term', async () => {
    receiver = await startReceiver();
    const hook = target({ type: 'webhook', url: receiver.url('/hook'), cooldownHours: 24, regrowFactor: 2 });
    const send = (issue: ReportIssue, hours: number) => sendAlerts(store, [makeReport('Acme', [issue])], [hook], { now: new Date(NOW.getTime() + hours * 3_600_000), retry: FAST });
    await send(makeIssue({ terms: ['tea bag', 'plastic'] }), 0);
    // the group gained a term: same issue, cooling down
    expect(await send(makeIssue({ terms: ['tea bag', 'plastic', 'microplastic'] }), 1)).toMatchObject({ sent: [], coolingDown: 1 });
    // and lost one again
    expect(await send(makeIssue({ terms: ['plastic'] }), 2)).toMatchObject({ sent: [], coolingDown: 1 });
    // sharing "tea bag" alone does not make it the same issue
    expect((await send(makeIssue({ terms: ['tea bag', 'price', 'shipping'] }), 3)).sent).toHaveLength(1);
    expect(receiver.hits('/hook')).toHaveLength(2);
    // once the cooldown is over, the drifted issue alerts again
    expect((await send(makeIssue({ terms: ['tea bag', 'plastic', 'microplastic'] }), 25)).sent).toHaveLength(1);
  });

  it('retries 5xx then succeeds; a failing target is reported without blocking the others, and retried next run', async () => {
    receiver = await startReceiver({ '/flaky': [500, 503, 200], '/down': [500], '/gone': [404] });
    const targets = [
      target({ type: 'webhook', name: 'flaky', url: receiver.url('/flaky') }),
      target({ type: 'webhook', name: 'down', url: receiver.url('/down') }),
      target({ type: 'slack', name: 'gone', url: receiver.url('/gone') }),
      target({ type: 'slack', name: 'ok', url: receiver.url('/ok') }),
    ];
    const summary = await sendAlerts(store, [makeReport('Acme', [makeIssue()])], targets, { now: NOW, retry: FAST });
    expect(summary.sent.map((s) => s.target).sort()).toEqual(['flaky', 'ok']);
    expect(summary.failures).toEqual([
      { target: 'down', brand: 'Acme', label: 'plastic in tea bags', message: 'HTTP 500 after 4 attempt(s)' },
      { target: 'gone', brand: 'Acme', label: 'plastic in tea bags', message: 'HTTP 404 after 1 attempt(s)' },
    ]);
    expect(receiver.hits('/flaky')).toHaveLength(3);
    expect(receiver.hits('/down')).toHaveLength(4);
    const rerun = await sendAlerts(store, [makeReport('Acme', [makeIssue()])], targets, { now: NOW, retry: { ...FAST, retries: 0 } });
    expect(rerun.sent).toHaveLength(0);
    expect(rerun.coolingDown).toBe(2);
    expect(receiver.hits('/down')).toHaveLength(5);
  });

  it('reports network errors without the URL; dry-run sends and records nothing', async () => {
    receiver = await startReceiver();
    const port = new URL(receiver.url('/')).port;
    await receiver.close();
    const dead = target({ type: 'slack', url: `http://127.0.0.1:${port}/services/SECRET` });
    const failed = await sendAlerts(store, [makeReport('Acme', [makeIssue()])], [dead], { now: NOW, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    expect(failed.failures[0]!.message).toBe('ECONNREFUSED after 2 attempt(s)');
    const dry = await sendAlerts(store, [makeReport('Acme', [makeIssue()])], [dead], { now: NOW, dryRun: true });
    expect(dry.sent[0]!.url).toBe(`http://127.0.0.1:${port}/…/****`);
    expect(JSON.stringify(dry)).not.toContain('SECRET');
    expect((await sendAlerts(store, [makeReport('Acme', [makeIssue()])], [dead], { now: NOW, dryRun: true })).sent).toHaveLength(1);
  });
});

describe('alert helpers', () => {
  it('keys issues by normalised, sorted terms', () => {
    expect(issueKeyOf({ terms: ['Tea bags', 'plastic'] })).toBe(issueKeyOf({ terms: ['plastic', 'tea bags'] }));
    expect(issueKeyOf({ terms: ['tea-bag'] })).toBe('teabag');
  });

  it('matches a previous alert by its exact key first, else by the largest term overlap of at least a half', () => {
    const sent = (issueKey: string, hour: number) => ({ target: 'h', targetName: 'n', brand: 'A', issueKey, mentions: 5, sentAt: new Date(NOW.getTime() - hour * 3_600_000).toISOString() });
    const recent = [sent('a|b|c', 1), sent('a|b', 2), sent('x|y', 3)];
    expect(findPreviousAlert(recent, 'a|b')).toBe(recent[1]);
    expect(findPreviousAlert(recent, 'a|b|c|d')).toBe(recent[0]);
    expect(findPreviousAlert(recent, 'x')).toBe(recent[2]);
    expect(findPreviousAlert(recent, 'a|z|w')).toBeNull();
    expect(findPreviousAlert([], 'a')).toBeNull();
  });

  it('masks URLs and escapes Slack control characters', () => {
    expect(maskUrl('https://hooks.slack.com/services/T1/B2/abc')).toBe('https://hooks.slack.com/…/****');
    expect(escapeSlack('a & <!here> @channel')).toBe('a &amp; &lt;!here&gt; @\u200bchannel');
  });

  it('is due with no history, after the cooldown, or after regrowth', () => {
    const t = target({ type: 'slack', url: 'https://hooks.slack.com/x', cooldownHours: 24, regrowFactor: 2 });
    const last = { target: 'h', targetName: 'n', brand: 'A', issueKey: 'k', mentions: 10, sentAt: NOW.toISOString() };
    expect(isDue(t, null, makeIssue(), NOW)).toBe(true);
    expect(isDue(t, last, makeIssue({ mentions: 19 }), new Date(NOW.getTime() + 23 * 3_600_000))).toBe(false);
    expect(isDue(t, last, makeIssue({ mentions: 20 }), NOW)).toBe(false);
    expect(isDue(t, last, makeIssue({ mentions: 20 }), new Date(NOW.getTime() + 6 * 3_600_000))).toBe(true);
    expect(isDue(t, last, makeIssue({ mentions: 10 }), new Date(NOW.getTime() + 24 * 3_600_000))).toBe(true);
  });
});
