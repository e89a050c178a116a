import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBackends } from '../support/cli-backends.js';
import { makeTempDir, runCli, TEST_NOW } from '../support/cli.js';
import { startReceiver } from '../support/receiver.js';
import { parseMail, startSmtpServer, type ReceivedMail } from '../support/smtp.js';

/**
 * E-mail alerts, digests and per-mention alerts end to end: the built binary sends to a
 * real SMTP server on 127.0.0.1 (STARTTLS on a fresh certificate, login required), and
 * the tests read what arrived. Every command runs at a fixed time (EARSHOT_NOW, --at).
 */
const tmp = makeTempDir('earshot-email-');
const NOW = TEST_NOW;
const H = 3_600_000;
const PASSWORD = 'pw-Sm7p$ecret"9';
const LOGIN = { user: 'alerts@example.com', password: PASSWORD };
/** What a hostile post tries: markup, a remote image, a script, an attribute break-out. */
const HOSTILE = '<script>alert(1)</script><img src="http://evil.example/t.png"> "x" onmouseover=1 &amp;';
const backends = await cliBackends();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let env: Record<string, string>;

beforeAll(async () => {
  // two messages each answered 451 (retried) and 550 (refused at once), then accepted: see the retry test
  smtp = await startSmtpServer(tmp.dir, LOGIN);
  receiver = await startReceiver();
  env = { NODE_EXTRA_CA_CERTS: smtp.caFile, ACME_SMTP_PASSWORD: PASSWORD, EARSHOT_ALERT_RETRY_DELAY_MS: '5' };
  writeMentions(join(tmp.dir, 'm.jsonl'));
});
afterAll(async () => {
  await smtp.close();
  await receiver.close();
  for (const backend of backends) await backend.cleanup();
  tmp.cleanup();
});

