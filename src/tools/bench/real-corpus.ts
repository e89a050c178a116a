// Real-text corpus for `npm run bench` (issue 26): the synthetic corpus's small vocabulary
// keeps every memo and wink's lexeme cache warm, so its speed is not what real posts get.
// This one takes what people actually wrote — the shared SemEval training tweets, the
// complaint sets' texts and the multilingual training sets — shuffles them with a seed and
// gives them varied ids, authors, times and brands. Texts repeat (with a small variation,
// so they are not byte-identical) only when more rows are asked for than texts exist.
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { seededRandom } from '../../analysis/seeded-random.js';
import type { AnalysisInput } from '../../domain/analysis-record.js';
import type { BrandSpec, CorpusSpec } from './corpus.js';

export interface RealTexts {
  texts: string[];
  /** Languages, parallel to `texts`. */
  langs: string[];
  /** Texts read per source folder, in read order. */
  sources: Array<{ name: string; count: number }>;
}

export interface RealCorpus {
  /** The texts of the first `sample` rows. */
  sample: string[];
  /** Distinct texts available. */
  distinct: number;
  /** Rows whose text is a varied repeat (0 when n ≤ distinct). */
  repeated: number;
}

const UMSAB_LANGS: Record<string, string> = {
  arabic: 'ar', english: 'en', french: 'fr', german: 'de', hindi: 'hi', italian: 'it', portuguese: 'pt', spanish: 'es',
};

// appended to a repeated text: enough to make it a different post, not a different kind of post
const VARIATIONS = ['!', ' 😂', ' 🙄', ' #fail', ' lol', ' (again)', ' smh', ' 👍', ' ...', ' #truth'];

/**
 * Every text of the real sets under `dataRoot` (the shared data folder): the SemEval pool
 * (sentiment/semeval2013-2016-train/train_text.txt), each complaints/<set>/data.jsonl and
 * each multilingual/umsab/<language>/train*.jsonl. Missing sets are skipped; blank texts dropped.
 */
export function readRealTexts(dataRoot: string): RealTexts {
  const out: RealTexts = { texts: [], langs: [], sources: [] };
  const add = (name: string, texts: string[], lang: string) => {
    const kept = texts.filter((t) => t.trim() !== '');
    if (kept.length === 0) return;
    for (const t of kept) {
      out.texts.push(t);
      out.langs.push(lang);
    }
    out.sources.push({ name, count: kept.length });
  };
  const semeval = join(dataRoot, 'sentiment', 'semeval2013-2016-train', 'train_text.txt');
  if (existsSync(semeval)) add('sentiment/semeval2013-2016-train', readFileSync(semeval, 'utf8').split('\n'), 'en');
  for (const set of subfolders(join(dataRoot, 'complaints'))) {
    const file = join(dataRoot, 'complaints', set, 'data.jsonl');
    if (existsSync(file)) add(`complaints/${set}`, jsonlTexts(file), 'en');
  }
  const umsab = join(dataRoot, 'multilingual', 'umsab');
  for (const language of subfolders(umsab)) {
    for (const file of readdirSync(join(umsab, language)).filter((f) => f.startsWith('train')).sort()) {
      add(`multilingual/umsab/${language}/${file}`, jsonlTexts(join(umsab, language, file)), UMSAB_LANGS[language] ?? 'und');
    }
  }
  return out;
}

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function jsonlTexts(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => {
    const text = (JSON.parse(line) as { text?: unknown }).text;
    return typeof text === 'string' ? text : '';
  });
}

/**
 * Writes `spec.n` JSONL mention rows of the real texts to `path`, in time order, seeded by
 * `spec.seed`: same texts and spec, same bytes. Brands follow `spec.brands`' shares (the
 * brand is the row's field; the texts do not name it), authors a skewed activity curve over
 * ~n/6 of them, times spread over `spec.days` up to `spec.end`.
 */
