// Meaning features from the word vectors: how close a post's words come to a few concepts
// (harm by heat, by electricity, illness, a foreign object…), and the mean of its word
// vectors. A word the heads never saw in training still lands near the concept it means:
// "scalded" near the heat seeds, "vomiting" near the illness seeds.
import { cueWord } from '../cue-words.js';
import { loadWordVectors, rowOf, vectorComponent, type WordVectors } from './word-vectors.js';

/** Seed words per concept; a concept is the normalised mean of its seeds' vectors. */
export const CONCEPT_SEEDS: Record<string, string[]> = {
  heat: ['burn', 'burned', 'burnt', 'fire', 'smoke', 'flames', 'melted', 'scorched', 'overheated', 'blister'],
  electric: ['shock', 'electric', 'sparks', 'sparking', 'electrocuted', 'wires', 'socket', 'voltage'],
  wound: ['cut', 'bleeding', 'blood', 'injured', 'wound', 'stitches', 'bruised', 'fractured', 'injury'],
  choke: ['choke', 'choking', 'swallowed', 'suffocate', 'suffocation', 'gagging', 'throat'],
  illness: ['sick', 'vomiting', 'nausea', 'diarrhea', 'poisoning', 'fever', 'cramps', 'ill'],
  allergy: ['allergic', 'rash', 'hives', 'itching', 'swelling', 'eczema', 'irritation', 'allergy'],
  foreign: ['glass', 'metal', 'shard', 'splinter', 'staple', 'insect', 'maggot', 'screw', 'wire'],
  toxic: ['toxic', 'fumes', 'chemical', 'poison', 'bleach', 'mold', 'contaminated', 'rancid'],
  care: ['hospital', 'doctor', 'emergency', 'ambulance', 'paramedics', 'clinic', 'treated'],
  young: ['child', 'toddler', 'baby', 'infant', 'kid', 'daughter', 'son', 'puppy', 'dog'],
  praise: ['love', 'great', 'fantastic', 'amazing', 'brilliant', 'perfect', 'wonderful', 'awesome'],
  failure: ['broke', 'broken', 'failed', 'stopped', 'crashed', 'stuck', 'dead', 'useless', 'cancelled', 'deleted', 'lost', 'missing'],
};
export const CONCEPTS = Object.keys(CONCEPT_SEEDS);
/**
 * After the concepts: praise and failure in one post, the smaller of the two (sarcasm as
 * contrast, reached through meaning: "love how it snapped", "best screen flickering").
 */
const DERIVED = 1;

/** Similarity below this says nothing; above it, the feature grows to 1 at similarity 1. */
const FLOOR = 0.35;

export interface ConceptSpace {
  vectors: WordVectors;
  /** Per row, its K concept features, computed on first use (NaN until then). */
  perRow: Float32Array;
  centroids: Float32Array;
  k: number;
  /** Where the praise and failure concepts sit (-1 when a custom seed set has none). */
  praiseAt: number;
  failureAt: number;
  /**
   * Every word of the table is spelt as cueWord spells it (the shipped one is): a token's
   * row is then one lookup of its cue word, which is what rowOf finds.
   */
  cueSpelt: boolean;
}

export function createConceptSpace(vectors: WordVectors, seeds: Record<string, string[]> = CONCEPT_SEEDS): ConceptSpace {
  const names = Object.keys(seeds);
  const { dims } = vectors;
  const centroids = new Float32Array(names.length * dims);
  names.forEach((name, c) => {
    const rows = seeds[name]!.map((word) => rowOf(vectors, word)).filter((row) => row >= 0);
    for (const row of rows) for (let d = 0; d < dims; d++) centroids[c * dims + d]! += vectorComponent(vectors, row, d);
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
  });
  return {
    vectors, perRow: new Float32Array(vectors.index.size * names.length).fill(NaN), centroids, k: names.length,
    praiseAt: names.indexOf('praise'), failureAt: names.indexOf('failure'),
    cueSpelt: [...vectors.index.keys()].every((word) => cueWord(word) === word),
  };
}

