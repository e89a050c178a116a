// `npm run bench [-- --n 1000000] [--corpus real|synthetic] [--data DIR] [--json [file]] [--only pipeline|report|compare|analyser|brands|pg] [--brands 10000] [--runs 3] [--report-sizes 100000,1000000] [--keep] [--pg postgres://…]`
// `npm run bench -- --only brands [--brands 10000]`: import with one brand in the config against many (see bench/many-brands.ts)
// `npm run bench -- --time-report DB`: only the report (CLI and in-process) and status timings, on a kept report database
// `--corpus real` (the default) builds the pipeline's and analyser's corpus from the shared
// real texts under --data (default ../shared/data; see bench/real-corpus.ts); `--corpus
// synthetic` from the seeded made-up corpus. The report and brands steps always use the
// synthetic one: it plants the issue the report must find.
// Generates a seeded synthetic corpus and measures the real CLI end to end: import +
// analyse, import and analysis alone, wink-nlp's own single-thread rate on the same
// texts, report latency (median of --runs) at each report size, and CSV export; peak
// RSS of every child process. Prints a table; --json writes the same as JSON. With --pg
// (or EARSHOT_BENCH_PG) the import, report and export steps run on PostgreSQL too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isPostgresUrl } from '../store/index.js';
import { BENCH_BRANDS, writeCorpus, type CorpusSpec } from './bench/corpus.js';
import { describeRealCorpus, readRealTexts, writeRealCorpus } from './bench/real-corpus.js';
import { REPO_ROOT } from './sentiment-data.js';
import { UserError } from '../errors.js';
import { benchPostgres, maskArgument } from './bench/postgres.js';
import { describeFindings, median, runCli, writeRssProbe, type BenchRow, type CliRun } from './bench/run-cli.js';
import { describeTiming, timeReport } from './bench/report-timing.js';
import { measureSingleThreadRates, type RateRow } from './bench/wink-rate.js';
import { measureWorkerRate } from './bench/worker-rate.js';
import { benchManyBrands } from './bench/many-brands.js';
import { countSecondPassDifferences, readSemevalTrainTexts } from './bench/determinism.js';
import { WORKER_HEAP } from '../core/analyze.js';

interface Options {
  n: number;
  only: string | null;
  runs: number;
  reportSizes: number[];
  json: string | null | undefined;
  keep: boolean;
  /** An existing report database (or postgres:// URL) to time the report and status on, and nothing else. */
  timeReport: string | null;
  pg: string | null;
  /** Brands in the config of the many-brands import (`--only brands`). */
  brands: number;
  /** Where the pipeline's and analyser's texts come from. */
  corpus: 'real' | 'synthetic';
  /** The shared data folder the real corpus reads. */
  data: string;
}

/** Writes the pipeline's corpus to `file` and returns its first `sample` texts (the in-process rates' texts). */
type WriteCorpus = (file: string, spec: CorpusSpec, sample?: number) => Promise<string[]>;

const END = new Date('2026-11-20T12:00:00Z');

function readOptions(argv: string[]): Options {
  const flag = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[i + 1] : undefined;
  };
  return {
    n: Number(flag('--n') ?? 200_000),
    only: flag('--only') ?? null,
    runs: Math.max(3, Number(flag('--runs') ?? 3)),
    // 1M costs a 1M-row import of its own: part of the default run only when --n asks for that scale
    reportSizes: (flag('--report-sizes') ?? (Number(flag('--n') ?? 0) >= 1e6 ? '100000,1000000' : '100000')).split(',').map(Number).filter((x) => x > 0),
    json: argv.includes('--json') ? (flag('--json') ?? null) : undefined,
    keep: argv.includes('--keep'),
    pg: flag('--pg') ?? process.env.EARSHOT_BENCH_PG ?? null,
    timeReport: flag('--time-report') ?? null,
    brands: Number(flag('--brands') ?? 10_000),
    corpus: readCorpusFlag(flag('--corpus')),
    data: resolve(flag('--data') ?? join(REPO_ROOT, '../shared/data')),
  };
}

function readCorpusFlag(value: string | undefined): 'real' | 'synthetic' {
  if (value === undefined || value === 'real' || value === 'synthetic') return value ?? 'real';
  throw new UserError(`--corpus must be real or synthetic, not "${value}"`);
}

