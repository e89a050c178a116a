import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { configSchema, type BrandConfig, type Config } from '../../src/config/schema.js';
import { createCertificate, type Certificate } from '../../src/replay/cert.js';
import { createSources, type SourceOptions } from '../../src/sources/create-sources.js';
import type { Source } from '../../src/sources/source.js';

export interface Hit {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface Loopback {
  url: string;
  hits: Hit[];
  close(): Promise<void>;
}

let certificate: Promise<Certificate> | null = null;

/** The replay server's kind of certificate, made once per test file. */
export function loopbackCertificate(): Promise<Certificate> {
  certificate ??= createCertificate();
  return certificate;
}

/**
 * A hostile server on 127.0.0.1 (http, or https with a fresh self-signed CA) that records
 * every request, bodies included, and lets the test answer however it likes.
 */
export async function startLoopback(handler: Handler, tls = false): Promise<Loopback> {
  const hits: Hit[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      hits.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body });
      handler(req, res, body);
    });
  };
  const server: Server = tls ? createHttps(await loopbackCertificate(), listener) : createHttp(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every source, built as production builds them (global fetch unless a CA is given). */
export function loopbackSources(env: Record<string, string>, options: SourceOptions = {}, config: Config = configSchema.parse({})): Record<string, Source> {
  const sources = createSources(config, env, { retry: { baseDelayMs: 1, retries: 3 }, timeoutMs: 5000, ...options });
  return Object.fromEntries(sources.map((source) => [source.name, source]));
}

export function brandWith(queries: object, name = 'Kettleby Tea'): BrandConfig {
  return configSchema.parse({ brands: [{ name, aliases: ['Kettleby'], queries }] }).brands[0]!;
}
