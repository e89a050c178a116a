// The analyser alone on real text, in this thread, for profiling and for checking that a
// faster analyser says the same (issue 26):
//   npm run build && node [--cpu-prof] dist/tools/profile-analyser.js [--n 20000] [--runs 3] [--data DIR]
// Analyses the first n of the bench's real texts (readRealTexts, shuffled with a fixed
// seed, each with its source's language) once to warm up, then --runs more passes, and
// prints the CPU µs per mention of each pass and the sha256 of the first pass's records:
// the same hash before and after a change means the same output on those texts.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createMentionAnalyzer } from '../analysis/analyze-mention.js';
import { readRealTexts, sampleRealInputs } from './bench/real-corpus.js';
import { REPO_ROOT } from './sentiment-data.js';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] ?? fallback : fallback;
}

const n = Number(flag('--n', '20000'));
const runs = Number(flag('--runs', '3'));
const real = readRealTexts(flag('--data', join(REPO_ROOT, '..', 'shared', 'data')));
const inputs = sampleRealInputs(real, n);
const analyze = createMentionAnalyzer({ brandTerms: { 'Kettleby Tea': ['Kettleby Tea', '@KettlebyTea'] } });
const hash = createHash('sha256');
for (const input of inputs) hash.update(`${JSON.stringify(analyze(input))}\n`);
const passes: number[] = [];
for (let r = 0; r < runs; r++) {
  const cpu = process.cpuUsage();
  for (const input of inputs) analyze(input);
  const used = process.cpuUsage(cpu);
  passes.push((used.user + used.system) / inputs.length);
}
const sorted = [...passes].sort((a, b) => a - b);
console.log(`${inputs.length} real texts, ${analyze.modelVersion}`);
console.log(`output sha256 ${hash.digest('hex')}`);
if (runs > 0) console.log(`CPU µs per mention: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} (passes ${passes.map((p) => p.toFixed(0)).join(', ')})`);
