import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { startReceiver } from '../support/receiver.js';
import { parseMail, startSmtpServer } from '../support/smtp.js';

/**
 * Subscriptions to new questions and suggestions (issue 29 #4): per-mention targets with
 * `match.only` naming `question` / `suggestion` post each new one once, batched, capped,
 * and never one labelled `handled`. The built binary posts to a local receiver and a real
 * SMTP server; every run is at a fixed time (EARSHOT_NOW).
 */
const tmp = makeTempDir('earshot-question-alerts-');
const H = 3_600_000;
const LOGIN = { user: 'alerts@example.com', password: 'pw-question-alerts' };
const backends = await cliBackends();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let env: Record<string, string>;

/** Kettleby's last day: [id, source, hours ago, text, likes]. */
const POSTS: Array<[string, 'x' | 'reddit', number, string, number]> = [
  ['q1', 'x', 2, 'how do i descale the kettleby kettle?', 0],
  ['q2', 'reddit', 3, 'does the kettleby travel kettle work on 110v?', 5],
  ['q3', 'x', 5, 'is the kettleby filter jug dishwasher safe?', 2],
  ['q4', 'x', 6, 'where can i buy kettleby filters in canada?', 9],
  ['q5', 'x', 30, 'can the kettleby kettle boil milk?', 0],
  ['i1', 'x', 4, 'please add a timer to the kettleby kettle', 0],
  ['i2', 'reddit', 7, 'kettleby should sell filter refills in packs of six', 0],
  // a tip to other customers: a suggestion, but not one for the brand, so no suggestion alert
  ['t1', 'x', 10, 'if you own a kettleby kettle, run a cup of vinegar through it once a month', 0],
  ['c1', 'x', 8, 'kettleby kettle leaking from the base after two weeks. not happy', 3],
  ['n1', 'x', 1, 'new kettleby kettle arrived, looks great on the counter', 1],
  ['n2', 'reddit', 9, 'morning tea from the kettleby kettle, perfect start', 0],
];

/** Labels settle what the model might hesitate on, so the test is about delivery, not the model. */
const LABELS = 'id,label\nq1,question\nq2,question\nq3,question\nq4,question\nq5,question\ni1,suggestion not-question\ni2,suggestion not-question\nt1,suggestion not-question\n'
  + 'c1,not-question not-suggestion\nn1,not-question not-suggestion\nn2,not-question not-suggestion\n';