/** The corpus writer `--corpus` names; the real one says what it read (and whether texts repeat) as a row. */
function corpusWriter(options: Options, rows: BenchRow[]): WriteCorpus {
  if (options.corpus === 'synthetic') return writeCorpus;
  const real = readRealTexts(options.data);
  return async (file, spec, sample) => {
    const corpus = await writeRealCorpus(file, spec, real, sample);
    const note = describeRealCorpus(real, corpus, spec.n);
    if (corpus.repeated) process.stderr.write(`${note}\n`);
    rows.push({ step: `corpus: real text, ${spec.n.toLocaleString('en-US')} rows`, rows: spec.n, seconds: NaN, perSecond: null, cpuSeconds: null, peakRssMb: null, note });
    return corpus.sample;
  };
}

function spec(n: number, brands = BENCH_BRANDS): CorpusSpec {
  return { n, end: END, days: 30, brands, seed: 7 };
}

/** The row of a CLI run that loaded `count` mentions. */
function loadRow(step: string, count: number, run: CliRun, note?: string): BenchRow {
  return { step, rows: count, seconds: run.seconds, perSecond: count / run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb, note };
}

/** Runs one CLI command `runs` times in a row. */
async function repeat(args: string[], runs: number, dir: string, probe: string): Promise<CliRun[]> {
  const timings = [];
  for (let r = 0; r < runs; r++) timings.push(await runCli(args, dir, probe));
  return timings;
}

/** A latency row: median wall and CPU time of the runs, their peak RSS, every run's wall time in the note. */
function medianRow(step: string, count: number, timings: CliRun[], extra?: string): BenchRow {
  return {
    step, rows: count, seconds: median(timings.map((t) => t.seconds)), perSecond: null,
    cpuSeconds: median(timings.map((t) => t.cpuSeconds)), peakRssMb: Math.max(...timings.map((t) => t.peakRssMb)),
    note: `median of ${timings.length} (${timings.map((t) => t.seconds.toFixed(2)).join(', ')} s)${extra ? `; ${extra}` : ''}`,
  };
}

async function benchPipeline(dir: string, probe: string, n: number, rows: BenchRow[], write: WriteCorpus, label: string): Promise<void> {
  const file = join(dir, 'corpus.jsonl');
  const texts = await write(file, spec(n));
  const step = (name: string, count: number, run: CliRun) => rows.push(loadRow(`${name}, ${label}`, count, run, threadNote(run, count)));
  const full = await runCli(['--db', 'full.db', 'import', file], dir, probe);
  step('import + analyse (JSONL → scored rows)', n, full);
  step('import only (--no-analyze)', n, await runCli(['--db', 'staged.db', 'import', file, '--no-analyze'], dir, probe));
  step('analyse only (earshot analyze)', n, await runCli(['--db', 'staged.db', 'analyze'], dir, probe));
  const rates = measureSingleThreadRates(texts);
  for (const r of rates) rows.push(rateRow(r, texts.length, label));
  for (const wink of rates.slice(0, 2)) rows.push(ratioRow(n, full, wink, label));
  step('export all rows to CSV', n, await runCli(['--db', 'full.db', 'export', '--out', join(dir, 'all.csv')], dir, probe));
}

/**
 * `earshot compare` of the corpus's five brands over its 30 days (by week), on a database of
 * `n` scored mentions: median of `runs` after one cold run. Reads the per-brand-day rollup,
 * plus each brand's top issues (the report's detection as of the period's end).
 */
async function benchCompare(dir: string, probe: string, n: number, runs: number, rows: BenchRow[], db?: string): Promise<void> {
  if (!db) {
    const file = join(dir, `compare-${n}.jsonl`);
    db = `compare-${n}.db`;
    await writeCorpus(file, spec(n), 0);
    rows.push(loadRow(`import + analyse, ${n.toLocaleString('en-US')} (compare db)`, n, await runCli(['--db', db, 'import', file], dir, probe)));
  }
  const since = new Date(END.getTime() - 30 * 86_400_000).toISOString();
  const args = ['--db', db, 'compare', '--brands', BENCH_BRANDS.map((b) => b.name).join(','), '--since', since, '--until', END.toISOString(), '--by', 'week', '--format', 'json'];
  const cold = await runCli(args, dir, probe);
  const timings = await repeat(args, runs, dir, probe);
  rows.push(medianRow(`compare, ${BENCH_BRANDS.length} brands × 30 days, ${n.toLocaleString('en-US')} mentions`, n, timings, `first run ${cold.seconds.toFixed(2)} s`));
}

function rateRow(r: RateRow, count: number, label: string): BenchRow {
  const perCpu = r.cpuRates.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');
  return {
    step: `${r.name}, ${label}`, rows: count, seconds: count / r.docsPerSecond, perSecond: r.docsPerSecond, cpuSeconds: count / r.docsPerCpuSecond, peakRssMb: null,
    note: `in-process, median of 3; ${Math.round(r.docsPerCpuSecond).toLocaleString('en-US')} per CPU s (${perCpu})`,
  };
}

