import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { createCertificate } from './cert.js';
import { emptyReplayData, loadReplayData, mergeReplayData, type ReplayData } from './data.js';
import { FaultBook, pageModeOf, type Fault, type ReplaySource } from './faults.js';
import { createAppStoreRoute } from './appstore-route.js';
import { createBlueskyRoute, type BlueskyAccount, type BlueskyLedger } from './bluesky-route.js';
import { createHackerNewsRoute } from './hackernews-route.js';
import { DEFAULT_RATE_LIMITS, RateWindowState, type RateLimitSpec } from './rate-window.js';
import { createRedditApiRoute, createRedditAuthRoute, type RedditAccount } from './reddit-route.js';
import { faultResponse, sendNotFound, sendResponse } from './respond.js';
import { createFeedRoute, createNewsRoute } from './rss-route.js';
import type { RouteRequest, RouteResponse } from './route.js';
import { createXRoute } from './x-route.js';

export interface ReplayServerOptions {
  port?: number;
  host?: string;
  /** A directory laid out like fixtures/api/; ignored when `data` is given. */
  fixturesDir?: string;
  data?: ReplayData;
  xBearerToken?: string;
  reddit?: Partial<RedditAccount>;
  bluesky?: Partial<BlueskyAccount>;
  rateLimits?: Partial<Record<'x' | 'reddit' | 'bluesky', RateLimitSpec>>;
  /** Where to write the CA PEM for NODE_EXTRA_CA_CERTS; default: a new temp directory. */
  caPath?: string;
}

export interface LoggedRequest {
  source: ReplaySource;
  method: string;
  path: string;
  query: Record<string, string>;
  auth: 'basic' | 'bearer' | 'none';
  /** Form fields of a token request, the password masked. */
  form?: Record<string, string>;
  status: number;
  fault: Fault['kind'] | null;
  at: number;
}

export interface ReplayServer {
  url: string;
  caPem: string;
  caPath: string;
  /** Base URLs to configure each source with; `feeds` is where feed files are served (`${feeds}/kettleby-blog.rss`). */
  bases: { x: string; redditApi: string; redditAuth: string; hackernews: string; bluesky: string; appstore: string; news: string; feeds: string };
  /** Bluesky logins and refreshes made, and levers to expire tokens. */
  bluesky: BlueskyLedger;
  /** EARSHOT_* variables (bases, credentials) and NODE_EXTRA_CA_CERTS for a child process. */
  env(): Record<string, string>;
  requests: LoggedRequest[];
  data: ReplayData;
  setFaults(faults: Fault[]): void;
  pendingFaults(): Fault[];
  addData(more: Parameters<typeof mergeReplayData>[1]): void;
  close(): Promise<void>;
}

type Route = (request: RouteRequest) => RouteResponse;

