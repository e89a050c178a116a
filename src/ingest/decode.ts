import { Transform, type Readable } from 'node:stream';
import { charsetDecoder, charsetName } from '../domain/charset.js';
import { UsageError } from '../errors.js';

/**
 * Text of an import file, decoded. UTF-8 (the default) is checked: invalid bytes become
 * U+FFFD as the decoder reads them, and `sawInvalid` turns true, so the reader can
 * refuse each row holding one (with its number) instead of storing a corrupted text or
 * merging two ids. Other encodings (`--encoding latin1`, `windows-1252`, `utf-16le`, …)
 * go through the charset decoder of src/domain/charset.ts.
 */
export interface DecodedInput {
  text: Readable;
  /** True once an invalid UTF-8 sequence has been read (never for other encodings). */
  readonly sawInvalid: boolean;
  readonly encoding: string;
}

export const DEFAULT_ENCODING = 'utf-8';

export function checkEncoding(name: string): string {
  if (charsetName(name) === null) {
    throw new UsageError(`unknown encoding "${name}"`, 'e.g. --encoding utf-8, latin1, windows-1252 or utf-16le');
  }
  return name;
}

export function decodeInput(input: Readable, encoding: string = DEFAULT_ENCODING): DecodedInput {
  checkEncoding(encoding);
  if (charsetName(encoding) !== 'utf-8') {
    const decoder = charsetDecoder(encoding);
    const text = new Transform({
      decodeStrings: true,
      transform(chunk: Buffer, _encoding, done) { done(null, decoder.decode(chunk, { stream: true })); },
      flush(done) { done(null, decoder.decode()); },
    });
    input.on('error', (error) => text.destroy(error));
    return { text: input.pipe(text), sawInvalid: false, encoding };
  }
  return checkedUtf8(input);
}

function checkedUtf8(input: Readable): DecodedInput {
  const lenient = charsetDecoder('utf-8');
  let strict: ReturnType<typeof charsetDecoder> | null = charsetDecoder('utf-8', { fatal: true });
  const state = { sawInvalid: false };
  const check = (chunk?: Buffer) => {
    if (!strict) return;
    try {
      if (chunk) strict.decode(chunk, { stream: true });
      else strict.decode();
    } catch {
      // the strict decoder is spent after its first error; the lenient one carries on
      state.sawInvalid = true;
      strict = null;
    }
  };
  const text = new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      check(chunk);
      done(null, lenient.decode(chunk, { stream: true }));
    },
    flush(done) {
      check();
      done(null, lenient.decode());
    },
  });
  input.on('error', (error) => text.destroy(error));
  return {
    text: input.pipe(text),
    get sawInvalid() { return state.sawInvalid; },
    encoding: DEFAULT_ENCODING,
  };
}

/** The reason a row holding U+FFFD is refused once the file was seen not to be UTF-8. */
export const INVALID_UTF8 = 'not valid UTF-8 (a byte sequence here is not UTF-8); nothing of this row was stored'
  + ' — pass --encoding with the file\'s encoding (e.g. --encoding latin1)';
