import { charsetDecoder, charsetName } from '../domain/charset.js';

/**
 * Feeds arrive as bytes in whatever charset their server chose. The order is the one
 * XML and HTTP agree on: a byte-order mark, then the Content-Type charset, then the XML
 * prolog's `encoding`, then UTF-8. A feed that claims nothing and is not valid UTF-8
 * is read as Windows-1252 (a superset of Latin-1), as browsers do: such feeds exist.
 */
export function decodeFeedBody(body: Buffer, contentType: string | null): { text: string; charset: string } {
  const bom = readBom(body);
  if (bom) return { text: decode(body.subarray(bom.length), bom.charset), charset: bom.charset };
  const declared = charsetOf(contentType) ?? prologEncoding(body);
  if (declared && isKnownCharset(declared) && !(isUtf16(declared) && !plausibleUtf16(body))) return { text: decode(body, declared), charset: declared };
  try {
    return { text: charsetDecoder('utf-8', { fatal: true }).decode(body), charset: 'utf-8' };
  } catch {
    return { text: decode(body, 'windows-1252'), charset: 'windows-1252' };
  }
}

/** `application/rss+xml; charset="ISO-8859-1"` → `iso-8859-1`. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The `encoding` of `<?xml version="1.0" encoding="…"?>`, read from the first bytes as ASCII. */
export function prologEncoding(body: Buffer): string | null {
  const head = body.subarray(0, 200).toString('latin1');
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function isUtf16(charset: string): boolean {
  return /^utf-?16/i.test(charset);
}

/**
 * A feed in UTF-16 without a byte-order mark is mostly markup, so every other byte of its
 * opening is zero; a body with hardly any zero bytes was labelled UTF-16 by mistake (a
 * server default) and is read as the bytes say: UTF-8 when valid, else Windows-1252.
 */
function plausibleUtf16(body: Buffer): boolean {
  const head = body.subarray(0, 512);
  let zeros = 0;
  for (const byte of head) if (byte === 0) zeros++;
  return head.length > 0 && zeros * 4 >= head.length;
}

function readBom(body: Buffer): { length: number; charset: string } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { length: 3, charset: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { length: 2, charset: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { length: 2, charset: 'utf-16be' };
  return null;
}

function isKnownCharset(charset: string): boolean {
  return charsetName(charset) !== null;
}

function decode(body: Buffer, charset: string): string {
  // WHATWG maps iso-8859-1 and us-ascii to windows-1252, which only adds characters in 0x80–0x9F
  return charsetDecoder(charset).decode(body);
}
