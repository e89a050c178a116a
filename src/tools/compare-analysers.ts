// Two builds' analysers in one process, alternated, for before/after figures on a busy machine
// (issue 26): other load stretches both alike, where two separate runs minutes apart can differ
// by ±20 %.
//   node dist/tools/compare-analysers.js <before repo dir> <after repo dir> [--n 8000] [--passes 3] [--data DIR]
// Each dir must hold a build (dist/). Both analyse the same real texts as profile-analyser.js
// (same shuffle); the first pass checks that their records are identical, then `--passes`
// passes alternate 250-text chunks between them (which goes first alternates too) and the
// CPU µs per mention of each is printed, with after ÷ before.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MentionAnalyzer } from '../analysis/analyze-mention.js';
import { readRealTexts, sampleRealInputs } from './bench/real-corpus.js';
import { REPO_ROOT } from './sentiment-data.js';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback;
}

const [before, after] = process.argv.slice(2, 4).map((dir) => resolve(dir ?? ''));
if (!before || !after || process.argv.length < 4) throw new Error('usage: compare-analysers.js <before repo dir> <after repo dir> [--n 8000] [--passes 3]');
const n = Number(flag('--n', '8000'));
const passes = Number(flag('--passes', '3'));
const CHUNK = 250;

async function analyserOf(dir: string): Promise<MentionAnalyzer> {
  const module = await import(pathToFileURL(join(dir, 'dist/analysis/analyze-mention.js')).href) as typeof import('../analysis/analyze-mention.js');
  return module.createMentionAnalyzer({ brandTerms: { 'Kettleby Tea': ['Kettleby Tea', '@KettlebyTea'] } });
}

const real = readRealTexts(flag('--data', join(REPO_ROOT, '..', 'shared', 'data')));
const inputs = sampleRealInputs(real, n);
const analysers = [await analyserOf(before), await analyserOf(after)] as const;
let same = 0;
for (const input of inputs) if (JSON.stringify(analysers[0](input)) === JSON.stringify(analysers[1](input))) same++;
console.log(`${inputs.length} real texts: ${same} records identical on the first pass`);
const perPass: [number[], number[]] = [[], []];
for (let p = 0; p < passes; p++) {
  const used = [0, 0];
  for (let c = 0; c < inputs.length; c += CHUNK) {
    const part = inputs.slice(c, c + CHUNK);
    for (const which of (c / CHUNK) % 2 ? [1, 0] : [0, 1]) {
      const cpu = process.cpuUsage();
      for (const input of part) analysers[which]!(input);
      const spent = process.cpuUsage(cpu);
      used[which]! += spent.user + spent.system;
    }
  }
  for (const which of [0, 1]) perPass[which]!.push(used[which]! / inputs.length);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const show = (xs: number[]) => `${median(xs).toFixed(0)} (${xs.map((x) => x.toFixed(0)).join(', ')})`;
console.log(`CPU µs per mention, ${passes} passes in alternating ${CHUNK}-text chunks: before ${show(perPass[0])}, after ${show(perPass[1])}; after ÷ before ${(median(perPass[1]) / median(perPass[0])).toFixed(3)}`);
