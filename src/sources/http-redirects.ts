import { SourceError } from './errors.js';

/** More hops than any honest move needs; a loop is caught earlier by the visited set. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string> | undefined;
  body: string | undefined;
}

export function isRedirect(response: Response): boolean {
  return REDIRECTS.has(response.status) && response.headers.has('location');
}

/**
 * The next request of a redirect chain, or a SourceError that is not retried: a loop, a
 * scheme other than http(s), a step down from https to http, or a credential request
 * (`refuse`), whose password or token would go wherever the redirect points.
 */
export function followRedirect(label: string, from: Hop, response: Response, visited: Set<string>, refuse: boolean): Hop {
  const status = response.status;
  let target: URL;
  try {
    target = new URL(response.headers.get('location')!, from.url);
  } catch {
    throw new SourceError(`${label} answered ${status} with a Location that is not a URL`);
  }
  if (refuse) {
    throw new SourceError(`${label} answered ${status}, a redirect to ${target.origin}; a login is never sent on to another address`, 'check the source’s apiBase / authBase: it should name the server itself');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new SourceError(`${label} answered ${status}, a redirect to a ${target.protocol} address; only http and https are followed`);
  }
  if (from.url.protocol === 'https:' && target.protocol === 'http:') {
    throw new SourceError(`${label} answered ${status}, a redirect from https to plain http (${target.host}); refused`, 'if the server really moved, configure its new address');
  }
  if (visited.has(target.href)) throw new SourceError(`${label} answered ${status}: a redirect loop back to ${target.origin}${target.pathname}`);
  if (visited.size > MAX_REDIRECTS) throw new SourceError(`${label} redirected more than ${MAX_REDIRECTS} times`);
  visited.add(target.href);
  // as fetch does: 303 (and 301/302 after a POST) become a GET without a body
  const toGet = status === 303 || ((status === 301 || status === 302) && from.method === 'POST');
  return {
    url: target,
    method: toGet ? 'GET' : from.method,
    headers: target.origin === from.url.origin ? from.headers : withoutCredentials(from.headers),
    body: toGet ? undefined : from.body,
  };
}

/** Another origin never sees our Authorization or Cookie header. */
function withoutCredentials(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)));
}
