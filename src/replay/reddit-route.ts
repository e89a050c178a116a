import type { ApiObject, ReplayData } from './data.js';
import { compileQuery } from './query-match.js';
import { jsonError, sliceAfter, type RouteRequest, type RouteResponse } from './route.js';

export interface RedditAccount {
  clientId: string;
  clientSecret: string;
  /** When set, the password grant must name this account. */
  username?: string;
  password?: string;
  tokenTtlSeconds: number;
  /** Reddit listings stop near 1,000 items. */
  listingCap: number;
}

const unauthorized = (): RouteResponse => jsonError(401, { message: 'Unauthorized', error: 401 });

/** POST /api/v1/access_token with Basic auth: client credentials or password grant. */
export function createRedditAuthRoute(account: RedditAccount, tokens: Map<string, number>): (request: RouteRequest) => RouteResponse {
  let issued = 0;
  return (request) => {
    if (request.method !== 'POST' || request.path !== '/api/v1/access_token') return jsonError(404, { message: 'Not Found', error: 404 });
    const expected = `Basic ${Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64')}`;
    if (request.headers.authorization !== expected) return unauthorized();
    const form = new URLSearchParams(request.body);
    const grant = form.get('grant_type');
    if (grant === 'password') {
      const known = account.username === undefined || (form.get('username') === account.username && form.get('password') === account.password);
      if (!known) return { status: 200, body: { error: 'invalid_grant' } };
    } else if (grant !== 'client_credentials') {
      return { status: 200, body: { error: 'unsupported_grant_type' } };
    }
    const token = `replay-token-${++issued}`;
    tokens.set(token, Date.now() + account.tokenTtlSeconds * 1000);
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: account.tokenTtlSeconds, scope: '*' } };
  };
}

/** The OAuth API host: /search, /r/{sub}/search, /r/{sub}/comments and /r/{sub}/new. */
export function createRedditApiRoute(data: ReplayData, account: RedditAccount, tokens: Map<string, number>): (request: RouteRequest) => RouteResponse {
  return (request) => {
    const bearer = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if ((tokens.get(bearer) ?? 0) < Date.now()) return unauthorized();
    const items = selectItems(data, request);
    if (items === null) return jsonError(404, { message: 'Not Found', error: 404 });
    return { status: 200, body: buildListing(items.slice(0, account.listingCap), request) };
  };
}

function selectItems(data: ReplayData, request: RouteRequest): ApiObject[] | null {
  const match = /^(?:\/r\/([A-Za-z0-9_+]+))?\/(search|comments|new)\/?$/.exec(request.path);
  if (!match) return null;
  const [, subs, kind] = match;
  const inSub = (thing: ApiObject) => !subs || subs.toLowerCase().split('+').includes(String(field(thing, 'subreddit')).toLowerCase());
  if (kind === 'comments') return subs ? newestFirst(data.reddit.comments).filter(inSub) : null;
  if (kind === 'new') return subs ? newestFirst(data.reddit.posts).filter(inSub) : null;
  const matches = compileQuery(request.query.get('q') ?? '');
  const restrict = request.query.get('restrict_sr') === '1' || request.query.get('restrict_sr') === 'true';
  return newestFirst(data.reddit.posts).filter(
    (thing) => (!restrict || inSub(thing)) && matches(`${String(field(thing, 'title'))}\n${String(field(thing, 'selftext') ?? '')}`),
  );
}

function buildListing(items: ApiObject[], request: RouteRequest): unknown {
  const after = request.query.get('after');
  const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? '25')));
  const rest = sliceAfter(items, (thing) => field(thing, 'name') === after, after);
  let children = rest.slice(0, limit);
  const last = children.at(-1);
  let next: string | null = rest.length > limit && last ? String(field(last, 'name')) : null;
  if (request.mode === 'empty-page') [children, next] = [[], after];
  if (request.mode === 'repeat-page') next = after;
  if (request.mode === 'endless') next = next ?? (last ? String(field(last, 'name')) : after);
  return { kind: 'Listing', data: { after: next, dist: children.length, modhash: '', geo_filter: '', children, before: null } };
}

function field(thing: ApiObject, name: string): unknown {
  return (thing.data as ApiObject | undefined)?.[name];
}

function newestFirst(things: ApiObject[]): ApiObject[] {
  return [...things].sort((a, b) => Number(field(b, 'created_utc')) - Number(field(a, 'created_utc')));
}
