import { SourceError } from './errors.js';

/**
 * The largest body a JSON API page may have once decompressed: a page of 100 posts is
 * well under 1 MB, so 8 MB only ever stops a broken or hostile server.
 */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Feeds run larger (a podcast's full archive), so they get more room. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;

/**
 * Reads a body chunk by chunk, stopping as soon as it passes `maxBytes`. `fetch`
 * decompresses gzip, deflate and br as a stream, so counting here bounds what a small
 * compressed bomb can make us hold: the rest is never inflated.
 */
export async function readCappedBody(response: Response, maxBytes: number, label: string): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(label, maxBytes);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
  return Buffer.concat(chunks, total);
}

/** Not transient: the same server sends the same body again, so it is not retried. */
export function tooLarge(label: string, maxBytes: number): SourceError {
  return new SourceError(`${label} response too large: more than ${formatBytes(maxBytes)} once decompressed; nothing from it was stored`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}