/** Two weeks of chatter, then 40 people finding plastic in the tea bags over the last 40 hours, each post carrying HOSTILE. */
function writeMentions(path: string): void {
  const rows: object[] = [];
  const chatter = ['lovely cup of green tea this morning', 'the chai blend is great with milk', 'ordered the rooibos again, tasty',
    'earl grey with lemon is my favourite', 'new mug for my afternoon tea', 'peppermint tea helps after lunch',
    'camomile before bed works', 'iced tea weather finally', 'my kettle broke today', 'breakfast blend and toast'];
  const openers = ['Shocked to learn', 'Just read', 'Can someone confirm', 'Disgusted that', 'Apparently', 'Unbelievable:',
    'So my sister says', 'Why did nobody tell us', 'Angry because', 'Worried now,'];
  for (let d = 0; d < 16; d++) {
    for (let i = 0; i < 20; i++) {
      rows.push({ id: `b${d}-${i}`, source: 'x', created_at: new Date(NOW - d * 24 * H - i * H / 2 - H / 3).toISOString(),
        text: `${chatter[(d * 3 + i) % 10]} ${['today', 'again', 'yay', 'hmm', 'ok'][i % 5]} ${d}`, author: `fan${(d * 7 + i) % 40}` });
    }
  }
  for (let i = 0; i < 40; i++) {
    rows.push({ id: `w${i}`, source: i % 2 ? 'x' : 'reddit', created_at: new Date(NOW - (i + 1) * H).toISOString(),
      text: `${openers[i % 10]} there is plastic in the tea bags, awful ${HOSTILE}`, author: `angry${i}`,
      url: i === 0 ? 'javascript:alert(1)' : `https://x.com/angry${i}/status/${i}`, likes: i });
  }
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

const smtpConfig = (port: number) => ({ host: '127.0.0.1', port, tls: 'starttls', user: LOGIN.user, passwordEnv: 'ACME_SMTP_PASSWORD' });

function writeConfig(name: string, alerts: object[]): string {
  writeFileSync(join(tmp.dir, name), JSON.stringify({ brands: [{ name: 'Acme' }], alerts }), { mode: 0o600 });
  return name;
}

/** The mails that arrived after `from`, for one recipient. */
function mailsTo(address: string, from = 0): ReceivedMail[] {
  return smtp.mails.slice(from).filter((m) => m.to.includes(address));
}

/** Every tag of the mail is one earshot writes, with only inert attributes; the hostile text arrives as text. */
function expectSafeHtml(html: string): void {
  const tags = [...html.matchAll(/<\/?([a-z0-9!]+)([^>]*)>/gi)];
  expect(new Set(tags.map((t) => t[1]!.toLowerCase()))).toEqual(new Set(tags.map((t) => t[1]!.toLowerCase())
    .filter((name) => ['!doctype', 'html', 'head', 'meta', 'title', 'body', 'div', 'h1', 'h2', 'p', 'span', 'blockquote', 'br', 'a', 'code', 'strong', 'ul', 'li'].includes(name))));
  for (const [, , attrs] of tags) {
    for (const [, name, value] of attrs!.matchAll(/([a-z-]+)="([^"]*)"/gi)) {
      expect(['style', 'href', 'lang', 'charset', 'name', 'content']).toContain(name!.toLowerCase());
      if (name === 'href') expect(value).toMatch(/^https:\/\/x\.com\//);
      if (name === 'style') expect(value).not.toMatch(/url\(|expression/i);
    }
  }
  expect(html).not.toMatch(/https?:\/\/evil\.example\/t\.png"?>/);
  expect(html).not.toContain('javascript:');
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#60;img src=&#34;http://evil.example/t.png&#34;&#62;');
}

for (const backend of backends) describe.skipIf(!backend.available)(`e-mail alerts and digests on ${backend.name} (built binary, real SMTP server)`, () => {
  const db = backend.fresh(tmp.dir, 'e.db');
  const to = (what: string) => `${what}-${backend.name}@example.com`;

  beforeAll(async () => {
    const imported = await runCli(['--db', db, 'import', 'm.jsonl', '--brand', 'Acme'], { cwd: tmp.dir });
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);

  it('alert mails each issue once over STARTTLS with login: headers, both bodies, escaping, a stable Message-ID, no password anywhere', async () => {
    const config = writeConfig(`${backend.name}-mail.json`, [{ type: 'email', name: 'team-mail', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('team')] }]);
    const dry = await runCli(['--db', db, '--config', config, 'alert', '--dry-run'], { cwd: tmp.dir, env });
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout.trim().split('\n')[0]!);
    expect(planned).toMatchObject({ target: 'team-mail', url: `smtp://127.0.0.1:${smtp.port} → 1 recipient(s)`, brand: 'Acme', rank: 1 });
    expect(mailsTo(to('team'))).toHaveLength(0);

    const first = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env });
    expect(first.code, first.stderr).toBe(0);
    const mails = mailsTo(to('team'));
    expect(mails.length).toBeGreaterThan(0);
    const [mail] = mails;
    expect(mail).toMatchObject({ secure: true, user: LOGIN.user, from: 'earshot@example.com' });
    const parsed = parseMail(mail!.raw);
    expect(parsed.header('Subject')).toBe(planned.mail.subject);
    expect(parsed.header('Subject')).toMatch(/^\[earshot\] Acme: emerging issue: \S/);
    expect(parsed.header('Message-ID')).toBe(planned.mail.messageId);
    expect(parsed.header('Message-ID')).toMatch(/^<earshot\.[0-9a-f]{32}@example\.com>$/);
    expect(parsed.header('To')).toBe(to('team'));
    expect(parsed.header('Auto-Submitted')).toBe('auto-generated');
    expect(parsed.headers.map(([k]) => k.toLowerCase())).not.toContain('bcc');
    expectSafeHtml(parsed.html);
    expect(parsed.html).toMatch(/<a href="https:\/\/x\.com\/angry\d+\/status\/\d+"/);
    expect(parsed.html).toContain('earshot export --brand Acme --issue 1 --at 2026-12-01T09:31:00.000Z');
    expect(parsed.text).toContain('earshot export --brand Acme --issue 1 --at 2026-12-01T09:31:00.000Z');
    expect(parsed.text).toMatch(/\d+ mentions from \d+ people in 48h/);
    expect(parsed.text).toContain(`<script>alert(1)</script>`);
    expect(parsed.text).toMatch(/https:\/\/x\.com\/angry\d+\/status\/\d+/);

    const again = await runCli(['--db', db, '--config', config, '--debug', 'alert'], { cwd: tmp.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/alerts: sent 0, \d+ cooling down, 0 failed/);
    expect(mailsTo(to('team'))).toHaveLength(mails.length);
    const everything = dry.stdout + dry.stderr + first.stdout + first.stderr + again.stdout + again.stderr + await backend.storedText(tmp.dir, db);
    expect(everything).not.toContain(PASSWORD);
    expect(smtp.mails.map((m) => m.raw).join('\n')).not.toContain(PASSWORD);
  }, 60_000);

  it('a user without the password in the environment fails in one line naming the variable, and sends nothing', async () => {
    const config = writeConfig(`${backend.name}-nopw.json`, [{ type: 'email', name: 'nopw', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('nopw')] }]);
    const r = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env: { ...env, ACME_SMTP_PASSWORD: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('earshot: '))).toEqual([expect.stringMatching(/alert delivery failed for nopw .*ACME_SMTP_PASSWORD is empty/)]);
    expect(mailsTo(to('nopw'))).toHaveLength(0);
  }, 60_000);

  it('digest mails the last complete day once: the report inline (HTML and text) with the full page attached; a second run sends nothing', async () => {
    const config = writeConfig(`${backend.name}-digest.json`, [
      { type: 'email', name: 'digest-mail', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('digest'), to('boss')] },
    ]);
    const args = ['--db', db, '--config', config, 'digest', '--brand', 'acme', '--period', 'day', '--at', '2026-12-01T07:00Z'];
    const out = await runCli([...args, '--out', 'day.eml'], { cwd: tmp.dir, env });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('wrote day.eml: the digest for digest-mail (nothing sent)');
    expect(mailsTo(to('digest'))).toHaveLength(0);
    const eml = parseMail(readFileSync(join(tmp.dir, 'day.eml'), 'utf8'));

    const sent = await runCli(args, { cwd: tmp.dir, env });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stderr).toMatch(/digest Acme, day from 2026-11-30: sent to digest-mail/);
    const [mail] = mailsTo(to('digest'));
    expect(mail!.to).toEqual([to('digest'), to('boss')]);
    const parsed = parseMail(mail!.raw);
    expect(parsed.header('Subject')).toMatch(/^\[earshot\] Acme daily digest, 2026-11-30: [1-9]\d* emerging issues?$/);
    expect(parsed.header('Message-ID')).toBe(eml.header('Message-ID'));
    expect(parsed.html).toBe(eml.html);
    expectSafeHtml(parsed.html);
    expect(parsed.html).toContain('2026-11-30 00:00 to 2026-12-01 00:00 UTC');
    expect(parsed.text).toContain('earshot export --brand Acme --issue 1 --at 2026-12-01T00:00:00.000Z --window 24h');
    expect([...parsed.attachments.keys()]).toEqual(['acme-day-2026-11-30.html']);
    expect(parsed.attachments.get('acme-day-2026-11-30.html')).toContain('Content-Security-Policy');

    // later the same day, and with --at anywhere in the next day: the same period, nothing sent
    for (const at of ['2026-12-01T23:59Z', '2026-12-01T00:00Z']) {
      const again = await runCli([...args.slice(0, -1), at], { cwd: tmp.dir, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/digest Acme, day from 2026-11-30: already sent to digest-mail at 2026-12-01T09:31:00.000Z; nothing sent/);
    }
    expect(mailsTo(to('digest'))).toHaveLength(1);
    const week = await runCli([...args.slice(0, -3), 'week', '--at', '2026-12-01T07:00Z'], { cwd: tmp.dir, env });
    expect(week.code, week.stderr).toBe(0);
    expect(parseMail(mailsTo(to('digest')).at(-1)!.raw).header('Subject')).toMatch(/^\[earshot\] Acme weekly digest, week of 2026-11-23: /);
    expect(await backend.storedText(tmp.dir, db)).not.toContain(PASSWORD);
  }, 90_000);

  it('digest: a target that is down fails in one line after its retries, without blocking the other; nothing is recorded for it', async () => {
    const config = writeConfig(`${backend.name}-down.json`, [
      { type: 'email', name: 'down', smtp: { ...smtpConfig(1), tls: 'none' }, from: 'earshot@example.com', to: [to('down')] },
      { type: 'email', name: 'up', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('up')] },
    ]);
    const args = ['--db', db, '--config', config, 'digest', '--brand', 'Acme', '--period', 'day'];
    for (const round of [1, 2]) {
      const r = await runCli(args, { cwd: tmp.dir, env });
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('earshot: '))).toEqual([
        'earshot: digest delivery failed for down: SMTP ESOCKET (ECONNREFUSED) after 4 attempt(s) — nothing is recorded for a failed target: the next run sends it',
      ]);
      expect(r.stderr).toContain(round === 1 ? 'sent to up' : 'already sent to up');
    }
    expect(mailsTo(to('up'))).toHaveLength(1);
  }, 60_000);

  it.runIf(backend.name === 'sqlite')('digest runs while another run holds the lock (a half-hourly `run` at 07:00 must not cost the digest)', async () => {
    // a live holder: this test process, heartbeat now (the lock's staleness is judged by the wall clock)
    await backend.exec(tmp.dir, db, 'INSERT INTO run_lock (id, token, pid, hostname, started_at, heartbeat) VALUES (1, ?, ?, ?, ?, ?)',
      ['held', process.pid, hostname(), new Date().toISOString(), new Date().toISOString()]);
    try {
      const config = writeConfig(`${backend.name}-locked.json`, [{ type: 'email', name: 'locked', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('locked')] }]);
      const r = await runCli(['--db', db, '--config', config, 'digest', '--brand', 'Acme', '--period', 'day'], { cwd: tmp.dir, env });
      expect(r.code, r.stderr).toBe(0);
      expect(mailsTo(to('locked'))).toHaveLength(1);
    } finally {
      await backend.exec(tmp.dir, db, 'DELETE FROM run_lock');
    }
  }, 60_000);

  it('digest without an e-mail target is one line and exit 1', async () => {
    const config = writeConfig(`${backend.name}-none.json`, [{ type: 'webhook', url: receiver.url('/x') }]);
    const r = await runCli(['--db', db, '--config', config, 'digest', '--brand', 'Acme', '--period', 'day'], { cwd: tmp.dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('earshot: no e-mail target watches Acme: nothing to send the digest to — add an alert target with "type": "email" (see docs/alerts.md)');
  });

  it('per-mention targets post each new matching mention once, batched and capped, across runs (e-mail, Slack, webhook)', async () => {
    const match = { query: 'plastic -microplastics', sources: ['x'], maxPerRun: 5 };
    const config = writeConfig(`${backend.name}-mentions.json`, [
      { type: 'email', name: 'mention-mail', smtp: smtpConfig(smtp.port), from: 'earshot@example.com', to: [to('mentions')], match },
      { type: 'slack', name: 'mention-slack', url: receiver.url(`/${backend.name}/slack`), match },
      { type: 'webhook', name: 'mention-hook', url: receiver.url(`/${backend.name}/hook`), match: { ...match, minEngagement: 20 } },
    ]);
    const first = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env });
    expect(first.code, first.stderr).toBe(0);
    // the last 24 hours hold 12 wave posts on x: 5 shown, 7 left out
    expect(first.stderr).toContain('alerted mention-mail: 5 new mention(s), 7 more left out by the cap (match.maxPerRun)');
    const [mail] = mailsTo(to('mentions'));
    const parsed = parseMail(mail!.raw);
    expect(parsed.header('Subject')).toBe('[earshot] 5 new mentions of Acme');
    expectSafeHtml(parsed.html);
    expect(parsed.text).toContain('7 more matching mention(s) not shown (cap per run). All of them:');
    expect(parsed.text).toContain('earshot export --brand Acme --since 2026-11-30T09:31:00.000Z --until 2026-12-01T09:31:00.000Z');
    // most engaging first: likes are the post's number
    expect([...parsed.text.matchAll(/· (\d+) engagement/g)].map((m) => Number(m[1]))).toEqual([23, 21, 19, 17, 15]);
    const slack = JSON.parse(receiver.hits(`/${backend.name}/slack`)[0]!.body);
    expect(slack.blocks).toHaveLength(7);
    expect(slack.text).toBe('5 new mentions of Acme (7 more not shown)');
    expect(JSON.stringify(slack)).not.toContain('<script');
    const hook = JSON.parse(receiver.hits(`/${backend.name}/hook`)[0]!.body);
    expect(hook).toMatchObject({ kind: 'mentions', leftOut: 0 });
    expect(hook.mentions.map((m: { id: string }) => m.id)).toEqual(['w23', 'w21']);

    const again = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('new mention(s)');
    expect(mailsTo(to('mentions'))).toHaveLength(1);
    expect(receiver.hits(`/${backend.name}/slack`)).toHaveLength(1);

    writeFileSync(join(tmp.dir, `${backend.name}-new.jsonl`), [
      { id: 'n1', source: 'x', created_at: new Date(NOW + H / 2).toISOString(), text: 'plastic bits in my tea again', author: 'late1', url: 'https://x.com/late1/status/1' },
      { id: 'n2', source: 'x', created_at: new Date(NOW + H / 2).toISOString(), text: 'microplastics and plastic, no thanks', author: 'late2' },
      { id: 'n3', source: 'reddit', created_at: new Date(NOW + H / 2).toISOString(), text: 'plastic tea bags on reddit', author: 'late3' },
    ].map((r) => JSON.stringify(r)).join('\n'));
    const later = { ...env, EARSHOT_NOW: new Date(NOW + H).toISOString() };
    const imported = await runCli(['--db', db, 'import', `${backend.name}-new.jsonl`, '--brand', 'Acme'], { cwd: tmp.dir, env: later });
    expect(imported.code, imported.stderr).toBe(0);
    const third = await runCli(['--db', db, '--config', config, 'alert'], { cwd: tmp.dir, env: later });
    expect(third.code, third.stderr).toBe(0);
    const news = mailsTo(to('mentions')).slice(1);
    expect(news).toHaveLength(1);
    expect(parseMail(news[0]!.raw).header('Subject')).toBe('[earshot] 1 new mention of Acme');
    expect(parseMail(news[0]!.raw).text).toContain('plastic bits in my tea again');
    expect(await backend.storedText(tmp.dir, db)).not.toContain(PASSWORD);
  }, 90_000);
});
