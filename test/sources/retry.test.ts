import { describe, expect, it } from 'vitest';
import { backoffDelay, retry, sleep } from '../../src/retry.js';

class Transient extends Error {}

describe('the one retry helper', () => {
  it('backs off from the base, doubling, capped, with jitter in [1, 2) when asked', () => {
    const alerts = { retries: 3, baseDelayMs: 1000, maxDelayMs: 8000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(alerts, n))).toEqual([1000, 2000, 4000, 8000, 8000]);
    const sources = { retries: 3, baseDelayMs: 1000, jitter: true };
    expect([1, 2, 3].map((n) => backoffDelay(sources, n, () => 0))).toEqual([1000, 2000, 4000]);
    expect([1, 2, 3].map((n) => backoffDelay(sources, n, () => 0.5))).toEqual([1500, 3000, 6000]);
  });

  it('retries what is retryable, as often as allowed, then throws the last failure as it was', async () => {
    const seen: number[] = [];
    const waits: number[] = [];
    const failing = retry(async (n) => { seen.push(n); throw new Transient(`try ${n}`); },
      { backoff: { retries: 2, baseDelayMs: 0 }, retryable: (e) => e instanceof Transient, onRetry: ({ delayMs }) => waits.push(delayMs) });
    await expect(failing).rejects.toThrow(new Transient('try 3'));
    expect(seen).toEqual([1, 2, 3]);
    expect(waits).toEqual([0, 0]);

    let calls = 0;
    await expect(retry(async () => { calls++; throw new TypeError('permanent'); }, { backoff: { retries: 5, baseDelayMs: 0 }, retryable: (e) => e instanceof Transient }))
      .rejects.toThrow(TypeError);
    expect(calls).toBe(1);
    expect(await retry(async (n) => { if (n < 3) throw new Transient('again'); return n; }, { backoff: { retries: 3, baseDelayMs: 0 }, retryable: () => true })).toBe(3);
  });

  it('ends a wait when its signal aborts, with the abort\'s reason', async () => {
    const controller = new AbortController();
    const waiting = sleep(3_600_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(sleep(10, controller.signal)).rejects.toThrow('stop');
  });
});
