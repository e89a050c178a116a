import { createHash, createHmac } from 'node:crypto';
import { retry, type Backoff } from '../retry.js';
import type { AlertTarget } from '../config/schema.js';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 1000, maxDelayMs: 8000, timeoutMs: 10_000 };

export interface HttpRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Identifies a target in the database without storing its URL (a secret); an e-mail
 * target by its server and recipients, so a new list of recipients is a new target.
 */
export function targetHash(target: AlertTarget): string {
  const address = target.type === 'email' ? `${target.smtp.host}:${target.smtp.port}\n${[...target.to].sort().join(',')}` : target.url;
  return createHash('sha256').update(`${target.type}\n${address}`).digest('hex').slice(0, 16);
}

/** Where a target delivers, safe to print: a masked URL, or the SMTP server and how many recipients. */
export function targetAddress(target: AlertTarget): string {
  return target.type === 'email' ? `smtp://${target.smtp.host}:${target.smtp.port} → ${target.to.length} recipient(s)` : maskUrl(target.url);
}

/** `https://hooks.slack.com/services/T/B/x` → `https://hooks.slack.com/…/****`: the path is the secret. */
export function maskUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…/****`;
  } catch {
    return '****';
  }
}

/**
 * Generic webhooks get the raw JSON body signed: `X-Earshot-Signature: sha256=<hex
 * HMAC-SHA256(secret, body)>`, plus `X-Earshot-Timestamp` (Unix seconds) so receivers
 * can drop stale deliveries.
 */
export function webhookRequest(payload: unknown, secret: string | undefined, now: Date): HttpRequest {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'earshot',
    'x-earshot-timestamp': String(Math.floor(now.getTime() / 1000)),
  };
  if (secret) headers['x-earshot-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { body, headers };
}

export class DeliveryError extends Error {
  constructor(message: string, readonly attempts: number) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * POSTs once per attempt; a 2xx is success, a 5xx, 429 or network error is retried with
 * exponential backoff, any other status fails at once. Messages never contain the URL.
 */
export async function deliver(url: string, request: HttpRequest, policy: RetryPolicy): Promise<void> {
  let attempts = 0;
  try {
    await retry(async () => {
      attempts++;
      const response = await post(url, request, policy.timeoutMs);
      if (response.ok) return;
      throw new HttpFailure(response.status);
    }, { backoff: backoffOf(policy), retryable: (error) => !(error instanceof HttpFailure) || error.status >= 500 || error.status === 429 });
  } catch (error) {
    throw new DeliveryError(`${(error as Error).message} after ${attempts} attempt(s)`, attempts);
  }
}

/** A delivery's answer that was not a 2xx. */
class HttpFailure extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** The policy's waits: from `minDelayMs`, doubling, at most `maxDelayMs` (no jitter: a target gets few alerts). */
export function backoffOf(policy: RetryPolicy): Backoff {
  return { retries: policy.retries, baseDelayMs: policy.minDelayMs, maxDelayMs: policy.maxDelayMs };
}

async function post(url: string, request: HttpRequest, timeoutMs: number): Promise<Response> {
  try {
    const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    await response.arrayBuffer().catch(() => undefined);
    return response;
  } catch (error) {
    // undici's message can carry the URL; keep only the cause's code
    const cause = (error as { cause?: { code?: string } }).cause;
    const name = (error as Error).name === 'TimeoutError' ? 'timed out' : cause?.code ?? 'network error';
    throw new Error(name);
  }
}
