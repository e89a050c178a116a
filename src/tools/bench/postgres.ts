// The PostgreSQL column of `npm run bench -- --pg postgres://…` (or EARSHOT_BENCH_PG):
// the same corpus through the same CLI commands, each store in a scratch schema of that
// database, dropped at the end. Nothing here runs without a URL, so the default bench
// needs no server.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePgUrl } from '../../store/postgres/connect.js';
import type { PostgresStore } from '../../store/postgres/postgres-store.js';
import { openScratchPostgresStore } from '../../store/postgres/scratch.js';
import { BENCH_BRANDS, writeCorpus, type BrandSpec, type CorpusSpec } from './corpus.js';
import { describeFindings, median, runCli, type BenchRow, type CliRun } from './run-cli.js';


export interface PgBenchOptions {
  url: string;
  dir: string;
  probe: string;
  n: number;
  runs: number;
  reportSizes: number[];
  only: string | null;
  /** The corpus spec the SQLite steps use, so both columns measure the same bytes. */
  spec: (n: number, brands?: BrandSpec[]) => CorpusSpec;
  end: Date;
}

type Context = PgBenchOptions & { postmaster: number | null };

/** Runs the PostgreSQL steps, appending rows named "… (PostgreSQL)". */
export async function benchPostgres(bench: PgBenchOptions, rows: BenchRow[]): Promise<void> {
  const drops: Array<() => Promise<void>> = [];
  let postmaster: number | null = null;
  const scratch = async () => {
    const store = await openScratchPostgresStore(bench.url, 'bench');
    postmaster ??= await findPostmaster(store.store);
    await store.store.close(); // the schema stays, migrated; the CLI connects to it
    drops.push(store.drop);
    return store.url;
  };
  const options: Context = { ...bench, get postmaster() { return postmaster; } };
  try {
    // --only pg: the PostgreSQL steps alone (pipeline and report), no SQLite ones
    const only = options.only === 'pg' ? null : options.only;
    if (only === null || only === 'pipeline') await pipeline(options, rows, await scratch());
    if (only === null || only === 'report') {
      for (const size of options.reportSizes) await report(options, rows, size, await scratch());
    }
  } finally {
    for (const drop of drops) await drop().catch(() => undefined);
  }
}

async function pipeline(o: Context, rows: BenchRow[], db: string): Promise<void> {
  const file = join(o.dir, 'corpus.jsonl');
  if (!existsSync(file)) await writeCorpus(file, o.spec(o.n), 0);
  rows.push(await step('import + analyse (PostgreSQL)', o.n, o, ['--db', db, 'import', file]));
  rows.push(await step('export all rows to CSV (PostgreSQL)', o.n, o, ['--db', db, 'export', '--out', join(o.dir, 'all-pg.csv')]));
}

async function report(o: Context, rows: BenchRow[], size: number, db: string): Promise<void> {
  const file = join(o.dir, `report-${size}.jsonl`);
  if (!existsSync(file)) await writeCorpus(file, o.spec(size, [{ ...BENCH_BRANDS[0]!, share: 1 }]), 0);
  const label = size.toLocaleString('en-US');
  rows.push(await step(`import + analyse, ${label} (report db, PostgreSQL)`, size, o, ['--db', db, 'import', file]));
  const args = ['--db', db, 'report', '--brand', BENCH_BRANDS[0]!.name, '--at', o.end.toISOString(), '--window', '48h', '--baseline', '14d', '--format', 'json'];
  const timings: Array<CliRun & { serverCpu: number | null }> = [];
  for (let r = 0; r < o.runs; r++) timings.push(await measured(o, args));
  const found = describeFindings(timings[0]!.stdout);
  const serverCpu = timings.map((t) => t.serverCpu);
  rows.push({
    step: `report, ${label} mentions of one brand (PostgreSQL)`, rows: size, seconds: median(timings.map((t) => t.seconds)), perSecond: null,
    cpuSeconds: median(timings.map((t) => t.cpuSeconds)), peakRssMb: Math.max(...timings.map((t) => t.peakRssMb)),
    note: `median of ${o.runs} (${timings.map((t) => t.seconds.toFixed(2)).join(', ')} s)${serverNote(serverCpu.every((c) => c !== null) ? median(serverCpu as number[]) : null)}; `
      + `${found}`,
  });
}

async function step(name: string, count: number, o: Context, args: string[]): Promise<BenchRow> {
  const run = await measured(o, args);
  return {
    step: name, rows: count, seconds: run.seconds, perSecond: count / run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb,
    note: serverNote(run.serverCpu).replace(/^; /, ''),
  };
}

/** Runs the CLI and, when the server runs on this machine, the CPU the server spent meanwhile. */
async function measured(o: Context, args: string[]): Promise<CliRun & { serverCpu: number | null }> {
  const before = serverCpuSeconds(o.postmaster);
  const run = await runCli(args, o.dir, o.probe);
  const after = serverCpuSeconds(o.postmaster);
  return { ...run, serverCpu: before !== null && after !== null ? after - before : null };
}

function serverNote(seconds: number | null): string {
  return seconds === null ? '' : `; server CPU ${seconds.toFixed(1)} s`;
}

/** The server's main process id when it runs on this machine (Linux /proc), else null. */
async function findPostmaster(store: PostgresStore): Promise<number | null> {
  const [row] = await store.sql`SELECT pg_backend_pid() AS pid`;
  const stat = readStat(row!.pid as number);
  return stat ? stat.ppid : null;
}

/**
 * CPU seconds (user + system) of a server: its main process, its live children, and
 * the children it has reaped (backends of CLI runs that have ended count there).
 */
function serverCpuSeconds(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  const main = readStat(postmaster);
  if (!main) return null;
  let ticks = main.utime + main.stime + main.cutime + main.cstime;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(Number(pid));
    if (stat?.ppid === postmaster) ticks += stat.utime + stat.stime;
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

function readStat(pid: number): { ppid: number; utime: number; stime: number; cutime: number; cstime: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // after "pid (name) ": state ppid … utime stime cutime cstime are fields 4 and 14–17
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
    return { ppid: f[1]!, utime: f[11]!, stime: f[12]!, cutime: f[13]!, cstime: f[14]! };
  } catch {
    return null; // not Linux, or the process ended while we looked
  }
}

/** A command-line argument as it may be printed: a postgres:// URL with its password masked. */
export function maskArgument(arg: string): string {
  return /^postgres(ql)?:\/\//i.test(arg) ? parsePgUrl(arg).location : arg;
}
