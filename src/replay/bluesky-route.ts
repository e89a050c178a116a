import type { ApiObject, ReplayData } from './data.js';
import { compileQuery } from './query-match.js';
import { jsonError, type RouteRequest, type RouteResponse } from './route.js';

export interface BlueskyAccount {
  handle: string;
  appPassword: string;
  /** Lifetime of an access token (the real one: about two hours). */
  accessTtlSeconds: number;
}

/** What the tests look at: logins made, refreshes, and levers to expire tokens. */
export interface BlueskyLedger {
  createSessions: number;
  refreshes: number;
  /** Every access token issued so far now answers ExpiredToken. */
  expireAccess(): void;
  /** Every refresh token issued so far is revoked (the account signed out elsewhere). */
  revokeRefresh(): void;
}

const xrpcError = (status: number, error: string, message: string): RouteResponse => jsonError(status, { error, message });

/**
 * The PDS side of Bluesky: createSession, refreshSession (rotating the refresh token,
 * as the real one does) and searchPosts (q, sort=latest, since, lang, limit, cursor).
 * Without a token, search answers 401 as a PDS does; the public AppView's 403 is a fault.
 */
export function createBlueskyRoute(data: ReplayData, account: BlueskyAccount): { route: (request: RouteRequest) => RouteResponse; ledger: BlueskyLedger } {
  const access = new Map<string, number>();
  const refresh = new Set<string>();
  let issued = 0;
  const ledger: BlueskyLedger = {
    createSessions: 0,
    refreshes: 0,
    expireAccess: () => { for (const token of access.keys()) access.set(token, 0); },
    revokeRefresh: () => refresh.clear(),
  };
  const issue = () => {
    const n = ++issued;
    const exp = Math.floor(Date.now() / 1000) + account.accessTtlSeconds;
    const accessJwt = fakeJwt({ scope: 'com.atproto.appPass', sub: 'did:plc:replayaccount', exp, n });
    const refreshJwt = fakeJwt({ scope: 'com.atproto.refresh', sub: 'did:plc:replayaccount', n });
    access.set(accessJwt, exp * 1000);
    refresh.add(refreshJwt);
    return { accessJwt, refreshJwt, handle: account.handle, did: 'did:plc:replayaccount', active: true };
  };
  const route = (request: RouteRequest): RouteResponse => {
    const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (request.path === '/xrpc/com.atproto.server.createSession' && request.method === 'POST') {
      const body = safeJson(request.body) as { identifier?: string; password?: string } | null;
      if (body?.identifier !== account.handle || body.password !== account.appPassword) {
        return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
      }
      ledger.createSessions++;
      return { status: 200, body: issue() };
    }
    if (request.path === '/xrpc/com.atproto.server.refreshSession' && request.method === 'POST') {
      if (!refresh.delete(bearer)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
      ledger.refreshes++;
      return { status: 200, body: issue() };
    }
    if (request.path === '/xrpc/app.bsky.feed.searchPosts') {
      if (!bearer) return xrpcError(401, 'AuthMissing', 'Authentication Required');
      const expiresAt = access.get(bearer);
      if (expiresAt === undefined) return xrpcError(400, 'InvalidToken', 'Malformed token');
      if (expiresAt <= Date.now()) return xrpcError(400, 'ExpiredToken', 'Token has expired');
      return search(data, request);
    }
    return xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');
  };
  return { route, ledger };
}

function search(data: ReplayData, request: RouteRequest): RouteResponse {
  const q = request.query.get('q');
  if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
  const limit = Number(request.query.get('limit') ?? '25');
  if (!(limit >= 1 && limit <= 100)) return xrpcError(400, 'InvalidRequest', 'Error: limit must be <= 100');
  const since = request.query.get('since');
  const lang = request.query.get('lang');
  const matches = compileQuery(q);
  const hits = data.bluesky.posts
    .filter((post) => matches(String((post.record as ApiObject | undefined)?.text ?? '')))
    .filter((post) => !lang || ((post.record as { langs?: string[] }).langs ?? []).includes(lang))
    .filter((post) => !since || sortAt(post) >= new Date(since).toISOString())
    .sort((a, b) => (sortAt(b) > sortAt(a) ? 1 : sortAt(b) < sortAt(a) ? -1 : 0));
  // the real cursor is an offset too ("25"): new posts arriving shift it, repeating a few
  const offset = Number(request.query.get('cursor') ?? '0');
  let posts = hits.slice(offset, offset + limit);
  let cursor: string | undefined = offset + limit < hits.length ? String(offset + limit) : undefined;
  if (request.mode === 'empty-page') [posts, cursor] = [[], String(offset)];
  if (request.mode === 'repeat-page') cursor = String(offset);
  if (request.mode === 'endless') cursor = cursor ?? String(offset + posts.length);
  return { status: 200, body: cursor === undefined ? { posts } : { cursor, posts } };
}

function sortAt(post: ApiObject): string {
  const created = Date.parse(String((post.record as ApiObject | undefined)?.createdAt ?? ''));
  const indexed = Date.parse(String(post.indexedAt ?? ''));
  return new Date(Math.min(...[created, indexed].filter(Number.isFinite))).toISOString();
}

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'at+jwt', alg: 'HS256' })}.${part(claims)}.replay-signature`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
