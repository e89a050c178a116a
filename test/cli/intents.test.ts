import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';

const tmp = makeTempDir('earshot-intents-');
afterAll(() => tmp.cleanup());
const backends = await cliBackends();
const H = 3_600_000;

/**
 * Kettleby's week: questions, ideas and chatter. Days ago and hours into the day are fixed
 * against the harness's "now"; `likes` make the engagement tie-break visible.
 */
const POSTS: Array<[string, 'x' | 'reddit', number, string, number]> = [
  ['q1', 'x', 2, 'how do i descale the kettleby kettle?', 0],
  ['q2', 'reddit', 3, 'does the kettleby travel kettle work on 110v?', 5],
  ['q3', 'x', 30, 'is the kettleby filter jug dishwasher safe?', 0],
  ['c1', 'x', 4, 'kettleby kettle leaking from the base after two weeks. not happy', 0],
  ['i1', 'x', 40, 'please add a timer to the kettleby kettle', 0],
  ['i2', 'reddit', 60, 'kettleby really needs a kettle timer', 0],
  ['i3', 'x', 100, 'would love a timer on my kettleby kettle so it boils before i wake up', 1],
  ['i4', 'reddit', 120, 'kettleby should sell filter refills in packs of six', 0],
  // a tip to other customers: a suggestion, but no idea for the brand
  ['t1', 'x', 45, 'if you have the kettleby kettle, get a timer plug from the hardware shop, works a treat', 0],
  ['n1', 'x', 5, 'new kettleby kettle arrived, looks great on the counter', 0],
  ['n2', 'reddit', 50, 'morning tea from the kettleby kettle, perfect start', 0],
];

