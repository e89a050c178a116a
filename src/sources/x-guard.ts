import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { tooLarge } from './http-body.js';
import { TransientError } from './errors.js';

/** twitter-api-v2's per-request event hook (`requestEventDebugHandler`), which it does not export as a type. */
export type XRequestEvents = (event: string, data?: unknown) => void;

export interface XGuardOptions {
  label: string;
  /** A deadline for the whole request, not only for silence (twitter-api-v2's `timeout`). */
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Runs one twitter-api-v2 request under a whole-request deadline and a body-size cap.
 * The client's own `timeout` fires only on silence, so a server dripping a byte a second
 * could hold it forever, and it inflates any gzip it is sent. The client reports its
 * socket and response through its per-request event hook; on the deadline or the cap
 * the socket is destroyed, which ends the client's request too. The caller asks for an
 * uncompressed body, so counting the bytes as they arrive bounds what is held.
 */
export async function guardXRequest<T>(options: XGuardOptions, send: (onEvent: XRequestEvents) => Promise<T>): Promise<T> {
  let socket: Socket | null = null;
  let failure: Error | null = null;
  let fail: (error: Error) => void = () => undefined;
  const stopped = new Promise<never>((_resolve, reject) => {
    fail = (error) => {
      failure ??= error;
      reject(failure);
      socket?.destroy();
    };
  });
  const onEvent: XRequestEvents = (event, data) => {
    if (event === 'socket') socket = (data as { socket: Socket }).socket;
    if (event === 'response') countBody((data as { res: IncomingMessage }).res, options, fail);
  };
  const timer = setTimeout(() => fail(new TransientError(`${options.label} timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
  const request = send(onEvent);
  // once the race is decided the loser's outcome is of no interest
  request.catch(() => undefined);
  stopped.catch(() => undefined);
  try {
    return await Promise.race([request, stopped]);
  } catch (error) {
    throw failure ?? error;
  } finally {
    clearTimeout(timer);
  }
}

function countBody(res: IncomingMessage, options: XGuardOptions, fail: (error: Error) => void): void {
  let total = 0;
  res.on('data', (chunk: Buffer) => {
    total += chunk.length;
    if (total > options.maxBytes) fail(tooLarge(options.label, options.maxBytes));
  });
}
