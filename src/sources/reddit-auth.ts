import type { FetchContext } from './source.js';
import { AuthRejectedError, SourceError } from './errors.js';
import { requestJson, type FetchLike } from './http.js';
import { readRedditRateWindow } from './pacing.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';

export interface RedditAuthOptions {
  authBase: string;
  userAgent: string;
  clientId: string;
  clientSecret: string;
  /** With username and password (a "script" app) the token acts as that account. */
  username: string | null;
  password: string | null;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

const LABEL = 'reddit: POST /api/v1/access_token';
/** Renew a minute early so a token never expires between check and use. */
const EARLY_RENEW_MS = 60_000;

/** OAuth for Reddit: app-only client credentials, or the password grant for script apps. */
export class RedditAuth {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(private readonly options: RedditAuthOptions) {}

  async getToken(ctx: FetchContext): Promise<string> {
    if (this.token && this.token.expiresAt - EARLY_RENEW_MS > Date.now()) return this.token.value;
    this.token = await this.requestToken(ctx);
    return this.token.value;
  }

  /** After a 401 the token is stale whatever its expiry said. */
  invalidate(): void {
    this.token = null;
  }

  private async requestToken(ctx: FetchContext): Promise<{ value: string; expiresAt: number }> {
    const { clientId, clientSecret, username, password } = this.options;
    const form = new URLSearchParams(
      username && password ? { grant_type: 'password', username, password } : { grant_type: 'client_credentials' },
    );
    const { data } = await callWithPolicy(LABEL, ctx, this.options.retry, () =>
      requestJson(this.options.fetch, {
        url: new URL(`${this.options.authBase}/api/v1/access_token`),
        label: LABEL,
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': this.options.userAgent,
        },
        body: form.toString(),
        timeoutMs: this.options.timeoutMs,
        signal: ctx.signal,
        readWindow: (headers) => readRedditRateWindow(headers),
        // the client secret (and a script app's password) goes only to the configured host
        refuseRedirects: true,
      }),
    );
    return readToken(data);
  }
}

function readToken(data: unknown): { value: string; expiresAt: number } {
  const body = data as { access_token?: unknown; expires_in?: unknown; error?: unknown } | null;
  // Reddit answers a wrong password with 200 and `{"error": "invalid_grant"}`.
  if (body && typeof body.error === 'string') {
    throw new AuthRejectedError(`${LABEL} refused the credentials (${body.error})`, 'check the Reddit client id, secret, username and password');
  }
  if (typeof body?.access_token !== 'string') throw new SourceError(`${LABEL} returned no access_token`);
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return { value: body.access_token, expiresAt: Date.now() + seconds * 1000 };
}
