// Runs the real CLI binary as a child process and measures it from outside, so the
// timings include start-up and the peak RSS is the whole process's (workers included).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The binary measured; EARSHOT_BENCH_BIN points at another build (an older one, to compare before/after on one corpus). */
const BIN = process.env.EARSHOT_BENCH_BIN ? resolve(process.env.EARSHOT_BENCH_BIN) : resolve(import.meta.dirname, '../../../bin/earshot.js');
const MARK = 'EARSHOT_BENCH_USAGE=';

export interface CliRun {
  seconds: number;
  peakRssMb: number;
  /** User + system CPU of the whole process (all threads): comparable on a busy machine, unlike wall time. */
  cpuSeconds: number;
  /** CPU of the main thread alone (NaN where /proc is missing); the rest is workers and V8's helpers. */
  mainCpuSeconds: number;
  stdout: string;
  stderr: string;
}

/** Writes the preload that reports the process's peak RSS (KB) and CPU (µs) on exit; returns its path. */
export function writeRssProbe(dir: string): string {
  const path = join(dir, 'usage-probe.cjs');
  // the main thread's own CPU (Linux: its task's utime + stime, in 1/100 s) tells the writer from the workers
  writeFileSync(path, `process.on('exit', () => { const u = process.resourceUsage();
  let main = -1;
  try { const f = require('fs').readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').split(') ')[1].split(' ');
    main = (Number(f[11]) + Number(f[12])) * 10000; } catch {}
  process.stderr.write('\\n${MARK}' + u.maxRSS + ',' + (u.userCPUTime + u.systemCPUTime) + ',' + main + '\\n'); });\n`);
  return path;
}

/** Runs `earshot ARGS` in `cwd`; a non-zero exit is an error (a benchmark of a failure is meaningless). */
export function runCli(args: string[], cwd: string, probe: string, extraNodeArgs: string[] = []): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${probe}` };
  for (const key of Object.keys(env)) if (key.startsWith('EARSHOT_')) delete env[key];
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...extraNodeArgs, BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const usage = new RegExp(`${MARK}(\\d+),(\\d+),(-?\\d+)`).exec(stderr);
      if (code !== 0) fail(new Error(`earshot ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`));
      else {
        done({
          seconds, peakRssMb: usage ? Number(usage[1]) / 1024 : NaN, cpuSeconds: usage ? Number(usage[2]) / 1e6 : NaN,
          mainCpuSeconds: usage && Number(usage[3]) >= 0 ? Number(usage[3]) / 1e6 : NaN,
          stdout, stderr: stderr.replace(new RegExp(`\\n?${MARK}.*\\n`), ''),
        });
      }
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "1 issue (dye, leak, recipe), 2 trends": what a `report --format json` run found, for the note. */
export function describeFindings(reportJson: string): string {
  const report = JSON.parse(reportJson) as { issues: Array<{ terms: string[] }>; trends: Array<{ terms: string[] }> };
  const top = report.issues[0] ? ` (${report.issues[0].terms.slice(0, 3).join(', ')})` : '';
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(report.issues.length, 'issue')}${top}, ${count(report.trends.length, 'trend')}`;
}

/** One row of the bench table (and of its JSON). */
export interface BenchRow {
  step: string;
  rows: number;
  seconds: number;
  perSecond: number | null;
  /** CPU seconds of the process, all threads (a busy machine stretches wall time, not this). */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  note?: string;
}
