import type { FetchContext } from './source.js';
import { AuthRejectedError, SourceError } from './errors.js';
import { requestJson, type FetchLike } from './http.js';
import { readBlueskyRateWindow } from './pacing.js';
import { callWithPolicy, type RetryPolicy } from './retry.js';
import { accountKey, legacyAccountKey, seal, unseal } from './bluesky-seal.js';

export interface BlueskyAuthOptions {
  apiBase: string;
  handle: string;
  appPassword: string;
  fetch: FetchLike;
  retry: RetryPolicy;
  timeoutMs: number;
}

interface Session {
  accessJwt: string;
  refreshJwt: string;
  /** Epoch ms the access token expires, from its `exp` claim; null when unreadable. */
  expiresAt: number | null;
}

const CREATE = 'com.atproto.server.createSession';
const REFRESH = 'com.atproto.server.refreshSession';
const EARLY_RENEW_MS = 60_000;
const LOGIN_HINT = 'check EARSHOT_BLUESKY_HANDLE and EARSHOT_BLUESKY_APP_PASSWORD (an app password from bsky.app: Settings → Privacy and security → App passwords)';

/**
 * Bluesky login: createSession (about 100 a day per account, so only when needed), then
 * refreshSession with the refresh token, which is saved sealed in the store after every
 * rotation so the next run refreshes instead of logging in.
 */
export class BlueskyAuth {
  private session: Session | null = null;
  /** A refused login is not retried for the next brand: each try counts against the daily limit. */
  private refused: Error | null = null;
  /** Derived on first use (scrypt): building the source for a scan that skips Bluesky costs nothing. */
  private accountCache: string | null = null;
  /** A session found under the old, unkeyed account key: deleted once the new one is saved. */
  private legacyAccount: string | null = null;

  constructor(private readonly options: BlueskyAuthOptions) {}

  private get account(): string {
    this.accountCache ??= accountKey(this.options.apiBase, this.options.handle, this.options.appPassword);
    return this.accountCache;
  }

  async getAccessToken(ctx: FetchContext): Promise<string> {
    if (this.refused) throw this.refused;
    // token lifetimes are real time, whatever clock the scan runs on (EARSHOT_NOW)
    if (this.session && (this.session.expiresAt === null || this.session.expiresAt - EARLY_RENEW_MS > Date.now())) return this.session.accessJwt;
    const refreshJwt = this.session?.refreshJwt ?? (await this.loadRefreshToken(ctx));
    let session: Session | null = null;
    if (refreshJwt) {
      try {
        session = await this.call(REFRESH, ctx, { authorization: `Bearer ${refreshJwt}` });
      } catch (error) {
        if (!(error instanceof AuthRejectedError)) throw error;
        ctx.onEvent?.({ kind: 'notice', message: 'the saved Bluesky session was refused (expired or revoked); logging in again' });
      }
    }
    try {
      session ??= await this.call(CREATE, ctx, { 'content-type': 'application/json' }, JSON.stringify({ identifier: this.options.handle, password: this.options.appPassword }));
    } catch (error) {
      if (error instanceof AuthRejectedError) this.refused = error;
      throw error;
    }
    this.session = session;
    await ctx.sessions?.save(this.account, seal(session.refreshJwt, this.options.appPassword, this.account));
    if (this.legacyAccount) {
      await ctx.sessions?.save(this.legacyAccount, null);
      this.legacyAccount = null;
    }
    return session.accessJwt;
  }

  /** After an expired-token answer: the access token is stale whatever its claim said. */
  invalidate(): void {
    if (this.session) this.session = { ...this.session, expiresAt: 0 };
  }

  private async loadRefreshToken(ctx: FetchContext): Promise<string | null> {
    let account = this.account;
    let sealed = await ctx.sessions?.get(account);
    if (!sealed) {
      // saved by an earlier version, under a plain hash of host and handle: carried over once
      account = legacyAccountKey(this.options.apiBase, this.options.handle);
      sealed = await ctx.sessions?.get(account);
      if (!sealed) return null;
      this.legacyAccount = account;
    }
    const token = unseal(sealed, this.options.appPassword, account);
    if (token === null) ctx.onEvent?.({ kind: 'notice', message: 'the saved Bluesky session was sealed with another app password; logging in again' });
    return token;
  }

  private async call(method: string, ctx: FetchContext, headers: Record<string, string>, body?: string): Promise<Session> {
    const label = `bluesky: POST /xrpc/${method}`;
    const { data } = await callWithPolicy(label, ctx, this.options.retry, () =>
      requestJson(this.options.fetch, {
        url: new URL(`${this.options.apiBase}${method}`),
        label,
        method: 'POST',
        headers,
        body,
        timeoutMs: this.options.timeoutMs,
        signal: ctx.signal,
        readWindow: readBlueskyRateWindow,
        // the app password or refresh token goes only to the configured host
        refuseRedirects: true,
        refusal: (status, text) => {
          // refreshSession answers 400 ExpiredToken/InvalidToken; createSession 401 for a wrong password
          if (status === 400 || status === 401 || status === 403) {
            const detail = readXrpcError(text);
            return new AuthRejectedError(`${label} answered ${status}${detail ? ` (${detail})` : ''}: the login was refused`, LOGIN_HINT);
          }
          return undefined;
        },
      }),
    );
    return readSession(label, data);
  }
}

/** `{"error":"ExpiredToken","message":"Token has expired"}` → `ExpiredToken: Token has expired`. */
export function readXrpcError(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    return [body.error, body.message].filter((part) => typeof part === 'string' && part).join(': ').slice(0, 160);
  } catch {
    return text.replace(/\s+/g, ' ').slice(0, 160);
  }
}

function readSession(label: string, data: unknown): Session {
  const body = data as { accessJwt?: unknown; refreshJwt?: unknown } | null;
  if (typeof body?.accessJwt !== 'string' || typeof body.refreshJwt !== 'string') {
    throw new SourceError(`${label} returned no session tokens`);
  }
  return { accessJwt: body.accessJwt, refreshJwt: body.refreshJwt, expiresAt: readExpiry(body.accessJwt) };
}

/** The `exp` claim of a JWT, in epoch ms; the token is not verified, only read. */
function readExpiry(jwt: string): number | null {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
