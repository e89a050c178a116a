import type { ServerResponse } from 'node:http';
import type { Fault, ReplaySource } from './faults.js';
import { rateHeaders } from './rate-window.js';
import type { RouteResponse } from './route.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The answer a fault replaces the route's answer with, or null when the route answers. */
export function faultResponse(fault: Fault | null, source: ReplaySource): RouteResponse | null {
  if (fault?.kind === 'status') {
    return { status: fault.status, body: fault.body ?? { title: `Scripted ${fault.status}`, status: fault.status } };
  }
  if (fault?.kind === 'rate-limit') {
    const headers = fault.resetSeconds === undefined ? {} : rateHeaders(source, 100, 0, fault.resetSeconds);
    return { status: 429, headers, body: { title: 'Too Many Requests', detail: 'Too Many Requests', status: 429 } };
  }
  return null;
}

/** Writes a response, damaged as the fault says (truncated, invalid, dropped mid-body). */
export function sendResponse(res: ServerResponse, response: RouteResponse, fault: Fault | null): void {
  if (response.status === 304) {
    res.writeHead(304, response.headers);
    res.end();
    return;
  }
  let body = response.raw ?? Buffer.from(JSON.stringify(response.body));
  if (fault?.kind === 'truncated-json') body = body.subarray(0, Math.floor(body.length / 2));
  if (fault?.kind === 'invalid-json') {
    body = Buffer.from(response.raw ? `<rss><channel><item><title>oops ${body.subarray(0, 40).toString('latin1')}` : `{"data": [${body.subarray(0, 40).toString()}, oops`);
  }
  res.writeHead(response.status, { ...response.headers, 'content-type': response.contentType ?? JSON_TYPE, 'content-length': String(body.length) });
  if (fault?.kind === 'drop-mid-body') {
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    // Let the half body reach the client before the connection dies.
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  res.end(body);
}

export function sendNotFound(res: ServerResponse): void {
  sendResponse(res, { status: 404, body: { error: 'no such replay endpoint' } }, null);
}
