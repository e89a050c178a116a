import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { retry } from '../retry.js';
import type { EmailTarget } from '../config/schema.js';
import { backoffOf, DeliveryError, type RetryPolicy } from './alert-delivery.js';

/** One e-mail as earshot writes it: what is sent and what `--out` saves as .eml are the same bytes. */
export interface MailMessage {
  subject: string;
  /** `<…@domain>`, derived from what the mail is about, so a re-send carries the same id. */
  messageId: string;
  date: Date;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

/** A Message-ID from the parts that make a mail "the same mail", on the sender's domain. */
export function stableMessageId(from: string, parts: readonly string[]): string {
  const hash = createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
  return `<earshot.${hash}@${from.slice(from.lastIndexOf('@') + 1)}>`;
}

/**
 * nodemailer's options for a message. The boundary comes from the Message-ID, so the
 * same mail composes to the same bytes (nodemailer picks a random one otherwise).
 */
function mailOptions(target: EmailTarget, message: MailMessage) {
  return {
    from: target.from, to: target.to, subject: message.subject, messageId: message.messageId, date: message.date,
    // CRLF in the bodies too: the .eml on disk then holds the bytes an SMTP server receives
    text: crlf(message.text), html: crlf(message.html), attachments: message.attachments?.map((a) => ({ ...a, content: crlf(a.content) })),
    baseBoundary: createHash('sha256').update(message.messageId).digest('hex').slice(0, 16),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** The message as an RFC 5322 file (.eml), CRLF line ends. */
export async function composeMail(target: EmailTarget, message: MailMessage): Promise<Buffer> {
  return new MailComposer(mailOptions(target, message)).compile().build();
}

/**
 * The password from the variable `smtp.passwordEnv` names: null when the target has no
 * `user`. Throws when a user is set and the variable is empty, before anything is sent.
 */
export function smtpPassword(target: EmailTarget, env: NodeJS.ProcessEnv): string | null {
  if (!target.smtp.user) return null;
  const password = env[target.smtp.passwordEnv];
  if (!password) throw new Error(`smtp.user is set but ${target.smtp.passwordEnv} is empty`);
  return password;
}

/**
 * Sends one message over SMTP. A 4xx reply or a network error is retried with backoff; a
 * 5xx reply or a refused login fails at once. Messages name the SMTP reply code and the
 * server's words, never the password (which no server reply contains).
 */
export async function sendMail(target: EmailTarget, password: string | null, message: MailMessage, policy: RetryPolicy): Promise<void> {
  const { host, port, tls, user } = target.smtp;
  const transport = nodemailer.createTransport({
    host, port, secure: tls === 'implicit', requireTLS: tls === 'starttls', ignoreTLS: tls === 'none',
    auth: user ? { user, pass: password ?? '' } : undefined,
    connectionTimeout: policy.timeoutMs, greetingTimeout: policy.timeoutMs, socketTimeout: policy.timeoutMs,
    logger: false, debug: false, name: 'earshot',
  });
  let attempts = 0;
  try {
    await retry(async () => {
      attempts++;
      try {
        await transport.sendMail(mailOptions(target, message));
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const permanent = (code !== undefined && code >= 500) || (error as { code?: string }).code === 'EAUTH';
        throw Object.assign(new Error(describeSmtpError(error)), { permanent });
      }
    }, { backoff: backoffOf(policy), retryable: (error) => !(error as { permanent?: boolean }).permanent });
  } catch (error) {
    throw new DeliveryError(`${(error as Error).message} after ${attempts} attempt(s)`, attempts);
  } finally {
    transport.close();
  }
}

function describeSmtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const reply = e.response ? `: ${e.response.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  // a socket error's own code (ECONNREFUSED, ETIMEDOUT, a TLS failure) says more than nodemailer's ESOCKET
  const cause = !e.response ? /\b(E[A-Z_]{3,}|ERR_[A-Z_]+)\b/.exec(e.message ?? '')?.[1] : undefined;
  return `SMTP ${e.responseCode ?? e.code ?? 'error'}${cause && cause !== e.code ? ` (${cause})` : ''}${reply}`;
}