export async function writeRealCorpus(path: string, spec: CorpusSpec, real: RealTexts, sample = 20_000): Promise<RealCorpus> {
  if (real.texts.length === 0) throw new Error('no real texts found: is ../shared/data there? (or pass --data DIR)');
  const random = seededRandom(spec.seed);
  const order = shuffledIndexes(real.texts.length, random);
  const authors = Math.max(1000, Math.round(spec.n / 6));
  const start = spec.end.getTime() - spec.days * 86_400_000;
  const out = createWriteStream(path);
  const texts: string[] = [];
  let repeated = 0;
  let buffer = '';
  for (let i = 0; i < spec.n; i++) {
    const at = start + ((i + random()) / spec.n) * (spec.days * 86_400_000);
    const k = order[i % order.length]!;
    const round = Math.floor(i / order.length);
    let text = real.texts[k]!;
    if (round > 0) {
      text += VARIATIONS[(k + round) % VARIATIONS.length]!.repeat(1 + Math.floor(round / VARIATIONS.length));
      repeated++;
    }
    if (texts.length < sample) texts.push(text);
    const brand = pickBrand(spec.brands, random);
    const source = random() < 0.75 ? 'x' : 'reddit';
    const author = `${source === 'x' ? '' : 'u_'}${authorName(Math.floor(Math.pow(random(), 1.6) * authors))}`;
    // ids as platforms give them: long, unordered-looking, unique (i in the low digits)
    const id = `${1_500_000 + Math.floor(random() * 8_000_000)}${String(i).padStart(9, '0')}`;
    buffer += `${JSON.stringify({
      id, source, brand: brand.name, created_at: new Date(at).toISOString(), author, text, lang: real.langs[k],
      url: `https://example.com/${source}/${id}`, metrics: { likes: Math.floor(random() * random() * 200), replies: Math.floor(random() * 6), reposts: Math.floor(random() * 3) },
    })}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { sample: texts, distinct: real.texts.length, repeated };
}

/** One line for the bench's output: what the corpus is made of, and whether texts repeat. */
export function describeRealCorpus(real: RealTexts, corpus: RealCorpus, n: number): string {
  const sets = real.sources.map((s) => `${s.name} ${s.count.toLocaleString('en-US')}`).join(', ');
  const repeats = corpus.repeated
    ? `; ${corpus.repeated.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} rows repeat a text with a small variation (more rows asked than texts exist)`
    : '; no text repeats';
  return `real corpus: ${corpus.distinct.toLocaleString('en-US')} distinct texts (${sets})${repeats}`;
}

function shuffledIndexes(length: number, random: () => number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const NAME_PARTS = ['sam', 'jo', 'kat', 'max', 'lee', 'ana', 'tom', 'mia', 'raj', 'eli', 'noor', 'finn', 'ivy', 'leo', 'zoe', 'dan'];

function authorName(n: number): string {
  return `${NAME_PARTS[n % NAME_PARTS.length]}${NAME_PARTS[Math.floor(n / NAME_PARTS.length) % NAME_PARTS.length]}_${n.toString(36)}`;
}

function pickBrand(brands: BrandSpec[], random: () => number): BrandSpec {
  let r = random();
  for (const brand of brands) {
    r -= brand.share;
    if (r < 0) return brand;
  }
  return brands[brands.length - 1]!;
}

/**
 * `n` real texts in a fixed shuffled order (seed 26) as analyser inputs for one brand,
 * Kettleby Tea: what the profiling tools (profile-analyser, compare-analysers) run on.
 */
export function sampleRealInputs(real: RealTexts, n: number): AnalysisInput[] {
  const random = seededRandom(26);
  const order = real.texts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, n).map((k, i) => ({
    rowId: i + 1, id: String(i), source: 'x', author: `u${i % 5000}`, text: real.texts[k]!, lang: real.langs[k] ?? null, brands: ['Kettleby Tea'],
  }));
}
