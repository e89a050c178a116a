import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailTarget } from '../../src/config/schema.js';
import { alertTargetSchema } from '../../src/config/schema.js';
import { composeMail, sendMail, stableMessageId, type MailMessage } from '../../src/core/mail-delivery.js';
import type { Report, ReportIssue } from '../../src/domain/report.js';
import { renderIssueMail } from '../../src/report/email-issue.js';
import { makeTempDir } from '../support/cli.js';
import { parseMail, startSmtpServer } from '../support/smtp.js';

const tmp = makeTempDir('earshot-mail-');
const LOGIN = { user: 'u@example.com', password: 'core-test-password' };
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
// one message answered 451 (a retry), the next 550 (refused at once), then accepted
beforeAll(async () => { smtp = await startSmtpServer(tmp.dir, LOGIN, [451, 250, 550], { plain: true }); });
afterAll(async () => {
  await smtp.close();
  tmp.cleanup();
});

const target = (port: number) => alertTargetSchema.parse({
  type: 'email', smtp: { host: '127.0.0.1', port, tls: 'none', user: LOGIN.user }, from: 'earshot@example.com', to: ['a@example.com'],
}) as EmailTarget;
const FAST = { retries: 3, minDelayMs: 1, maxDelayMs: 5, timeoutMs: 5_000 };

function message(subject: string): MailMessage {
  return { subject, messageId: stableMessageId('earshot@example.com', [subject]), date: new Date('2026-12-01T09:31:00Z'), html: '<p>x</p>', text: 'x' };
}

/** A report with one issue whose label and sample carry what an attacker would put there. */
function hostileReport(): { report: Report; issue: ReportIssue } {
  const issue = {
    rank: 1, label: 'plastic\r\nBcc: victim@example.com\r\n\r\n<b>x</b>', terms: ['plastic'], mentions: 9, authors: 9, voices: 9, growth: 3,
    baselineVoices: 1, complaintShare: 0.5, baselineComplaintShare: 0.1, negativeShare: 0.5, baselineNegativeShare: 0.1, score: 1,
    firstSeen: '2026-11-30T10:00:00.000Z', series: [], safety: false, safetyVoices: 0, safetyShare: 0,
    samples: [{ id: '1', source: 'x', author: 'a"><script>', text: 'line one\r\nSubject: forged\n</blockquote><script>x</script>', url: 'https://x.com/a?b="c"&d=<e>', created_at: '2026-11-30T10:00:00.000Z', sentiment: 'negative', complaint: true }],
  } as unknown as ReportIssue;
  const report = {
    brand: 'Acme', at: '2026-12-01T09:31:00.000Z', window: { hours: 48 }, baseline: { hours: 336 }, warnings: [], issues: [issue],
  } as unknown as Report;
  return { report, issue };
}

describe('e-mail composition and SMTP delivery', () => {
  it('CR/LF in a label or post adds no header: the subject stays one line, bodies escape markup', async () => {
    const { report, issue } = hostileReport();
    const content = renderIssueMail(report, issue, 'issue');
    expect(content.subject).toBe('[earshot] Acme: emerging issue: plastic Bcc: victim@example.com <b>x</b>');
    const raw = (await composeMail(target(25), { ...content, messageId: '<m@example.com>', date: new Date('2026-12-01T09:31:00Z') })).toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    // every header line (continuations start with white space) is one nodemailer or earshot writes
    expect(head.split('\r\n').filter((l) => !/^\s/.test(l)).map((l) => l.slice(0, l.indexOf(':')).toLowerCase()).sort())
      .toEqual(['auto-submitted', 'content-type', 'date', 'from', 'message-id', 'mime-version', 'subject', 'to', 'x-auto-response-suppress']);
    expect(head.toLowerCase()).not.toMatch(/^(bcc|subject: forged)/m);
    const parsed = parseMail(raw);
    expect(parsed.html).not.toContain('<script');
    expect(parsed.html).toContain('href="https://x.com/a?b=&#34;c&#34;&#38;d=&#60;e&#62;"');
    expect(parsed.text).toContain('> line one Subject: forged </blockquote><script>x</script>');
    expect(parsed.text.split('\n').filter((l) => l.startsWith('Subject:'))).toEqual([]);
  });

  it('the same message composes to the same bytes', async () => {
    const a = await composeMail(target(25), message('same'));
    const b = await composeMail(target(25), message('same'));
    expect(a.equals(b)).toBe(true);
  });

  it('a 4xx reply is retried, a 5xx fails at once with the server words, and login uses the password given', async () => {
    await sendMail(target(smtp.port), LOGIN.password, message('retried'), FAST);
    expect(smtp.mails.map((m) => parseMail(m.raw).header('Subject'))).toEqual(['retried']);
    expect(smtp.mails[0]!.user).toBe(LOGIN.user);
    await expect(sendMail(target(smtp.port), LOGIN.password, message('refused'), FAST)).rejects.toThrow(/^SMTP 550: .*Rejected for testing after 1 attempt\(s\)$/);
    await expect(sendMail(target(smtp.port), 'wrong-password', message('bad login'), FAST)).rejects.toThrow(/^SMTP 535.* after 1 attempt\(s\)$/);
    expect(smtp.mails).toHaveLength(1);
  });
});
