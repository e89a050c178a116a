// Reading the shared public sentiment data sets (see /work/shared/data/README.md).
// Only the tools use these files; tests rely on the committed model instead.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repo root, from both src/tools/ (tsx/vitest) and dist/tools/ (compiled). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LabelledSet {
  texts: string[];
  /** 0 = negative, 1 = neutral, 2 = positive. */
  labels: number[];
}

/** `--data DIR` beats `EARSHOT_DATA_DIR`, which beats ../shared/data/sentiment next to the repo. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const flag = argv.indexOf('--data');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  return resolve(fromFlag ?? env['EARSHOT_DATA_DIR'] ?? join(REPO_ROOT, '../shared/data/sentiment'));
}

/** Read a line-aligned text/labels pair, e.g. ('semeval2017-test', 'test'). */
export function readLabelledSet(dataDir: string, folder: string, prefix: string): LabelledSet {
  const texts = readLines(join(dataDir, folder, `${prefix}_text.txt`));
  const labels = readLines(join(dataDir, folder, `${prefix}_labels.txt`)).map(Number);
  if (texts.length !== labels.length) throw new Error(`${folder}: ${texts.length} texts but ${labels.length} labels`);
  return { texts, labels };
}

/** VADER's tweet ground truth: label is the sign of the mean rating, |rating| < 0.5 neutral. */
export function readVaderTweets(dataDir: string): LabelledSet {
  const set: LabelledSet = { texts: [], labels: [] };
  for (const line of readLines(join(dataDir, 'vader-tweets', 'tweets_GroundTruth.txt'))) {
    const [, rating, ...rest] = line.split('\t');
    const value = Number(rating);
    set.texts.push(decodeEntities(rest.join('\t')));
    set.labels.push(Math.abs(value) < 0.5 ? 1 : value > 0 ? 2 : 0);
  }
  return set;
}

/** Flag value after `name`, if present. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.length > 0);
}

// The VADER and training files keep Twitter's HTML escaping (&amp; &lt; &gt;).
export function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}