function rowConcepts(space: ConceptSpace, row: number): number {
  const { k, perRow, centroids, vectors: { dims, components, scales } } = space;
  const at = row * k;
  if (!Number.isNaN(perRow[at]!)) return at;
  const scale = scales[row]!;
  for (let c = 0; c < k; c++) {
    let sim = 0;
    // Math.fround(int8 × scale): the float32 component (see vectorComponent)
    for (let d = 0; d < dims; d++) sim += Math.fround(components[row * dims + d]! * scale) * centroids[c * dims + d]!;
    perRow[at + c] = Math.max(0, (sim - FLOOR) / (1 - FLOOR));
  }
  return at;
}

/**
 * Dense features of a token list (into `out`, emptied first): K concept maxima, their
 * praise×failure contrast, then the word vectors' sum over √n. `words`, the tokens' cue
 * words when already read (cue-words.ts), save a lookup per token.
 */
export function denseMeaning(space: ConceptSpace, values: readonly string[], types: readonly string[], out: number[], words?: readonly string[]): number[] {
  const { k, perRow, vectors } = space;
  const { dims, components, scales } = vectors;
  // the vector sum in a typed scratch: the same doubles added in the same order as into `out`, without its boxed elements
  const sums = sumScratch.length === dims ? sumScratch : (sumScratch = new Float64Array(dims));
  sums.fill(0);
  out.length = 0;
  for (let i = 0; i < k + DERIVED; i++) out.push(0);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (types[i] !== 'word') continue;
    // rowOf tries the value, then its cue word: for a table of cue words only the second can match
    const row = words && space.cueSpelt ? vectors.index.get(words[i]!) ?? -1 : rowOf(vectors, values[i]!);
    if (row < 0) continue;
    const at = rowConcepts(space, row);
    for (let c = 0; c < k; c++) if (perRow[at + c]! > out[c]!) out[c] = perRow[at + c]!;
    const scale = scales[row]!;
    // Math.fround(int8 × scale): the float32 component (see vectorComponent)
    for (let d = 0, base = row * dims; d < dims; d++) sums[d]! += Math.fround(components[base + d]! * scale);
    n++;
  }
  const root = Math.sqrt(n);
  for (let d = 0; d < dims; d++) out.push(n > 0 ? sums[d]! / root : sums[d]!);
  const praise = space.praiseAt >= 0 ? out[space.praiseAt]! : 0;
  const failure = space.failureAt >= 0 ? out[space.failureAt]! : 0;
  out[k] = Math.min(praise, failure);
  return out;
}

let sumScratch = new Float64Array(0);

export function denseMeaningSize(space: ConceptSpace): number {
  return space.k + DERIVED + space.vectors.dims;
}

let shared: ConceptSpace | undefined;

/** The concept space over the shipped word vectors, loaded once per process (~50 ms, ~8 MB: int8 components, concept cache). */
export function defaultConceptSpace(): ConceptSpace {
  shared ??= createConceptSpace(loadWordVectors());
  return shared;
}

const meaningScratch: number[] = [];

/**
 * The meaning features a head reads: none when its settings do not ask for them, the
 * ones already computed (`given`, the analyser's one pass) when there are, else computed
 * in the head's own concept space. `name` is the model named in the error.
 */
export function meaningFor(
  head: { settings: { meaning?: boolean }; space?: ConceptSpace }, tokens: { values: readonly string[]; types: readonly string[]; words?: readonly string[] },
  given: readonly number[] | undefined, name: string,
): readonly number[] | undefined {
  if (!head.settings.meaning) return undefined;
  if (given) return given;
  if (!head.space) throw new Error(`${name} reads word-vector features, but none are loaded`);
  return denseMeaning(head.space, tokens.values, tokens.types, meaningScratch, tokens.words);
}
