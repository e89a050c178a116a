import type { IncomingHttpHeaders } from 'node:http';
import type { PageMode } from './faults.js';

export interface RouteRequest {
  method: string;
  /** Path below the source's prefix, e.g. `/r/tea/comments`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  mode: PageMode | null;
}

export interface RouteResponse {
  status: number;
  /** Sent as JSON, unless `raw` is given. */
  body: unknown;
  headers?: Record<string, string>;
  /** Bytes sent as they are (feeds), with `contentType`. */
  raw?: Buffer;
  contentType?: string;
}

export function jsonError(status: number, body: unknown): RouteResponse {
  return { status, body };
}

/** Items after a position in a newest-first list; `null` means from the start. */
export function sliceAfter<T>(items: T[], isPosition: (item: T) => boolean, position: string | null): T[] {
  if (position === null) return items;
  const index = items.findIndex(isPosition);
  return index === -1 ? [] : items.slice(index + 1);
}
