import { Agent } from 'node:https';
import type { Config } from '../config/schema.js';
import { UserError } from '../errors.js';
import type { Source, SourcePage } from './source.js';
import { AppStoreSource } from './appstore.js';
import { BlueskySource, PUBLIC_HOST_HINT } from './bluesky.js';
import { HackerNewsSource } from './hackernews.js';
import type { FetchLike } from './http.js';
import { createCaFetch } from './https-fetch.js';
import { RedditSource } from './reddit.js';
import { RssSource } from './rss.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import {
  readPackageVersion, resolveAppStoreSettings, resolveBlueskySettings, resolveHackerNewsSettings, resolveRedditSettings, resolveRssSettings,
  resolveXSettings, type Env,
} from './settings.js';
import { XSource } from './x.js';

export interface SourceOptions {
  /**
   * A CA certificate (PEM) to trust in-process, for tests against the replay server.
   * Production leaves it out and trusts through NODE_EXTRA_CA_CERTS.
   */
  ca?: string;
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  /** Version for Reddit's User-Agent; default: package.json. */
  version?: string;
}

/** A configured source that cannot run: the scan prints `reason` once, or fails if asked for it. */
export class UnavailableSource implements Source {
  constructor(
    readonly name: string,
    readonly reason: string,
    readonly hint: string,
    /** Not worth a notice on every scan: the config never mentions this source. */
    readonly quiet = false,
  ) {}

  async *fetchMentions(): AsyncGenerator<SourcePage> {
    throw new UserError(`${this.name}: ${this.reason}`, this.hint);
  }
}

export function isUnavailable(source: Source): source is UnavailableSource {
  return source instanceof UnavailableSource;
}

/** Builds every source earshot knows, in a fixed order: x, reddit, hackernews, bluesky, rss, appstore. */
export function createSources(config: Config, env: Env, options: SourceOptions = {}): Source[] {
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agent = options.ca ? new Agent({ ca: options.ca }) : undefined;
  const fetch: FetchLike = agent ? createCaFetch(agent) : globalThis.fetch;
  return [
    createXSource(config, env, { retry, timeoutMs, agent }),
    createRedditSource(config, env, { retry, timeoutMs, fetch, version: options.version }),
    new HackerNewsSource({ ...resolveHackerNewsSettings(config, env), fetch, retry, timeoutMs }),
    createBlueskySource(config, env, { retry, timeoutMs, fetch }),
    new RssSource({ ...resolveRssSettings(config, env), userAgent: `earshot/${options.version ?? readPackageVersion()} (feed reader)`, fetch, retry, timeoutMs }),
    new AppStoreSource({ ...resolveAppStoreSettings(config, env), fetch, retry, timeoutMs }),
  ];
}

interface Shared {
  retry: RetryPolicy;
  timeoutMs: number;
}

function createXSource(config: Config, env: Env, shared: Shared & { agent?: Agent }): Source {
  const { apiBase, bearerToken } = resolveXSettings(config, env);
  if (!bearerToken) {
    return new UnavailableSource('x', 'no bearer token', 'set EARSHOT_X_BEARER_TOKEN or sources.x.bearerToken (an X API app with recent-search access)');
  }
  return new XSource({ apiBase, bearerToken, retry: shared.retry, timeoutMs: shared.timeoutMs, httpAgent: shared.agent });
}

function createRedditSource(config: Config, env: Env, shared: Shared & { fetch: FetchLike; version?: string }): Source {
  const settings = resolveRedditSettings(config, env, shared.version ?? readPackageVersion());
  const { clientId, clientSecret, username, password } = settings;
  if (!clientId || !clientSecret) {
    return new UnavailableSource(
      'reddit',
      'no client id and secret',
      'set EARSHOT_REDDIT_CLIENT_ID and EARSHOT_REDDIT_CLIENT_SECRET (a Reddit app from reddit.com/prefs/apps; for a script app also EARSHOT_REDDIT_USERNAME and EARSHOT_REDDIT_PASSWORD)',
    );
  }
  if (Boolean(username) !== Boolean(password)) {
    return new UnavailableSource('reddit', 'a username without a password (or the reverse)', 'set both EARSHOT_REDDIT_USERNAME and EARSHOT_REDDIT_PASSWORD, or neither for app-only access');
  }
  return new RedditSource({ ...settings, clientId, clientSecret, fetch: shared.fetch, retry: shared.retry, timeoutMs: shared.timeoutMs });
}

function createBlueskySource(config: Config, env: Env, shared: Shared & { fetch: FetchLike }): Source {
  const { apiBase, handle, appPassword } = resolveBlueskySettings(config, env);
  if (new URL(apiBase).hostname === 'public.api.bsky.app') {
    return new UnavailableSource('bluesky', 'the public host public.api.bsky.app, which answers 403 to search', PUBLIC_HOST_HINT);
  }
  if (!handle || !appPassword) {
    // half a login, or a brand's query, asks for Bluesky; a host override alone (tests, proxies) does not
    const mentioned = Boolean(handle || appPassword) || config.brands.some((brand) => brand.queries.bluesky !== undefined);
    return new UnavailableSource(
      'bluesky',
      'no handle and app password',
      'set EARSHOT_BLUESKY_HANDLE and EARSHOT_BLUESKY_APP_PASSWORD (an app password from bsky.app: Settings → Privacy and security → App passwords)',
      !mentioned,
    );
  }
  return new BlueskySource({ apiBase, handle, appPassword, fetch: shared.fetch, retry: shared.retry, timeoutMs: shared.timeoutMs });
}
