import type { ApiObject, ReplayData } from './data.js';
import { compileQuery } from './query-match.js';
import { jsonError, type RouteRequest, type RouteResponse } from './route.js';

/** next_token is opaque to clients; ours says where the last page ended, plus a nonce. */
let nonce = 0;
function encodeToken(position: string): string {
  return Buffer.from(`${position}:${++nonce}`).toString('base64url');
}

function decodeToken(token: string): string | null {
  const [position] = Buffer.from(token, 'base64url').toString().split(':');
  return position && /^(start|\d+)$/.test(position) ? position : null;
}

function invalidRequest(message: string): RouteResponse {
  return jsonError(400, {
    errors: [{ message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });
}

/** GET /2/tweets/search/recent: query, max_results, since_id and next_token, newest first. */
export function createXRoute(data: ReplayData, bearerToken: string): (request: RouteRequest) => RouteResponse {
  return (request) => {
    if (request.path !== '/2/tweets/search/recent') return jsonError(404, { title: 'Not Found Error', status: 404 });
    if (request.headers.authorization !== `Bearer ${bearerToken}`) {
      return jsonError(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
    const query = request.query.get('query');
    const max = Number(request.query.get('max_results') ?? '10');
    if (!query) return invalidRequest('The `query` query parameter can not be empty');
    if (!(max >= 10 && max <= 100)) return invalidRequest(`The \`max_results\` query parameter value [${max}] is not between 10 and 100`);
    const token = request.query.get('next_token');
    const position = token === null ? 'start' : decodeToken(token);
    if (position === null) return invalidRequest('The `next_token` query parameter value is invalid');
    const since = request.query.get('since_id');
    const matches = compileQuery(query);
    const rest = sortTweets(data.x.tweets).filter(
      (tweet) =>
        matches(String(tweet.text)) &&
        (since === null || BigInt(String(tweet.id)) > BigInt(since)) &&
        (position === 'start' || BigInt(String(tweet.id)) < BigInt(position)),
    );
    return { status: 200, body: buildPage(data, rest, max, position, request.mode) };
  };
}

function buildPage(data: ReplayData, rest: ApiObject[], max: number, position: string, mode: RouteRequest['mode']): unknown {
  let page = rest.slice(0, max);
  const last = page.at(-1);
  let next: string | null = rest.length > max && last ? String(last.id) : null;
  if (mode === 'empty-page') [page, next] = [[], position];
  if (mode === 'repeat-page') next = position;
  if (mode === 'endless') next = next ?? (last ? String(last.id) : position);
  const authorIds = new Set(page.map((tweet) => tweet.author_id));
  const users = data.x.users.filter((user) => authorIds.has(user.id));
  const meta: Record<string, unknown> = { result_count: page.length };
  if (page.length > 0) Object.assign(meta, { newest_id: page[0]!.id, oldest_id: last?.id });
  if (next !== null) meta.next_token = encodeToken(next);
  return page.length > 0 ? { data: page, includes: { users }, meta } : { meta };
}

function sortTweets(tweets: ApiObject[]): ApiObject[] {
  return [...tweets].sort((a, b) => {
    const diff = BigInt(String(b.id)) - BigInt(String(a.id));
    return diff > 0n ? 1 : diff < 0n ? -1 : 0;
  });
}
