// The analyser on a worker thread, as `earshot analyze` runs it (same script, same heap
// limits), fed from memory: what one mention costs a worker, without the store's work.
// The main thread only posts batches and waits, so the process's CPU is the worker's
// (plus message passing, which the real pipeline pays too).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisInput } from '../../domain/analysis-record.js';
import { median } from './run-cli.js';
import { benchInput } from './wink-rate.js';

export interface WorkerRate {
  heap: NonNullable<Worker['resourceLimits']>;
  /** Median CPU µs per mention over the passes (process, all threads). */
  cpuMicrosPerMention: number;
  passes: number[];
}

const SCRIPT = fileURLToPath(new URL('../../analysis/analysis-worker.js', import.meta.url));
const BATCH = 500;

/** Analyses `texts` on one worker `runs` times after a warm-up pass, two batches in flight. */
export async function measureWorkerRate(texts: readonly string[], heap: NonNullable<Worker['resourceLimits']>, runs = 3): Promise<WorkerRate> {
  const worker = new Worker(SCRIPT, { workerData: { brandTerms: {} }, resourceLimits: heap });
  const batches: AnalysisInput[][] = [];
  for (let i = 0; i < texts.length; i += BATCH) batches.push(texts.slice(i, i + BATCH).map((t, j) => benchInput(t, i + j)));
  const waiting = new Map<number, () => void>();
  worker.on('message', (m: { id: number }) => {
    waiting.get(m.id)?.();
    waiting.delete(m.id);
  });
  let next = 0;
  const send = (batch: AnalysisInput[]) => new Promise<void>((done) => {
    const id = next++;
    waiting.set(id, done);
    worker.postMessage({ id, batch });
  });
  const pass = async () => {
    const inFlight: Array<Promise<void>> = [];
    for (const batch of batches) {
      inFlight.push(send(batch));
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
  };
  try {
    await pass();
    const passes: number[] = [];
    for (let r = 0; r < runs; r++) {
      const cpu = process.cpuUsage();
      await pass();
      const used = process.cpuUsage(cpu);
      passes.push((used.user + used.system) / texts.length);
    }
    return { heap, cpuMicrosPerMention: median(passes), passes };
  } finally {
    await worker.terminate();
  }
}
