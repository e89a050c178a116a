import { Readable } from 'node:stream';
import { text as readText } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { charsetName } from '../../src/domain/charset.js';
import { checkEncoding, decodeInput } from '../../src/ingest/decode.js';
import { decodeFeedBody } from '../../src/sources/feed-decode.js';

/** Decodes `bytes` fed one chunk at a time, split at every `size` bytes (a character may straddle two chunks). */
async function decodeChunked(bytes: Buffer, encoding: string, size: number): Promise<string> {
  const chunks = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return readText(decodeInput(Readable.from(chunks), encoding).text);
}

describe('the one charset decoder (files and feeds)', () => {
  it('knows the charsets files and feeds are written in, by any of their labels', () => {
    expect(charsetName('UTF8')).toBe('utf-8');
    expect(charsetName(' latin1 ')).toBe('windows-1252');
    expect(charsetName('ISO-8859-1')).toBe('windows-1252');
    expect(charsetName('cp1252')).toBe('windows-1252');
    expect(charsetName('utf-16')).toBe('utf-16le');
    for (const label of ['iso-8859-15', 'windows-1251', 'koi8-r', 'macintosh', 'shift_jis', 'gb18030', 'big5', 'euc-kr', 'utf-16be']) {
      expect(charsetName(label), label).not.toBeNull();
    }
    for (const label of ['klingon', 'cp437', 'utf-32', '']) expect(charsetName(label), label).toBeNull();
    expect(() => checkEncoding('cp437')).toThrow('unknown encoding "cp437"');
  });

  it('decodes an import file in its --encoding, whatever the chunk boundaries', async () => {
    // Latin-1 as Windows writes it: 0x80 is €, 0x93/0x94 curly quotes, 0xe9 é
    const latin1 = Buffer.from([...Buffer.from('caf'), 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    for (const size of [1, 2, 64]) expect(await decodeChunked(latin1, 'latin1', size)).toBe('café €5 “ok”');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,text\n1,thé 🍵\n', 'utf16le')]);
    for (const size of [1, 3, 7]) expect(await decodeChunked(utf16, 'utf-16le', size)).toBe('id,text\n1,thé 🍵\n');
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x82, 0xcc, 0x82, 0xa8, 0x92, 0x83]); // 日本のお茶
    for (const size of [1, 3]) expect(await decodeChunked(sjis, 'shift_jis', size)).toBe('日本のお茶');
  });

  it('decodes a feed in its declared charset, and an unlabelled non-UTF-8 one as Windows-1252', () => {
    const body = Buffer.from([...Buffer.from('<rss><item><title>Caf'), 0xe9, ...Buffer.from('</title></item></rss>')]);
    expect(decodeFeedBody(body, 'application/rss+xml; charset="ISO-8859-1"')).toEqual({ text: '<rss><item><title>Café</title></item></rss>', charset: 'iso-8859-1' });
    expect(decodeFeedBody(body, null)).toEqual({ text: '<rss><item><title>Café</title></item></rss>', charset: 'windows-1252' });
  });
});
