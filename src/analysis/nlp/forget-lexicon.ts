// Workaround 2 of 3 (see forgetful-wink.ts): a wink instance whose lexicon forgets what
// each doc taught it, so that every doc reads as a fresh instance would read it.
//
// What it works around: wink-nlp learns as it reads. Its tokeniser first looks a whole
// space-separated chunk up in the lexicon, and only splits chunks it does not know; and
// every token it emits that is not in the model's vocabulary is added to that same lexicon
// (`cache.add`: `features.lexeme.hash/list`, with the token type it had then). So a chunk
// split once is found whole the next time: "Thursday’s." teaches "Thursday’s", after which
// "on Thursday’s game" gives one PROPN token instead of "Thursday" + "’s", and every score
// read from the doc can change. Results would then depend on what the instance read
// before: the order of an import, its batch split, the worker that got the batch.
//
// How: the lexicon's hash is what the tokeniser and tagger read back, and all it learns is
// appended; so before each doc the words learnt by the doc before are taken out of the hash
// again, which puts the lexicon back to the state it was built in. The learnt entries stay
// in wink's arrays (a private array, the cache's `extrinsicLexicon`, holds their features
// in step with the lexeme list, so the list cannot shrink); to keep memory flat and lexeme
// ids well below wink's vocabulary limit (0xFFFFF, where its automata's sentinels begin),
// the instance is rebuilt after REBUILD_AFTER of them, on the same core model put back as it
// was loaded (`rewind`; ~4 ms instead of decoding the model again). A learnt word's prefix,
// suffix and shape are stored as indices into lists of their own, which only map back to the
// same strings: those may stay learnt, as long as a list never outgrows its bit field
// (`makeRoom`).
//
// What it relies on (wink-nlp 2.4, cache.js and wink-nlp.js `load`):
// - an instance calls `model.core()` exactly once, and writes to nothing of the core model
//   but `features.<f>.hash/list/index` of the lexeme and the index-packed features;
// - `features.lexeme` is `{ hash, list, index, intrinsicSize }`, the first `intrinsicSize`
//   entries of `list` being the model's own, learnt ones appended (`getFeaturesIndex`);
// - the cache's `lookup` reads that same `hash` object, so deleting a key unlearns a word;
// - `packing.layout[f][3] === 0` marks a feature packed as an index into its own list, and
//   `maxIndex` is the largest index its bit field holds.
// On upgrade: re-read cache.js (`add`, `getFeaturesIndex`, `lookup`) and wink-nlp.js `load`
// for these; `build` throws if the lexeme table is not as expected; the determinism tests
// (test/analysis/determinism.test.ts) compare with fresh instances and across rebuilds.
import winkNLP, { type Model, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { memoiseFeatures } from './feature-memo.js';
import { WINK_MODEL } from './model.js';
import { installRelearning, type CacheMethods, type Relearning } from './relearn.js';

/** A feature table of wink's core model that its cache appends to as it reads. */
interface LearntFeature {
  hash: Record<string, number>;
  list: unknown[];
  index: number;
  intrinsicSize: number;
  maxIndex: number;
}

export interface CoreModel {
  features: Record<string, LearntFeature>;
  packing: { layout: Record<string, number[]> };
}

/** Learnt lexemes (one or two per out-of-vocabulary token read) before the instance is rebuilt (~10 MB). */
export const REBUILD_AFTER = 100_000;

/** What builds a wink instance: wink-nlp's default export (a test may wrap it). */
export type WinkFactory = (model: Model, pipe?: string[]) => WinkMethods;

export interface Reader {
  instance: WinkMethods;
  core: CoreModel;
  lexeme: LearntFeature;
  /** prefix, suffix, shape: the extractable features stored as indices into a learnt list. */
  values: LearntFeature[];
  /** Length of the lexeme list when the hash was last put back. */
  mark: number;
  /** Forgotten words put back instead of learnt again (relearn.ts), once wink has learnt its first word. */
  relearning: Relearning | undefined;
}

/**
 * A wink instance on `reuse`, a core model whose learnt entries have all been taken out
 * again (it is then as loaded: wink writes to nothing else of it), or on a fresh one.
 */
export function build(pipe: readonly string[], reuse?: CoreModel, factory: WinkFactory = winkNLP, relearn = true): Reader {
  let core: CoreModel | undefined;
  let reader: Reader | undefined;
  const load = () => (core = reuse ?? (model.core as () => CoreModel)());
  // the cache reaches the feature functions on the first word wink learns: relearning starts there
  const onCache = (cache: unknown) => {
    const { hash, list, intrinsicSize } = reader!.lexeme;
    reader!.relearning = installRelearning(cache as CacheMethods, hash, list, intrinsicSize);
  };
  const featureFn = (config: unknown) => memoiseFeatures(config, relearn ? onCache : undefined);
  const wrapped = { ...WINK_MODEL, core: load, featureFn } as unknown as Model;
  const instance = factory(wrapped, [...pipe]);
  if (core === undefined) throw new Error('wink-nlp did not load its core model through model.core()');
  const { features, packing } = core;
  const lexeme = features.lexeme;
  if (!lexeme || lexeme.intrinsicSize !== lexeme.list.length) throw new Error('unexpected wink-nlp core model: no fresh lexeme table');
  // layout[f][3] === 0: the feature is packed as an index into its own list (load-core-model.js)
  const values = Object.keys(packing.layout).filter((f) => packing.layout[f]![3] === 0 && features[f]?.hash).map((f) => features[f]!);
  reader = { instance, core, lexeme, values, mark: lexeme.list.length, relearning: undefined };
  return reader;
}

/** Learnt lexemes the reader's instance holds (forgotten or not): past `rebuildAfter`, rebuild. */
export function learntCount(reader: Reader): number {
  return reader.lexeme.list.length - reader.lexeme.intrinsicSize;
}

/** Puts a forgotten-out reader's core model back as loaded, for the next instance. */
export function rewind(reader: Reader): CoreModel {
  const { lexeme } = reader;
  lexeme.list.length = lexeme.intrinsicSize;
  lexeme.index = lexeme.intrinsicSize;
  for (const feature of reader.values) resetValues(feature);
  reader.relearning?.clear();
  return reader.core;
}

function resetValues(feature: LearntFeature): void {
  for (let i = feature.intrinsicSize; i < feature.list.length; i++) delete feature.hash[feature.list[i] as string];
  feature.list.length = feature.intrinsicSize;
  feature.index = feature.intrinsicSize;
}

/** Takes out of the lexicon's hash what the last doc taught, so the next doc reads as the first. */
export function forget(reader: Reader): void {
  const { lexeme } = reader;
  const list = lexeme.list;
  for (let i = reader.mark; i < list.length; i++) delete lexeme.hash[list[i] as string];
  reader.mark = list.length;
  const putBack = reader.relearning?.putBack;
  if (putBack) {
    for (const word of putBack) delete lexeme.hash[word];
    putBack.length = 0;
  }
}

/**
 * A doc adds at most two values per token (the word's and its lowercase form's), and has
 * no more tokens than characters: a value list that might overflow its bit field while
 * reading `text` goes back to the model's own values first (every learnt index in use
 * belongs to a forgotten word).
 */
export function makeRoom(reader: Reader, text: string): void {
  for (const feature of reader.values) {
    if (feature.list.length + 2 * text.length > feature.maxIndex) {
      resetValues(feature);
      reader.relearning?.clear();
    }
  }
}
