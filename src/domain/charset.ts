import { TextDecoder } from 'node:util';

/**
 * The one charset decoder, for import files (`--encoding`) and feeds (their declared
 * charset) alike: the WHATWG Encoding Standard's decoders, built into Node (full ICU).
 * They cover what files and feeds are written in: UTF-8, UTF-16LE/BE, the ISO-8859 and
 * Windows code pages, KOI8, Macintosh, Shift_JIS, EUC-JP, ISO-2022-JP, GB18030, Big5 and
 * EUC-KR. As browsers do, `latin1`, `iso-8859-1` and `ascii` decode as Windows-1252,
 * which reads 0x80–0x9F as the characters Windows writes there (€, “, ”) rather than as
 * invisible C1 controls. Not covered: the DOS code pages (cp437, cp850) and UTF-32.
 */

/** The standard name of a charset label (`latin1` → `windows-1252`, `UTF8` → `utf-8`), or null when it names none. */
export function charsetName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * A decoder for a charset label; `decode(chunk, { stream: true })` keeps a character
 * split across chunks whole. A byte-order mark of UTF-8 or UTF-16 is dropped; with
 * `fatal`, invalid bytes throw instead of becoming U+FFFD.
 */
export function charsetDecoder(label: string, options: { fatal?: boolean } = {}): TextDecoder {
  return new TextDecoder(label.trim(), { fatal: options.fatal ?? false });
}