function writePosts(path: string, posts: typeof POSTS, now: number): void {
  const rows = posts.map(([id, source, hoursAgo, text, likes]) => ({
    id, source, created_at: new Date(now - hoursAgo * H).toISOString(), author: `user-${id}`, text, likes,
    url: `https://${source === 'x' ? 'x.com/k' : 'reddit.com/r/k'}/${id}`,
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

beforeAll(async () => {
  smtp = await startSmtpServer(tmp.dir, LOGIN);
  receiver = await startReceiver();
  env = { NODE_EXTRA_CA_CERTS: smtp.caFile, KETTLEBY_SMTP_PASSWORD: LOGIN.password, EARSHOT_ALERT_RETRY_DELAY_MS: '5' };
  writePosts(join(tmp.dir, 'k.jsonl'), POSTS, TEST_NOW);
});
afterAll(async () => {
  await smtp.close();
  await receiver.close();
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

for (const backend of backends) describe.skipIf(!backend.available)(`question and suggestion subscriptions on ${backend.name} (built binary)`, () => {
  it('posts each new question (and suggestion) once, batched and capped, never a handled one (Slack, webhook, e-mail)', async () => {
    const db = backend.fresh(tmp.dir, 'q.db');
    const run = (args: string[], at = TEST_NOW) => runCli(['--db', db, ...args], { cwd: tmp.dir, env: { ...env, EARSHOT_NOW: new Date(at).toISOString() } });
    expect((await run(['import', 'k.jsonl', '--brand', 'Kettleby'])).code).toBe(0);
    writeFileSync(join(tmp.dir, 'labels.csv'), LABELS);
    expect((await run(['label', '--file', 'labels.csv'])).code).toBe(0);
    // answered already: out of the inbox, so never posted
    expect((await run(['label', 'q4', 'handled'])).code).toBe(0);

    const to = `support-${backend.name}@example.com`;
    const slackPath = `/${backend.name}/questions`;
    const hookPath = `/${backend.name}/product`;
    writeFileSync(join(tmp.dir, `${backend.name}.json`), JSON.stringify({ brands: [{ name: 'Kettleby' }], alerts: [
      { type: 'slack', name: 'questions', url: receiver.url(slackPath), match: { only: ['question'], maxPerRun: 2 } },
      { type: 'webhook', name: 'product', url: receiver.url(hookPath), match: { only: ['question', 'suggestion'] } },
      { type: 'email', name: 'support', from: 'earshot@example.com', to: [to], match: { only: ['question'] },
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'starttls', user: LOGIN.user, passwordEnv: 'KETTLEBY_SMTP_PASSWORD' } },
    ] }), { mode: 0o600 });
    const alert = (at = TEST_NOW) => run(['--config', `${backend.name}.json`, 'alert'], at);

    const first = await alert();
    expect(first.code, first.stderr).toBe(0);
    // three unhandled questions of the last 24 hours (q5 is older, q4 handled); the cap shows two, most engaging first
    expect(first.stderr).toContain('alerted questions: 2 new mention(s), 1 more left out by the cap (match.maxPerRun)');
    const slack = JSON.parse(receiver.hits(slackPath)[0]!.body);
    expect(slack.text).toBe('2 new mentions of Kettleby (1 more not shown)');
    const sections = slack.blocks.filter((b: { type: string }) => b.type === 'section').map((b: { text: { text: string } }) => b.text.text);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('does the kettleby travel kettle work on 110v?');
    expect(sections[0]).toMatch(/5 engagement · question · <https:\/\/reddit\.com\/r\/k\/q2\|open>/);
    expect(sections[1]).toContain('dishwasher safe');
    // the left-out one is in the export the message names: the questions of the span
    expect(JSON.stringify(slack)).toContain('earshot export --brand Kettleby --intent question --since 2026-11-30T09:31:00.000Z --until 2026-12-01T09:31:00.000Z');
    const hook = JSON.parse(receiver.hits(hookPath)[0]!.body);
    expect(hook).toMatchObject({ kind: 'mentions', leftOut: 0 });
    // engagement first, then newest first
    expect(hook.mentions.map((m: { id: string }) => m.id)).toEqual(['q2', 'q3', 'q1', 'i1', 'i2']);
    expect(hook.mentions.find((m: { id: string }) => m.id === 'i1')).toMatchObject({ suggestion: true, question: false, complaint: false });
    const mails = smtp.mails.filter((m) => m.to.includes(to));
    expect(mails).toHaveLength(1);
    const mail = parseMail(mails[0]!.raw);
    expect(mail.header('Subject')).toBe('[earshot] 3 new mentions of Kettleby');
    expect([...mail.text.matchAll(/^> (.*)$/gm)].map((m) => m[1])).toEqual([
      'does the kettleby travel kettle work on 110v?', 'is the kettleby filter jug dishwasher safe?', 'how do i descale the kettleby kettle?']);
    expect(mail.text).toContain('· 5 engagement · question');
    for (const text of [JSON.stringify(slack), JSON.stringify(hook), mail.text]) {
      expect(text).not.toContain('canada'); // handled
      expect(text).not.toContain('boil milk'); // older than withinHours
      expect(text).not.toContain('leaking'); // a complaint, not a question
    }

    // the same run again posts nothing: the left-out question is counted, never posted later
    const again = await alert();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('new mention(s)');
    expect(receiver.hits(slackPath)).toHaveLength(1);
    expect(receiver.hits(hookPath)).toHaveLength(1);

    // an hour later: two new questions, one answered before the run; only the other is posted
    const later = TEST_NOW + H;
    writePosts(join(tmp.dir, `${backend.name}-new.jsonl`), [
      ['q6', 'x', 0.5, 'what is the warranty on the kettleby jug?', 0],
      ['q7', 'x', 0.5, 'how long does kettleby take to ship to leeds?', 4],
    ], later);
    expect((await run(['import', `${backend.name}-new.jsonl`, '--brand', 'Kettleby'], later)).code).toBe(0);
    expect((await run(['label', 'q6', 'question'], later)).code).toBe(0);
    expect((await run(['label', 'q7', 'question'], later)).code).toBe(0);
    expect((await run(['label', 'x:q7', 'handled'], later)).code).toBe(0);
    const third = await alert(later);
    expect(third.code, third.stderr).toBe(0);
    expect(receiver.hits(slackPath)).toHaveLength(2);
    const news = JSON.parse(receiver.hits(slackPath)[1]!.body);
    expect(news.text).toBe('1 new mention of Kettleby');
    expect(JSON.stringify(news)).toContain('warranty on the kettleby jug');
    expect(JSON.stringify(news)).not.toContain('leeds');
    expect(JSON.parse(receiver.hits(hookPath)[1]!.body).mentions.map((m: { id: string }) => m.id)).toEqual(['q6']);
    expect(smtp.mails.filter((m) => m.to.includes(to))).toHaveLength(2);
    expect(await backend.storedText(tmp.dir, db)).not.toContain(LOGIN.password);
  }, 120_000);
});