export async function startReplayServer(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const data = options.data ?? (options.fixturesDir ? loadReplayData(options.fixturesDir) : emptyReplayData());
  const account: RedditAccount = { clientId: 'replay-client', clientSecret: 'replay-secret', tokenTtlSeconds: 3600, listingCap: 1000, ...options.reddit };
  const xBearerToken = options.xBearerToken ?? 'replay-x-token';
  const tokens = new Map<string, number>();
  const blueskyAccount: BlueskyAccount = { handle: 'replay.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop', accessTtlSeconds: 7200, ...options.bluesky };
  const bluesky = createBlueskyRoute(data, blueskyAccount);
  const routes: Array<[prefix: string, source: ReplaySource, route: Route]> = [
    ['/x', 'x', createXRoute(data, xBearerToken)],
    ['/reddit/www', 'reddit', createRedditAuthRoute(account, tokens)],
    ['/reddit/oauth', 'reddit', createRedditApiRoute(data, account, tokens)],
    ['/hn', 'hackernews', createHackerNewsRoute(data)],
    ['/bluesky', 'bluesky', bluesky.route],
    ['/feeds', 'rss', createFeedRoute(data)],
    ['/news', 'rss', createNewsRoute(data)],
    ['/appstore', 'appstore', createAppStoreRoute(data)],
  ];
  const windows: ServerState['windows'] = {
    x: new RateWindowState(options.rateLimits?.x ?? DEFAULT_RATE_LIMITS.x),
    reddit: new RateWindowState(options.rateLimits?.reddit ?? DEFAULT_RATE_LIMITS.reddit),
    bluesky: new RateWindowState(options.rateLimits?.bluesky ?? DEFAULT_RATE_LIMITS.bluesky),
  };
  const faults = new FaultBook();
  const requests: LoggedRequest[] = [];
  const { key, cert } = await createCertificate();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, { routes, windows, faults, requests }).catch(() => res.socket?.destroy());
  };
  const server = createServer({ key, cert }, handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `https://${options.host === 'localhost' ? 'localhost' : '127.0.0.1'}:${port}`;
  // a folder we make for the CA file is ours to remove on close; a given caPath is the caller's
  const caDir = options.caPath ? null : mkdtempSync(join(tmpdir(), 'earshot-replay-'));
  const caPath = options.caPath ?? join(caDir!, 'ca.pem');
  writeFileSync(caPath, cert);
  const bases = {
    x: `${url}/x/2/`, redditApi: `${url}/reddit/oauth`, redditAuth: `${url}/reddit/www`, hackernews: `${url}/hn/api/v1`,
    bluesky: `${url}/bluesky/xrpc/`, appstore: `${url}/appstore/`, news: `${url}/news/`, feeds: `${url}/feeds`,
  };
  return {
    url,
    caPem: cert,
    caPath,
    bases,
    env: () => buildEnv(bases, xBearerToken, account, blueskyAccount, caPath),
    bluesky: bluesky.ledger,
    requests,
    data,
    setFaults: (list) => faults.set(list),
    pendingFaults: () => faults.pending(),
    addData: (more) => mergeReplayData(data, more),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          if (caDir) rmSync(caDir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

function buildEnv(bases: ReplayServer['bases'], xBearerToken: string, account: RedditAccount, bluesky: BlueskyAccount, caPath: string): Record<string, string> {
  return {
    EARSHOT_X_API_BASE: bases.x,
    EARSHOT_X_BEARER_TOKEN: xBearerToken,
    EARSHOT_REDDIT_API_BASE: bases.redditApi,
    EARSHOT_REDDIT_AUTH_BASE: bases.redditAuth,
    EARSHOT_REDDIT_CLIENT_ID: account.clientId,
    EARSHOT_REDDIT_CLIENT_SECRET: account.clientSecret,
    ...(account.username && account.password ? { EARSHOT_REDDIT_USERNAME: account.username, EARSHOT_REDDIT_PASSWORD: account.password } : {}),
    EARSHOT_HN_API_BASE: bases.hackernews,
    EARSHOT_BLUESKY_API_BASE: bases.bluesky,
    EARSHOT_BLUESKY_HANDLE: bluesky.handle,
    EARSHOT_BLUESKY_APP_PASSWORD: bluesky.appPassword,
    EARSHOT_APPSTORE_API_BASE: bases.appstore,
    EARSHOT_NEWS_API_BASE: bases.news,
    NODE_EXTRA_CA_CERTS: caPath,
  };
}

interface ServerState {
  routes: Array<[string, ReplaySource, Route]>;
  windows: Partial<Record<ReplaySource, RateWindowState>>;
  faults: FaultBook;
  requests: LoggedRequest[];
}

async function handle(req: IncomingMessage, res: ServerResponse, state: ServerState): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'https://replay.invalid');
  const target = state.routes.find(([prefix]) => url.pathname.startsWith(`${prefix}/`));
  if (!target) return sendNotFound(res);
  const [prefix, source, route] = target;
  const path = url.pathname.slice(prefix.length);
  const fault = state.faults.take(source, path);
  const entry = logRequest(req, source, path, url, body, fault);
  state.requests.push(entry);
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'slow') await delay(fault.delayMs);
  const window = state.windows[source] ?? null;
  const allowed = window ? window.consume() : true;
  const limited: RouteResponse | null = allowed ? null : { status: 429, body: { title: 'Too Many Requests', status: 429 } };
  const request: RouteRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, mode: pageModeOf(fault) };
  const response = faultResponse(fault, source) ?? limited ?? route(request);
  response.headers = { ...window?.headers(source), ...response.headers };
  entry.status = response.status;
  sendResponse(res, response, fault);
}

function logRequest(req: IncomingMessage, source: ReplaySource, path: string, url: URL, body: string, fault: Fault | null): LoggedRequest {
  const authorization = req.headers.authorization ?? '';
  const auth = authorization.startsWith('Basic ') ? 'basic' : authorization.startsWith('Bearer ') ? 'bearer' : 'none';
  const entry: LoggedRequest = { source, method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), auth, status: 0, fault: fault?.kind ?? null, at: Date.now() };
  if (req.method === 'POST') {
    const form = readForm(body);
    if (form.password) form.password = '***';
    entry.form = form;
  }
  return entry;
}

/** A form (Reddit's token request) or a JSON body (Bluesky's createSession), as flat strings. */
function readForm(body: string): Record<string, string> {
  if (body.trimStart().startsWith('{')) {
    try {
      return Object.fromEntries(Object.entries(JSON.parse(body) as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString()));
    req.on('error', reject);
  });
}
