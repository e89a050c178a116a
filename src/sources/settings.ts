import { readFileSync } from 'node:fs';
import type { Config } from '../config/schema.js';

/** Environment variables, passed in rather than read from process.env so tests stay pure. */
export type Env = Record<string, string | undefined>;

export const DEFAULT_BASES = {
  x: 'https://api.x.com/2/',
  redditApi: 'https://oauth.reddit.com',
  redditAuth: 'https://www.reddit.com',
  hackernews: 'https://hn.algolia.com/api/v1',
  bluesky: 'https://bsky.social/xrpc/',
  appstore: 'https://itunes.apple.com/',
  news: 'https://news.google.com/',
} as const;

export interface XSettings {
  apiBase: string;
  bearerToken: string | null;
}

export interface RedditSettings {
  apiBase: string;
  authBase: string;
  userAgent: string;
  clientId: string | null;
  clientSecret: string | null;
  username: string | null;
  password: string | null;
}

export interface HackerNewsSettings {
  apiBase: string;
}

function pick(...values: Array<string | undefined>): string | null {
  for (const value of values) if (value !== undefined && value.trim() !== '') return value.trim();
  return null;
}

/** twitter-api-v2 joins prefix + path as strings, so the base must end with a slash. */
function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

function withoutSlash(base: string): string {
  return base.replace(/\/+$/, '');
}

// Environment beats the config file, as everywhere in earshot.
export function resolveXSettings(config: Config, env: Env): XSettings {
  const x = config.sources.x;
  return {
    apiBase: withSlash(pick(env.EARSHOT_X_API_BASE, x?.apiBase) ?? DEFAULT_BASES.x),
    bearerToken: pick(env.EARSHOT_X_BEARER_TOKEN, x?.bearerToken),
  };
}

export function resolveRedditSettings(config: Config, env: Env, version: string): RedditSettings {
  const reddit = config.sources.reddit;
  const username = pick(env.EARSHOT_REDDIT_USERNAME, reddit?.username);
  return {
    apiBase: withoutSlash(pick(env.EARSHOT_REDDIT_API_BASE, reddit?.apiBase) ?? DEFAULT_BASES.redditApi),
    authBase: withoutSlash(pick(env.EARSHOT_REDDIT_AUTH_BASE, reddit?.authBase) ?? DEFAULT_BASES.redditAuth),
    // Reddit's API rules ask for `<platform>:<app id>:<version> (by /u/<username>)`.
    userAgent:
      pick(env.EARSHOT_REDDIT_USER_AGENT, reddit?.userAgent) ??
      `${process.platform}:earshot:${version} (by /u/${username ?? 'earshot-cli'})`,
    clientId: pick(env.EARSHOT_REDDIT_CLIENT_ID, reddit?.clientId),
    clientSecret: pick(env.EARSHOT_REDDIT_CLIENT_SECRET, reddit?.clientSecret),
    username,
    password: pick(env.EARSHOT_REDDIT_PASSWORD, reddit?.password),
  };
}

export function resolveHackerNewsSettings(config: Config, env: Env): HackerNewsSettings {
  return {
    apiBase: withoutSlash(pick(env.EARSHOT_HN_API_BASE, config.sources.hackernews?.apiBase) ?? DEFAULT_BASES.hackernews),
  };
}

export interface BlueskySettings {
  /** The XRPC base of a PDS (bsky.social or your own), ending in a slash. */
  apiBase: string;
  handle: string | null;
  appPassword: string | null;
}

export function resolveBlueskySettings(config: Config, env: Env): BlueskySettings {
  const bluesky = config.sources.bluesky;
  return {
    apiBase: withSlash(pick(env.EARSHOT_BLUESKY_API_BASE, bluesky?.apiBase) ?? DEFAULT_BASES.bluesky),
    handle: pick(env.EARSHOT_BLUESKY_HANDLE, bluesky?.handle)?.replace(/^@/, '') ?? null,
    appPassword: pick(env.EARSHOT_BLUESKY_APP_PASSWORD, bluesky?.appPassword),
  };
}

export function resolveAppStoreSettings(config: Config, env: Env): { apiBase: string } {
  return { apiBase: withSlash(pick(env.EARSHOT_APPSTORE_API_BASE, config.sources.appstore?.apiBase) ?? DEFAULT_BASES.appstore) };
}

export function resolveRssSettings(config: Config, env: Env): { newsApiBase: string } {
  return { newsApiBase: withSlash(pick(env.EARSHOT_NEWS_API_BASE, config.sources.rss?.newsApiBase) ?? DEFAULT_BASES.news) };
}

/** The package version for the User-Agent; the same relative path works from src/ and dist/. */
export function readPackageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
