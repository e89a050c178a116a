// `npm run bench -- --time-report DB [--brand NAME] [--runs 5]`: builds the bench's report
// in-process on an existing store (a --keep'd report database, or a postgres:// URL) and
// times it with the status command's store call: wall and CPU time per run, and which
// store calls took the time (summed wall time of each; baselineTerms starts before
// windowTerms and reads on a thread meanwhile, so those two overlap). Read-only, as the
// report and status commands open stores.
import { buildReport } from '../../core/report.js';
import { openStore, type Store } from '../../store/index.js';
import { median } from './run-cli.js';

export interface ReportTiming {
  report: { wallMs: number[]; cpuMs: number[]; calls: Record<string, number> };
  status: { wallMs: number[]; cpuMs: number[] };
}

export async function timeReport(location: string, brand: string, at: Date, runs: number): Promise<ReportTiming> {
  const store = await openStore(location, { readOnly: true });
  const calls: Record<string, number[]> = {};
  const timed = withCallTimes(store, calls);
  const result: ReportTiming = { report: { wallMs: [], cpuMs: [], calls: {} }, status: { wallMs: [], cpuMs: [] } };
  try {
    for (let r = 0; r < runs; r++) {
      const [wall, cpu] = await measure(() => buildReport(timed, { brand, at, windowHours: 48, baselineHours: 336, top: 5, minMentions: 5 }));
      result.report.wallMs.push(wall);
      result.report.cpuMs.push(cpu);
    }
    for (let r = 0; r < runs; r++) {
      const [wall, cpu] = await measure(() => store.status());
      result.status.wallMs.push(wall);
      result.status.cpuMs.push(cpu);
    }
  } finally {
    await store.close();
  }
  for (const [name, times] of Object.entries(calls)) result.report.calls[name] = round(times.reduce((a, b) => a + b, 0) / runs);
  return result;
}

/** "report 412 ms (CPU 398), of which windowTerms 120, …; status 12 ms": medians. */
export function describeTiming(t: ReportTiming): string {
  const calls = Object.entries(t.report.calls).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
  return `report ${round(median(t.report.wallMs))} ms (CPU ${round(median(t.report.cpuMs))}; runs ${t.report.wallMs.map(round).join(', ')}), `
    + `store calls per report: ${calls}; status ${round(median(t.status.wallMs))} ms (CPU ${round(median(t.status.cpuMs))})`;
}

async function measure(run: () => Promise<unknown>): Promise<[wallMs: number, cpuMs: number]> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await run();
  const used = process.cpuUsage(cpu);
  return [Number(process.hrtime.bigint() - start) / 1e6, (used.user + used.system) / 1000];
}

/** The store with each report query's wall time recorded under its name. */
function withCallTimes(store: Store, calls: Record<string, number[]>): Store {
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return async (...args: unknown[]) => {
        const start = process.hrtime.bigint();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          (calls[key] ??= []).push(Number(process.hrtime.bigint() - start) / 1e6);
        }
      };
    },
  });
}

function round(x: number): number {
  return Math.round(x);
}
