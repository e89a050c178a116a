import http from 'node:http';
import https from 'node:https';
import type { FetchLike } from './http.js';

/**
 * A `fetch` that trusts an extra CA given in-process. Production trusts through
 * NODE_EXTRA_CA_CERTS, which Node reads only at start-up; tests that start the replay
 * server in the same process pass its CA here instead. Node's global fetch takes no
 * agent without the `undici` package, hence this small stand-in on node:https.
 */
export function createCaFetch(agent: https.Agent): FetchLike {
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      const module = url.protocol === 'http:' ? http : https;
      const request = module.request(url, {
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string> | undefined,
        agent: url.protocol === 'https:' ? agent : undefined,
        signal: init.signal ?? undefined,
      });
      request.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      request.on('response', (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('close', () => {
          if (!incoming.complete) reject(new TypeError('terminated', { cause: new Error('connection closed mid-body') }));
        });
        incoming.on('error', (error) => reject(new TypeError('terminated', { cause: error })));
        incoming.on('end', () => resolve(toResponse(incoming, Buffer.concat(chunks))));
      });
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

function toResponse(incoming: http.IncomingMessage, body: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = incoming.statusCode ?? 500;
  const nullBody = status === 204 || status === 304;
  return new Response(nullBody ? null : body, { status, headers });
}
