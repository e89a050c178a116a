import type { ApiObject, ReplayData } from './data.js';
import { compileQuery } from './query-match.js';
import { jsonError, type RouteRequest, type RouteResponse } from './route.js';

/** Algolia serves at most this many hits per query, however many pages are asked for. */
const PAGINATION_LIMIT = 1000;

/** GET /api/v1/search_by_date: query, tags, numericFilters on created_at_i, page, hitsPerPage. */
export function createHackerNewsRoute(data: ReplayData): (request: RouteRequest) => RouteResponse {
  return (request) => {
    if (request.path !== '/api/v1/search_by_date') return jsonError(404, { message: 'Not Found', status: 404 });
    const filters = parseNumericFilters(request.query.get('numericFilters') ?? '');
    if (filters === null) return jsonError(400, { message: 'invalid numericFilters', status: 400 });
    const matches = compileQuery(request.query.get('query') ?? '');
    const tags = parseTags(request.query.get('tags') ?? '');
    const hits = [...data.hackernews.hits]
      .sort((a, b) => Number(b.created_at_i) - Number(a.created_at_i))
      .filter((hit) => filters.every((test) => test(Number(hit.created_at_i))))
      .filter((hit) => tags.length === 0 || tags.some((tag) => (hit._tags as string[] | undefined)?.includes(tag)))
      .filter((hit) => matches([hit.title, hit.story_text, hit.comment_text].filter(Boolean).join('\n')));
    return { status: 200, body: buildPage(hits, request) };
  };
}

function buildPage(hits: ApiObject[], request: RouteRequest): unknown {
  const hitsPerPage = Math.min(1000, Math.max(1, Number(request.query.get('hitsPerPage') ?? '20')));
  const page = Math.max(0, Number(request.query.get('page') ?? '0'));
  const reachable = hits.slice(0, PAGINATION_LIMIT);
  let nbPages = Math.ceil(reachable.length / hitsPerPage);
  let pageHits = reachable.slice(page * hitsPerPage, (page + 1) * hitsPerPage);
  if (request.mode === 'empty-page') pageHits = [];
  if (request.mode === 'endless') nbPages = page + 2;
  return {
    hits: pageHits,
    nbHits: hits.length,
    page,
    nbPages,
    hitsPerPage,
    exhaustiveNbHits: true,
    query: request.query.get('query') ?? '',
    params: request.query.toString(),
    processingTimeMS: 1,
  };
}

/** `created_at_i>N,created_at_i<=M`: comma means AND. */
function parseNumericFilters(text: string): Array<(value: number) => boolean> | null {
  const tests: Array<(value: number) => boolean> = [];
  for (const part of text.split(',').filter(Boolean)) {
    const match = /^created_at_i(>=|<=|>|<|=)(\d+)$/.exec(part.trim());
    if (!match) return null;
    const [, op, raw] = match;
    const bound = Number(raw);
    const compare = { '>': (v: number) => v > bound, '>=': (v: number) => v >= bound, '<': (v: number) => v < bound, '<=': (v: number) => v <= bound, '=': (v: number) => v === bound };
    tests.push(compare[op as keyof typeof compare]);
  }
  return tests;
}

/** `(story,comment)` means either tag. */
function parseTags(text: string): string[] {
  return text.replace(/[()]/g, '').split(',').map((tag) => tag.trim()).filter(Boolean);
}