/**
 * End to end (import + analyse, both cores) against wink-nlp's own readDoc + sentiment on one
 * core, over the same texts (issue 26: target ≥ 0.8). Wall rates, so a busy machine stretches
 * both unevenly; the CPU-second rates beside them do not depend on the load.
 */
function ratioRow(n: number, full: CliRun, wink: RateRow, label: string): BenchRow {
  const perSecond = n / full.seconds;
  const perCpuSecond = n / full.cpuSeconds;
  const count = (x: number) => Math.round(x).toLocaleString('en-US');
  return {
    step: `import + analyse ÷ ${wink.name}, ${label}`, rows: NaN, seconds: NaN, perSecond: null, cpuSeconds: null, peakRssMb: null,
    note: `ratio ${(perSecond / wink.docsPerSecond).toFixed(2)} (${count(perSecond)} / ${count(wink.docsPerSecond)} per second); `
      + `per CPU second ${(perCpuSecond / wink.docsPerCpuSecond).toFixed(2)} (${count(perCpuSecond)} / ${count(wink.docsPerCpuSecond)})`,
  };
}

/**
 * `--only analyser`: the in-process rates of the pipeline run (same texts) and the CPU a
 * worker spends per mention with the heap limits `earshot analyze` gives it, and with
 * other young-generation sizes next to it.
 */