function writePosts(path: string): void {
  const rows = POSTS.map(([id, source, hoursAgo, text, likes], i) => ({
    id, source, created_at: new Date(TEST_NOW - hoursAgo * H).toISOString(), author: `user${i}`, text, likes,
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

for (const backend of backends) describe.skipIf(!backend.available)(`intents, inbox and ideas through the CLI on ${backend.name} (built binary)`, () => {
  afterEach(() => backend.cleanup());

  it('scores questions and suggestions, labels win, the inbox and ideas read them; read-only commands', async () => {
    const db = backend.fresh(tmp.dir, 'intents.db');
    const run = (args: string[]) => runCli(['--db', db, ...args], { cwd: tmp.dir });
    writePosts(join(tmp.dir, 'kettleby.jsonl'));
    const imported = await run(['import', 'kettleby.jsonl', '--brand', 'Kettleby']);
    expect(imported.code, imported.stderr).toBe(0);
    // the model finds the plain questions and suggestions; labels settle the rest
    writeFileSync(join(tmp.dir, 'labels.csv'), 'id,label\ni1,suggestion\ni2,suggestion\ni3,suggestion\ni4,suggestion\nt1,suggestion\nn1,not-question not-suggestion\nn2,not-question not-suggestion\n');
    expect((await run(['label', '--file', 'labels.csv'])).code).toBe(0);

    const exported = parse((await run(['export', '--columns', 'id,question,is_question,suggestion,is_suggestion'])).stdout, { columns: true }) as Array<Record<string, string>>;
    const byId = new Map(exported.map((r) => [r.id, r]));
    expect(['q1', 'q2', 'q3'].map((id) => byId.get(id)!.is_question)).toEqual(['true', 'true', 'true']);
    expect(['i1', 'i2', 'i3', 'i4'].map((id) => byId.get(id)!.is_suggestion)).toEqual(['true', 'true', 'true', 'true']);
    expect(exported.every((r) => /^(0|1|0\.\d{1,3})$/.test(r.question!) && /^(0|1|0\.\d{1,3})$/.test(r.suggestion!))).toBe(true);
    const questions = parse((await run(['export', '--intent', 'question', '--columns', 'id'])).stdout, { columns: true }) as Array<{ id: string }>;
    expect(questions.map((r) => r.id)).toEqual(expect.arrayContaining(['q1', 'q2', 'q3']));
    expect(questions.map((r) => r.id)).not.toContain('n1');
    const found = JSON.parse((await run(['search', 'refills', '--intent', 'suggestion', '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(found.map((m) => m.id)).toEqual(['i4']);
    const status = JSON.parse((await run(['status', '--format', 'json'])).stdout) as { rows: Array<{ questions: number; suggestions: number }> };
    expect(status.rows.reduce((n, r) => n + r.suggestions, 0)).toBe(exported.filter((r) => r.is_suggestion === 'true').length);
    expect(status.rows.reduce((n, r) => n + r.questions, 0)).toBe(questions.length);

    const inbox = async (...args: string[]) => {
      const out = await run(['inbox', '--brand', 'kettleby', '--format', 'json', ...args]);
      expect(out.code, out.stderr).toBe(0);
      return (JSON.parse(out.stdout) as Array<{ id: string; reason: string; ref: string }>).filter((r) => ['q1', 'q2', 'q3', 'c1'].includes(r.id));
    };
    // today: the complaint (if the model calls it one) before the questions, the liked question first; yesterday's after
    const today = (await inbox()).map((r) => r.id).filter((id) => id !== 'c1');
    expect(today).toEqual(['q2', 'q1', 'q3']);
    expect((await inbox('--since', '24h')).map((r) => r.id)).not.toContain('q3');
    expect((await inbox('--source', 'reddit')).map((r) => r.id)).toEqual(['q2']);
    expect((await run(['label', 'reddit:q2', 'handled'])).code).toBe(0);
    expect((await inbox()).map((r) => r.id)).not.toContain('q2');
    expect((await run(['label', 'q1', 'not-question'])).code).toBe(0);
    expect((await inbox()).map((r) => r.id)).not.toContain('q1');
    expect((await run(['label', 'reddit:q2', 'not-handled'])).code).toBe(0);
    expect((await inbox()).map((r) => r.id)).toContain('q2');
    const only = JSON.parse((await run(['inbox', '--brand', 'kettleby', '--only', 'question', '--format', 'json'])).stdout) as Array<{ id: string; reason: string }>;
    expect(only.map((r) => r.id).sort()).toEqual(['q2', 'q3']); // q1 labelled not-question, c1 no question
    expect(only.map((r) => r.reason)).toEqual(['question', 'question']);
    const bad = await run(['inbox', '--only', 'question,idea']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('earshot: --only takes safety, complaint, question (comma-separated), not "idea"');
    const csv = await run(['inbox', '--format', 'csv']);
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('id,source,brand,created_at,reason,safety,complaint,question,engagement,author,text,url');

    const ideas = await run(['ideas', '--brand', 'Kettleby', '--since', '7d', '--format', 'json']);
    expect(ideas.code, ideas.stderr).toBe(0);
    const result = JSON.parse(ideas.stdout) as { suggestions: number; ideas: Array<{ label: string; voices: number; trend: string; samples: Array<{ ref: string }> }> };
    expect(result.ideas[0]).toMatchObject({ label: 'timer', voices: 3 });
    // the tip is a suggestion (labelled so) but not addressed to the brand: no idea lists it
    expect(byId.get('t1')!.is_suggestion).toBe('true');
    expect(ideas.stdout).not.toContain('x:t1');
    expect(result.ideas[0]!.samples[0]!.ref).toBe('x:i3'); // the most engaged voice first
    const md = await run(['suggestions', '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/^# Ideas for Kettleby\n/);
    expect(md.stdout).toMatch(/## 1\. timer/);
    expect((await run(['ideas', '--format', 'csv'])).stdout.split(/\r?\n/)[0]).toMatch(/^rank,idea,terms,voices,mentions,/);
    const page = await run(['ideas', '--brand', 'Kettleby', '--since', '7d', '--format', 'html']);
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).toMatch(/<h3><span class="rank">#1<\/span> timer <span class="badge/);
    expect(page.stdout).toContain('<code>x:i3</code>');
    expect(page.stdout).not.toContain('<script');
    // the report's ideas section, only when asked: a report without it keeps its bytes
    const reportMd = await run(['report', '--brand', 'Kettleby', '--ideas', '--format', 'markdown']);
    expect(reportMd.code, reportMd.stderr).toBe(0);
    expect(reportMd.stdout).toMatch(/^### Ideas from customers: \d+ suggestions?, 1 Nov to 1 Dec$/m);
    expect(reportMd.stdout).toMatch(/^- \*\*timer, kettle\*\*: 3 voice\(s\), 3 mention\(s\), \w+ — “would love a timer/m);
    const reportHtml = await run(['report', '--brand', 'Kettleby', '--ideas', '--format', 'html']);
    expect(reportHtml.stdout).toMatch(/<section id="ideas">[\s\S]*<span class="rank">#1<\/span> timer /);
    expect(JSON.parse((await run(['report', '--brand', 'Kettleby', '--ideas', '--format', 'json'])).stdout).ideas.ideas[0]).toMatchObject({ label: 'timer', voices: 3 });
    expect(JSON.parse((await run(['report', '--brand', 'Kettleby', '--format', 'json'])).stdout)).not.toHaveProperty('ideas');
    expect((await run(['report', '--brand', 'Kettleby', '--format', 'html'])).stdout).not.toContain('id="ideas"');
    const inboxMd = await run(['inbox', '--brand', 'Kettleby', '--format', 'markdown']);
    expect(inboxMd.code, inboxMd.stderr).toBe(0);
    expect(inboxMd.stdout).toMatch(/^# Inbox for Kettleby\n/);
    expect(inboxMd.stdout).toMatch(/^- \*\*question\*\* does the kettleby travel kettle work on 110v\? — Reddit · user1 · /m);
    const inboxPage = await run(['inbox', '--brand', 'Kettleby', '--format', 'html']);
    expect(inboxPage.code, inboxPage.stderr).toBe(0);
    expect(inboxPage.stdout).toContain('<title>Inbox for Kettleby</title>');
    expect(inboxPage.stdout).toMatch(/<span class="badge question">question<\/span> <q>does the kettleby travel kettle work on 110v\?<\/q>/);
  }, 90_000);

  it('refuses a bad --intent and a bad intent label in one line with exit 2', async () => {
    const db = backend.fresh(tmp.dir, 'bad.db');
    writePosts(join(tmp.dir, 'bad.jsonl'));
    expect((await runCli(['--db', db, 'import', 'bad.jsonl', '--brand', 'Kettleby', '--no-analyze'], { cwd: tmp.dir })).code).toBe(0);
    const label = await runCli(['--db', db, 'label', 'q1', 'questionable'], { cwd: tmp.dir });
    expect(label.code).toBe(2);
    expect(label.stderr.trim().split('\n')).toHaveLength(1);
    expect(label.stderr).toMatch(/question, not-question, suggestion, not-suggestion, handled, not-handled/);
    for (const args of [['search', 'kettle', '--intent', 'idea'], ['export', '--intent', 'maybe']]) {
      const bad = await runCli(['--db', db, ...args], { cwd: tmp.dir });
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/--intent takes question or suggestion/);
    }
  }, 60_000);
});
