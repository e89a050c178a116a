import type { Agent } from 'node:https';
import { ApiPartialResponseError, ApiRequestError, ApiResponseError, TwitterApi } from 'twitter-api-v2';
import type { BrandConfig } from '../config/schema.js';
import type { FetchContext, Source, SourcePage } from './source.js';
import { AuthRejectedError, RateLimitedError, SourceError, TransientError, describeCause, UnreadableResponseError } from './errors.js';
import { MAX_JSON_BYTES } from './http-body.js';
import { guardXRequest } from './x-guard.js';
import { paceWindow, readXRateWindow, type RateWindow } from './pacing.js';
import { paginateStream, type PageRequest, type PageResult } from './paginate.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { applyExclusions, defaultQuery } from './text-match.js';
import { mapXSearchResponse, readXSearchResponse } from './x-map.js';

export interface XSourceOptions {
  apiBase: string;
  bearerToken: string;
  retry: RetryPolicy;
  timeoutMs: number;
  /** Only for an in-process CA (tests); production trusts through NODE_EXTRA_CA_CERTS. */
  httpAgent?: Agent;
}

const ENDPOINT = 'tweets/search/recent';
const LABEL = `x: GET ${ENDPOINT}`;
const TWEET_FIELDS = 'created_at,public_metrics,lang,author_id,conversation_id,note_tweet';

/** X API v2 recent search through twitter-api-v2, incremental by since_id. */
export class XSource implements Source {
  readonly name = 'x';
  private readonly client: TwitterApi;
  private window: RateWindow | null = null;
  /** Queries whose since_id X rejected as too old in this run: their pass continues without it. */
  private readonly staleSince = new Set<string>();

  constructor(private readonly options: XSourceOptions) {
    this.client = new TwitterApi(options.bearerToken, options.httpAgent ? { httpAgent: options.httpAgent } : {});
  }

  async *fetchMentions(brand: BrandConfig, ctx: FetchContext): AsyncGenerator<SourcePage> {
    const query = brand.queries.x ?? defaultQuery(brand);
    const fetchPage = (request: PageRequest<string>) => this.fetchPage(query, brand, request, ctx);
    yield* paginateStream<string>({ stream: 'search', query, fetchPage }, ctx, { read: 0 });
  }

  private async fetchPage(query: string, brand: BrandConfig, request: PageRequest<string>, ctx: FetchContext): Promise<PageResult<string>> {
    const params: Record<string, string | number> = {
      query,
      'tweet.fields': TWEET_FIELDS,
      expansions: 'author_id',
      // public_metrics: the author's follower count, the inbox's reach tie-breaker
      'user.fields': 'username,public_metrics',
      // X accepts 10–100; a few posts over budget beat a rejected request.
      max_results: Math.max(10, Math.min(100, request.limit)),
    };
    if (request.since && !this.staleSince.has(query)) params.since_id = request.since;
    if (request.next) params.next_token = request.next;
    await paceWindow(this.window, 'x', ctx);
    const body = await this.searchOrForgetSince(query, params, ctx);
    const response = readXSearchResponse(LABEL, body);
    const posts = response.data?.length ?? 0;
    return {
      mentions: applyExclusions(mapXSearchResponse(response, brand.name, ctx), brand),
      postsRead: posts,
      newest: idOf(response.meta?.newest_id) ?? idOf(response.data?.[0]?.id),
      next: typeof response.meta?.next_token === 'string' ? response.meta.next_token : null,
    };
  }

  /**
   * Recent search covers 7 days and rejects an older since_id with a 400; after a long
   * pause the stream restarts from what the window still holds, rather than failing forever.
   */
  private async searchOrForgetSince(query: string, params: Record<string, string | number>, ctx: FetchContext): Promise<unknown> {
    try {
      return await callWithPolicy(LABEL, ctx, this.options.retry, () => this.search(params));
    } catch (error) {
      if (!(error instanceof SourceError) || !params.since_id || !/answered 400: .*since_id/i.test(error.message)) throw error;
      ctx.onEvent?.({ kind: 'notice', message: 'search: the last seen post is older than X keeps for recent search; reading the whole 7-day window' });
      this.staleSince.add(query);
      const { since_id: _dropped, ...rest } = params;
      return callWithPolicy(LABEL, ctx, this.options.retry, () => this.search(rest));
    }
  }

  private async search(params: Record<string, string | number>): Promise<unknown> {
    try {
      const guard = { label: LABEL, timeoutMs: this.options.timeoutMs, maxBytes: MAX_JSON_BYTES };
      const response = await guardXRequest(guard, (requestEventDebugHandler) =>
        this.client.v2.get(ENDPOINT, params, {
          fullResponse: true,
          prefix: this.options.apiBase,
          timeout: this.options.timeoutMs,
          // uncompressed, so the size cap counts what would be held (and no bomb is inflated)
          compression: 'identity',
          // the client passes this hook through, though its type leaves it out
          ...({ requestEventDebugHandler } as object),
        }),
      );
      this.window = readXRateWindow(response.headers);
      return response.data;
    } catch (error) {
      throw classifyXError(error, new URL(this.options.apiBase).host);
    }
  }
}

/** A tweet id as X sends it (a string of digits); anything else is no cursor. */
function idOf(value: unknown): string | null {
  return typeof value === 'string' && /^\d{1,20}$/.test(value) ? value : null;
}

/** Maps twitter-api-v2's errors onto the shared retry policy's classes. */
export function classifyXError(error: unknown, host?: string): Error {
  if (error instanceof ApiResponseError) {
    const code = error.code;
    if (code === 429) {
      const reset = error.rateLimit?.reset;
      return new RateLimitedError(`${LABEL} answered 429`, reset ? Math.max(0, reset * 1000 - Date.now()) + 250 : null);
    }
    if (code >= 500) return new TransientError(`${LABEL} answered ${code}`, code);
    if (code === 401 || code === 403) {
      return new AuthRejectedError(`${LABEL} answered ${code}: the bearer token was refused`, 'check EARSHOT_X_BEARER_TOKEN and the app’s access level', code);
    }
    const first = error.data?.errors?.[0] as { message?: string } | undefined;
    const detail = first?.message ?? error.data?.detail ?? error.data?.title ?? '';
    return new SourceError(`${LABEL} answered ${code}${detail ? `: ${String(detail).slice(0, 160)}` : ''}`, undefined, code);
  }
  if (error instanceof ApiPartialResponseError) {
    if (error.message.includes('parse error')) {
      return new UnreadableResponseError(`${LABEL} returned invalid or truncated JSON (${describeCause(error.responseError)}); nothing from that page was stored`);
    }
    return new TransientError(`${LABEL} failed: the connection closed mid-response`);
  }
  if (error instanceof ApiRequestError) {
    return new TransientError(`${LABEL} failed: ${host ? `cannot reach ${host} (${describeCause(error.requestError ?? error)})` : describeCause(error.requestError ?? error)}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
