// `npm run bench -- --only brands [--brands 10000] [--n 20000]`: the import's cost of a big
// config. Every name and alias of every brand is looked for in every row (the brand
// linker); one regex per name ran V8 out of memory at 10,000 brands and made 1,000 brands
// 17× slower. The same corpus is imported with one brand in the config and with
// `--brands` brands of two aliases each; the second rate should be at least half the first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../analysis/seeded-random.js';
import { BENCH_BRANDS, writeCorpus, type CorpusSpec } from './corpus.js';
import { runCli, type BenchRow, type CliRun } from './run-cli.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'ter', 'ban', 'qui', 'vo', 'ple', 'dra', 'nix', 'sor', 'eel', 'pa', 'rum', 'tis', 'gon', 'wey', 'bri', 'tel'];

/** `count` brands: the corpus's five first, then made-up two-word names, each with two aliases (a joined form and a handle). */
export function manyBrands(count: number, seed = 11): Array<{ name: string; aliases: string[] }> {
  const random = seededRandom(seed);
  const word = () => {
    let text = '';
    for (let i = 0, n = 2 + Math.floor(random() * 2); i < n; i++) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return text[0]!.toUpperCase() + text.slice(1);
  };
  const brands = BENCH_BRANDS.slice(0, count).map((b) => ({ name: b.name, aliases: [b.name.replace(/\s+/g, ''), `@${b.name.replace(/\s+/g, '').toLowerCase()}`] }));
  const names = new Set(brands.map((b) => b.name.toLowerCase()));
  while (brands.length < count) {
    const name = `${word()} ${word()}`;
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    brands.push({ name, aliases: [name.replace(' ', ''), `@${name.replace(' ', '').toLowerCase()}`] });
  }
  return brands;
}

export async function benchManyBrands(dir: string, probe: string, spec: CorpusSpec, brandCount: number, rows: BenchRow[]): Promise<void> {
  const file = join(dir, 'brands-corpus.jsonl');
  await writeCorpus(file, spec, 0);
  const runs: CliRun[] = [];
  for (const count of [1, brandCount]) {
    const config = join(dir, `brands-${count}.json`);
    writeFileSync(config, JSON.stringify({ brands: manyBrands(count) }));
    const run = await runCli(['--config', config, '--db', `brands-${count}.db`, 'import', file, '--no-analyze'], dir, probe);
    runs.push(run);
    const ratio = count === 1 ? '' : `; ${((spec.n / run.seconds) / (spec.n / runs[0]!.seconds) * 100).toFixed(0)} % of the one-brand rate (${(runs[0]!.cpuSeconds / run.cpuSeconds * 100).toFixed(0)} % by CPU)`;
    rows.push({
      step: `import only (--no-analyze), ${count.toLocaleString('en-US')} brand(s) in the config`, rows: spec.n, seconds: run.seconds,
      perSecond: spec.n / run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb,
      note: `${(count * 3).toLocaleString('en-US')} names and aliases linked${ratio}`,
    });
  }
}
