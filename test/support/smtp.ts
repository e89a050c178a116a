import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createCertificate } from '../../src/replay/cert.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as the server received it (CRLF). */
  raw: string;
  /** Whether the session was upgraded to TLS before the message. */
  secure: boolean;
  user: string | undefined;
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) with STARTTLS on a fresh
 * self-signed certificate (its PEM written to `caFile`, for NODE_EXTRA_CA_CERTS) and
 * login required. `replies` lists SMTP codes to answer messages with in turn (then 250).
 */
export async function startSmtpServer(dir: string, login: { user: string; password: string }, replies: number[] = [], options: { plain?: boolean } = {}) {
  const { key, cert } = await createCertificate();
  const caFile = join(dir, 'smtp-ca.pem');
  writeFileSync(caFile, cert);
  const mails: ReceivedMail[] = [];
  const plan = [...replies];
  const server = new SMTPServer({
    key, cert, logger: false, banner: 'earshot test', authMethods: ['PLAIN', 'LOGIN'],
    // plain: no STARTTLS offered (a process that cannot trust the test certificate talks in clear)
    ...(options.plain ? { hideSTARTTLS: true, allowInsecureAuth: true } : {}),
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = plan.shift();
        if (code !== undefined && code !== 250) {
          const error = new Error(code >= 500 ? 'Rejected for testing' : 'Try again later') as Error & { responseCode: number };
          error.responseCode = code;
          callback(error);
          return;
        }
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8'), secure: session.secure,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port, caFile, mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ParsedMail {
  headers: Array<[string, string]>;
  header(name: string): string | undefined;
  /** Decoded text/plain and text/html bodies, and attachments by file name. */
  text: string;
  html: string;
  attachments: Map<string, string>;
}

/** A small MIME reader for the tests: unfolded headers, multipart parts, QP and base64, encoded words. */
export function parseMail(raw: string): ParsedMail {
  const out: ParsedMail = { headers: [], header: (n) => out.headers.find(([k]) => k.toLowerCase() === n.toLowerCase())?.[1], text: '', html: '', attachments: new Map() };
  const [head] = splitHead(raw);
  out.headers = head;
  walk(raw, out);
  return out;
}

function splitHead(part: string): [Array<[string, string]>, string] {
  const at = part.indexOf('\r\n\r\n');
  const headText = at < 0 ? part : part.slice(0, at);
  const body = at < 0 ? '' : part.slice(at + 4);
  const headers = headText.replace(/\r\n[ \t]+/g, ' ').split('\r\n').filter(Boolean).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), decodeWords(line.slice(colon + 1).trim())];
  });
  return [headers, body];
}

function walk(part: string, out: ParsedMail): void {
  const [headers, body] = splitHead(part);
  const get = (n: string) => headers.find(([k]) => k.toLowerCase() === n)?.[1] ?? '';
  const type = get('content-type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    for (const sub of body.split(`--${boundary}`).slice(1)) if (!sub.startsWith('--')) walk(sub.replace(/^\r\n/, ''), out);
    return;
  }
  const encoding = get('content-transfer-encoding').toLowerCase();
  const decoded = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? decodeQp(body) : body;
  const filename = /filename="?([^";]+)"?/i.exec(get('content-disposition'))?.[1];
  if (filename) out.attachments.set(filename, decoded);
  else if (type.startsWith('text/html')) out.html = decoded;
  else if (type.startsWith('text/plain')) out.text = decoded;
}

function decodeQp(text: string): string {
  const soft = Buffer.from(text.replace(/=\r\n/g, ''), 'utf8');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === 0x3d ? soft.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(soft[i]!);
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) => (kind.toUpperCase() === 'B'
    ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')))).trim();
}
