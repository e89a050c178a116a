import type { SourceOptions } from '../sources/index.js';

/**
 * Per-request timeout and retry backoff for the sources, from the environment:
 * EARSHOT_HTTP_TIMEOUT_MS (default 30 s) and EARSHOT_RETRY_DELAY_MS (first backoff,
 * default 1 s). For slow links, impatient crontabs and end-to-end fault tests.
 */
export function sourceOptionsFromEnv(env: NodeJS.ProcessEnv): SourceOptions {
  const timeoutMs = readMs(env.EARSHOT_HTTP_TIMEOUT_MS);
  const baseDelayMs = readMs(env.EARSHOT_RETRY_DELAY_MS);
  return {
    ...(timeoutMs !== undefined && timeoutMs > 0 ? { timeoutMs } : {}),
    ...(baseDelayMs !== undefined ? { retry: { baseDelayMs } } : {}),
  };
}

function readMs(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const ms = Number(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