async function benchAnalyser(dir: string, n: number, rows: BenchRow[], write: WriteCorpus, label: string): Promise<void> {
  const texts = await write(join(dir, 'corpus.jsonl'), spec(n));
  for (const r of measureSingleThreadRates(texts)) rows.push(rateRow(r, texts.length, label));
  const semeval = readSemevalTrainTexts();
  for (const [name, set] of [['the bench texts', texts], ['the SemEval training texts', semeval]] as const) {
    if (set === null) {
      process.stderr.write('no ../shared/data/sentiment: the SemEval determinism row is left out\n');
      continue;
    }
    const pass = countSecondPassDifferences(set);
    rows.push({
      step: `analyser determinism: ${name} scored differently on a second pass`, rows: pass.texts, seconds: NaN, perSecond: null, cpuSeconds: null, peakRssMb: null,
      note: `${pass.differing} differ${pass.differing ? ` (${Object.entries(pass.fields).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    });
  }
  const sizes = [...new Set([WORKER_HEAP.maxYoungGenerationSizeMb, 4, 16, 32])];
  for (const young of sizes) {
    const w = await measureWorkerRate(texts, { ...WORKER_HEAP, maxYoungGenerationSizeMb: young });
    const heapLabel = young === WORKER_HEAP.maxYoungGenerationSizeMb ? 'the default' : 'for comparison';
    rows.push({
      step: `analyser on one worker, ${young} MB young generation (${heapLabel}), ${label}`, rows: texts.length, seconds: NaN,
      // the process's RSS holds the in-process rows' wink instances too: not the worker's
      perSecond: null, cpuSeconds: (w.cpuMicrosPerMention * texts.length) / 1e6, peakRssMb: null,
      note: `${w.cpuMicrosPerMention.toFixed(1)} CPU µs per mention, median of 3 (${w.passes.map((p) => p.toFixed(1)).join(', ')})`,
    });
  }
}

/** Where the CPU went: the main thread (parsing, the SQLite writer) and the rest (workers, V8's helpers), per row. */
function threadNote(run: CliRun, count: number): string | undefined {
  if (!Number.isFinite(run.mainCpuSeconds)) return undefined;
  const us = (seconds: number) => ((seconds / count) * 1e6).toFixed(0);
  return `main thread ${run.mainCpuSeconds.toFixed(1)} CPU s (${us(run.mainCpuSeconds)} µs/row), other threads ${us(run.cpuSeconds - run.mainCpuSeconds)} µs/row`;
}

/** Report latency for one brand holding `size` mentions (48h window, 14d baseline). */
async function benchReport(dir: string, probe: string, size: number, runs: number, rows: BenchRow[]): Promise<void> {
  const file = join(dir, `report-${size}.jsonl`);
  const db = `report-${size}.db`;
  await writeCorpus(file, spec(size, [{ ...BENCH_BRANDS[0]!, share: 1 }]), 0);
  rows.push(loadRow(`import + analyse, ${size.toLocaleString('en-US')} (report db)`, size, await runCli(['--db', db, 'import', file], dir, probe)));
  const timings = await repeat(reportArgs(db), runs, dir, probe);
  rows.push(medianRow(`report, ${size.toLocaleString('en-US')} mentions of one brand`, size, timings, describeFindings(timings[0]!.stdout)));
  await benchReadCosts(dir, probe, db, size, runs, rows);
}

function reportArgs(db: string): string[] {
  return ['--db', db, 'report', '--brand', BENCH_BRANDS[0]!.name, '--at', END.toISOString(), '--window', '48h', '--baseline', '14d', '--format', 'json'];
}

/** The report in-process (with the store calls' share) and `status` through the CLI, on a stored report database. */
async function benchReadCosts(dir: string, probe: string, db: string, size: number, runs: number, rows: BenchRow[]): Promise<void> {
  const label = size ? size.toLocaleString('en-US') : db.replace(/^.*\//, '');
  if (size === 0) {
    // --time-report: the CLI report too (the one timing an older build, EARSHOT_BENCH_BIN, can give on its own schema)
    const cli = await repeat(reportArgs(db), runs, dir, probe);
    rows.push(medianRow(`report, ${label}`, 0, cli, describeFindings(cli[0]!.stdout)));
  }
  const t = await timeReport(isPostgresUrl(db) ? db : resolve(dir, db), BENCH_BRANDS[0]!.name, END, runs).catch((error: Error) => error);
  if (t instanceof Error) process.stderr.write(`in-process report skipped: ${t.message}\n`);
  else rows.push({
    step: `report in-process (buildReport), ${label}`, rows: size, seconds: median(t.report.wallMs) / 1000, perSecond: null,
    cpuSeconds: median(t.report.cpuMs) / 1000, peakRssMb: null, note: `median of ${runs}; ${describeTiming(t)}`,
  });
  rows.push(medianRow(`status, ${label} mentions`, size, await repeat(['--db', db, 'status'], runs, dir, probe)));
}

function renderTable(rows: BenchRow[]): string {
  const head = '| step | rows | seconds | rows/s | CPU s | peak RSS (MB) | note |\n|---|---:|---:|---:|---:|---:|---|';
  const fmt = (x: number | null, digits = 0) => (x === null || Number.isNaN(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  return [head, ...rows.map((r) => `| ${r.step} | ${fmt(r.rows)} | ${fmt(r.seconds, 2)} | ${fmt(r.perSecond)} | ${fmt(r.cpuSeconds, 1)} | ${fmt(r.peakRssMb)} | ${r.note ?? ''} |`)].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-'));
  const probe = writeRssProbe(dir);
  const rows: BenchRow[] = [];
  // each finished step goes to stderr at once: a long run that fails late still shows what it measured
  const push = rows.push.bind(rows);
  rows.push = (...done: BenchRow[]) => {
    for (const r of done) process.stderr.write(`${JSON.stringify(r)}\n`);
    return push(...done);
  };
  try {
    if (options.timeReport) await benchReadCosts(process.cwd(), probe, options.timeReport, 0, options.runs, rows);
    else {
      const write = corpusWriter(options, rows);
      const label = `${options.corpus} text`;
      if (options.only === null || options.only === 'pipeline') await benchPipeline(dir, probe, options.n, rows, write, label);
      // the pipeline's full.db already holds n scored mentions of the five brands
      if (options.only === null) await benchCompare(dir, probe, options.n, options.runs, rows, 'full.db');
      if (options.only === 'compare') await benchCompare(dir, probe, options.n, options.runs, rows);
      if (options.only === 'analyser') await benchAnalyser(dir, options.n, rows, write, label);
      if (options.only === null || options.only === 'brands') await benchManyBrands(dir, probe, spec(Math.min(options.n, 50_000)), options.brands, rows);
      if (options.only === null || options.only === 'report') {
        for (const size of options.reportSizes) await benchReport(dir, probe, size, options.runs, rows);
      }
      if (options.pg) await benchPostgres({ ...options, url: options.pg, dir, probe, spec, end: END }, rows);
    }
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`kept ${dir}\n`);
  }
  // other work on the machine stretches wall times: the load average says how much
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', node: process.version, platform: process.platform, loadAverage: loadavg().map((l) => Math.round(l * 10) / 10) };
  const result = { date: new Date().toISOString(), machine, n: options.n, corpus: options.corpus, command: `npm run bench -- ${argv.map(maskArgument).join(' ')}`.trim(), rows };
  if (options.json === null) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write(`${machine.cpus} × ${machine.cpu}, Node ${machine.node}, n = ${options.n.toLocaleString('en-US')}, ${options.corpus} corpus, load average ${machine.loadAverage.join(' ')} at the end\n\n${renderTable(rows)}\n`);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  // a bad flag is the user's to fix: one line; anything else keeps its stack
  process.stderr.write(`bench failed: ${error instanceof UserError ? error.message : (error.stack ?? error.message)}\n`);
  process.exitCode = 1;
});
