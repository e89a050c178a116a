import { AuthRejectedError, RateLimitedError, SourceError, TransientError, describeCause, UnreadableResponseError } from './errors.js';
import { MAX_JSON_BYTES, readCappedBody } from './http-body.js';
import { followRedirect, isRedirect, type Hop } from './http-redirects.js';
import { readRetryAfterMs, type RateWindow } from './pacing.js';

/** The slice of `fetch` the sources use; production passes the global one. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface JsonRequest {
  url: URL;
  /** Names the call in messages, e.g. `reddit: GET /r/tea/comments`; never holds a token. */
  label: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  readWindow(headers: Headers): RateWindow | null;
  /** Lets a source word a 4xx its own way (Bluesky's expired token, its 403 on the public host). */
  refusal?: (status: number, text: string) => Error | undefined;
  /** Logins: a redirect is refused, never followed with the password or token. */
  refuseRedirects?: boolean;
  /** Largest body accepted once decompressed; default MAX_JSON_BYTES. */
  maxBytes?: number;
}

export interface JsonResponse {
  data: unknown;
  window: RateWindow | null;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The bytes as sent: feeds decode their own charset. */
  body: Buffer;
  window: RateWindow | null;
}

/** Labels a URL by method and path only: queries can be long and tokens live in headers. */
export function labelRequest(source: string, method: string, url: URL): string {
  return `${source}: ${method} ${url.pathname}`;
}

/**
 * One HTTP exchange, classified for the retry policy: 429 → RateLimitedError,
 * 5xx and network failures → TransientError, 401/403 → AuthRejectedError, a body
 * that is not JSON → SourceError naming the endpoint.
 */
export async function requestJson(fetch: FetchLike, req: JsonRequest): Promise<JsonResponse> {
  const response = await requestRaw(fetch, req);
  return { data: parseJson(req.label, response.body.toString('utf8')), window: response.window };
}

/**
 * The exchange under requestJson, for any body; statuses below 400 (a 304 too) come back.
 * `timeoutMs` is a deadline for the whole exchange, redirects and body included, so a
 * server dripping a byte a second cannot hold it. Redirects are followed here, not by
 * fetch, so each hop is checked (see followRedirect) and a bad one fails at once.
 */
export async function requestRaw(fetch: FetchLike, req: JsonRequest): Promise<RawResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let hop: Hop = { url: req.url, method: req.method ?? 'GET', headers: req.headers, body: req.body };
  const visited = new Set([req.url.href]);
  let response: Response;
  let body: Buffer;
  try {
    for (;;) {
      response = await fetch(hop.url.href, { method: hop.method, headers: hop.headers, body: hop.body, signal, redirect: 'manual' });
      if (!isRedirect(response)) break;
      await response.body?.cancel().catch(() => undefined);
      hop = followRedirect(req.label, hop, response, visited, req.refuseRedirects === true);
    }
    body = await readCappedBody(response, req.maxBytes ?? MAX_JSON_BYTES, req.label);
  } catch (error) {
    if (req.signal?.aborted) throw error;
    // the label names the path; a network failure names the host too (a typo in a feed or apiBase)
    if (timeout.aborted) throw new TransientError(`${req.label} timed out after ${req.timeoutMs} ms waiting for ${hop.url.host}`);
    if (error instanceof SourceError) throw error;
    throw new TransientError(`${req.label} failed: cannot reach ${hop.url.host} (${describeCause(error)})`);
  }
  const window = req.readWindow(response.headers);
  const { status } = response;
  if (status >= 400 && status < 500 && status !== 429) {
    const own = req.refusal?.(status, body.toString('utf8'));
    if (own) throw own;
  }
  checkStatus(req.label, response, window, body.toString('utf8'));
  return { status, headers: response.headers, body, window };
}

function checkStatus(label: string, response: Response, window: RateWindow | null, text: string): void {
  const { status } = response;
  if (status < 400) return;
  if (status === 429) {
    throw new RateLimitedError(`${label} answered 429`, readRetryAfterMs(response.headers, window));
  }
  if (status >= 500) throw new TransientError(`${label} answered ${status}`, status);
  if (status === 401 || status === 403) {
    throw new AuthRejectedError(`${label} answered ${status}: the credentials were refused`, 'check the client id, secret and account', status);
  }
  throw new SourceError(`${label} answered ${status}: ${text.replace(/\s+/g, ' ').slice(0, 160)}`, undefined, status);
}

export function parseJson(label: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const kind = text.trim() === '' ? 'an empty body' : 'invalid or truncated JSON';
    throw new UnreadableResponseError(`${label} returned ${kind} (${describeCause(error)}); nothing from that page was stored`);
  }
}
