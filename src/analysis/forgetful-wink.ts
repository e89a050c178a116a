// A wink-nlp instance that reads every doc as a fresh instance would.
//
// wink-nlp learns as it reads. Its tokeniser first looks a whole space-separated chunk
// up in the lexicon, and only splits chunks it does not know; and every token it emits
// that is not in the model's vocabulary is added to that same lexicon (`cache.add`:
// `features.lexeme.hash/list`, with the token type it had then). So a chunk split once
// is found whole the next time: "Thursday’s." teaches "Thursday’s", after which "on
// Thursday’s game" gives one PROPN token instead of "Thursday" + "’s", and every score
// read from the doc can change. Results then depend on what the instance read before:
// the order of an import, its batch split, the worker that got the batch.
//
// The lexicon's hash is what the tokeniser and tagger read back, and all it learns is
// appended: so before each doc the words learnt by the doc before are taken out of the
// hash again, which puts the lexicon back to the state it was built in. Each doc is
// then a function of its own text only. The learnt entries stay in wink's arrays (a
// private array holds their features in step with the lexeme list, so the list cannot
// shrink); to keep memory flat and lexeme ids well below wink's vocabulary limit
// (0xFFFFF, where its automata's sentinels begin), the instance is rebuilt after
// REBUILD_AFTER of them, on the same core model put back as it was loaded (~4 ms).
//
// A learnt word's prefix, suffix and shape are stored as indices into lists of their
// own, which only map back to the same strings: those may stay learnt, as long as a
// list never outgrows its bit field (see `makeRoom`).
//
// Learning a word again costs its features again (shape, POS guess, …: regexes); those
// are pure functions of the word and its token type, so they are memoised here.
import { createRequire } from 'node:module';
import winkNLP, { type Document, type Model, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);
// The model's metaCER() serialises its module-level JSON into that same variable, so each
// instance built gets it serialised once more: it doubles in length every time, and the
// ~20th instance of a process fails ("Invalid string length"). The instances built here
// get the JSON as the first instance would.
const CER_META = {
  machines: JSON.stringify(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json')),
  transformers: require('wink-eng-lite-web-model/dist/cer-transformers.js') as unknown,
};

/** The English lite model, with a metaCER() that gives the same every time (any number of instances). */
export const WINK_MODEL: Model = { ...model, metaCER: () => CER_META } as unknown as Model;

/** A feature table of wink's core model that its cache appends to as it reads. */
interface LearntFeature {
  hash: Record<string, number>;
  list: unknown[];
  index: number;
  intrinsicSize: number;
  maxIndex: number;
}

interface CoreModel {
  features: Record<string, LearntFeature>;
  packing: { layout: Record<string, number[]> };
}

/** Learnt lexemes (one or two per out-of-vocabulary token read) before the instance is rebuilt (~10 MB). */
export const REBUILD_AFTER = 100_000;

interface Reader {
  instance: WinkMethods;
  core: CoreModel;
  lexeme: LearntFeature;
  /** prefix, suffix, shape: the extractable features stored as indices into a learnt list. */
  values: LearntFeature[];
  /** Length of the lexeme list when the hash was last put back. */
  mark: number;
}

type FeatureFn = (word: string, category: number, cache: unknown) => unknown;

/** Features of a word alone (load-core-model.js `efList` but `pos`); prefix and suffix are a slice, cheaper than a lookup. */
const WORD_FEATURES = ['lutCase', 'shape', 'isAbbrev'] as const;
const MAX_MEMO = 20_000;

/** A word's memoised features: those of the word alone, and its POS guess by token type. */
interface WordFeatures {
  lutCase?: unknown;
  shape?: unknown;
  isAbbrev?: unknown;
  pos: unknown[];
}

/**
 * wink's feature functions, the costly ones memoised, all of one word in one record: wink
 * asks for them one after the other for the same word. `pos` reads the lexicon, but only
 * whether the lowercase word is in the model's own vocabulary, which never changes: so it
 * is a function of (word, token type) too. The memo is cleared when full; being a pure
 * function, when does not matter.
 */
function memoiseFeatures(config: unknown): Record<string, FeatureFn> {
  const features = (model.featureFn as (c: unknown) => Record<string, FeatureFn>)(config);
  const memoised = Object.assign(Object.create(null), features) as Record<string, FeatureFn>;
  const memo = new Map<string, WordFeatures>();
  let lastWord: string | undefined;
  let last: WordFeatures = { pos: [] };
  const recordOf = (word: string): WordFeatures => {
    if (word === lastWord) return last;
    let record = memo.get(word);
    if (record === undefined) {
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(word, (record = { pos: [] }));
    }
    lastWord = word;
    return (last = record);
  };
  for (const name of WORD_FEATURES) {
    const compute = features[name]!;
    memoised[name] = (word, category, cache) => {
      const record = recordOf(word);
      return record[name] ?? (record[name] = compute(word, category, cache));
    };
  }
  const pos = features.pos!;
  memoised.pos = (word, category, cache) => {
    const record = recordOf(word);
    return record.pos[category] ?? (record.pos[category] = pos(word, category, cache));
  };
  return memoised;
}

/**
 * A wink instance on `reuse`, a core model whose learnt entries have all been taken out
 * again (it is then as loaded: wink writes to nothing else of it), or on a fresh one.
 * Reusing it saves most of the cost of a rebuild (decoding the model).
 */
function build(pipe: readonly string[], reuse?: CoreModel): Reader {
  let core: CoreModel | undefined;
  const load = () => (core = reuse ?? (model.core as () => CoreModel)());
  const wrapped = { ...WINK_MODEL, core: load, featureFn: memoiseFeatures } as unknown as Model;
  const instance = winkNLP(wrapped, [...pipe]);
  if (core === undefined) throw new Error('wink-nlp did not load its core model through model.core()');
  const { features, packing } = core;
  const lexeme = features.lexeme;
  if (!lexeme || lexeme.intrinsicSize !== lexeme.list.length) throw new Error('unexpected wink-nlp core model: no fresh lexeme table');
  // layout[f][3] === 0: the feature is packed as an index into its own list (load-core-model.js)
  const values = Object.keys(packing.layout).filter((f) => packing.layout[f]![3] === 0 && features[f]?.hash).map((f) => features[f]!);
  return { instance, core, lexeme, values, mark: lexeme.list.length };
}

/** Puts a forgotten-out reader's core model back as loaded, for the next instance. */
function rewind(reader: Reader): CoreModel {
  const { lexeme } = reader;
  lexeme.list.length = lexeme.intrinsicSize;
  lexeme.index = lexeme.intrinsicSize;
  for (const feature of reader.values) resetValues(feature);
  return reader.core;
}

function resetValues(feature: LearntFeature): void {
  for (let i = feature.intrinsicSize; i < feature.list.length; i++) delete feature.hash[feature.list[i] as string];
  feature.list.length = feature.intrinsicSize;
  feature.index = feature.intrinsicSize;
}

/** Takes out of the lexicon's hash what the last doc taught, so the next doc reads as the first. */
function forget(reader: Reader): void {
  const { lexeme } = reader;
  const list = lexeme.list;
  for (let i = reader.mark; i < list.length; i++) delete lexeme.hash[list[i] as string];
  reader.mark = list.length;
}

/**
 * A doc adds at most two values per token (the word's and its lowercase form's), and has
 * no more tokens than characters: a value
 * list that might overflow its bit field while reading `text` goes back to the model's
 * own values first (every learnt index in use belongs to a forgotten word).
 */
function makeRoom(reader: Reader, text: string): void {
  for (const feature of reader.values) {
    if (feature.list.length + 2 * text.length > feature.maxIndex) resetValues(feature);
  }
}

/**
 * A wink-nlp instance on the English lite model whose `readDoc` does not depend on any
 * doc read before. A doc stays readable until the next `readDoc` of the same instance
 * (its lazily read properties, lemmas and stop flags, are read in that state).
 */
export function createForgetfulWink(pipe: readonly string[], options: { rebuildAfter?: number } = {}): WinkMethods {
  const rebuildAfter = options.rebuildAfter ?? REBUILD_AFTER;
  let reader = build(pipe);
  const readDoc = (text: string): Document => {
    forget(reader);
    if (reader.lexeme.list.length - reader.lexeme.intrinsicSize > rebuildAfter) reader = build(pipe, rewind(reader));
    makeRoom(reader, text);
    return reader.instance.readDoc(text);
  };
  const learnCustomEntities = (): number => {
    throw new Error('custom entities would be forgotten: build a wink-nlp instance of your own for them');
  };
  return { ...reader.instance, readDoc, learnCustomEntities };
}
