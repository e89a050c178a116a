import { describe, expect, it } from 'vitest';
import { decodeWordVectors, encodeWordVectors, loadWordVectors, vectorComponent } from '../../src/analysis/vectors/word-vectors.js';

describe('word vectors in memory', () => {
  it('stay int8 with a scale per word (5 MB, not 20), and read back as the float32s they expand to', () => {
    const words = ['kettle', 'scalded', 'tea'];
    const vectors = [[0.6, -0.8, 0], [0.1, 0.2, -0.97], [-0.5, 0.5, 0.7071]].map((v) => Float32Array.from(v));
    const file = encodeWordVectors(words, vectors, 'test', 'v-test');
    const table = decodeWordVectors(file);
    expect(table.components).toBeInstanceOf(Int8Array);
    expect(table.components.byteLength).toBe(words.length * 3);
    // its own memory: the file's buffer can be collected
    expect(table.components.buffer).not.toBe(file.buffer);
    for (let row = 0; row < words.length; row++) {
      for (let d = 0; d < 3; d++) {
        const expanded = new Float32Array([table.components[row * 3 + d]! * table.scales[row]!])[0]!;
        expect(vectorComponent(table, row, d)).toBe(expanded);
        expect(vectorComponent(table, row, d)).toBeCloseTo(vectors[row]![d]!, 2);
      }
    }
  });

  it('the shipped table holds 1 byte per component', () => {
    const table = loadWordVectors();
    expect(table.components.byteLength).toBe(table.index.size * table.dims);
  });
});
