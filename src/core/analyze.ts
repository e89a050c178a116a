import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzerSetup } from '../analysis/analyze-mention.js';
import { loadAnalysisModels } from '../analysis/models.js';
import type { AnalysisInput, AnalysisRecord, Store } from '../store/store.js';
import type { BacklogFeed } from './backlog-feed.js';

export interface AnalyzeOptions extends AnalyzerSetup {
  /** Worker threads; 0 analyses in this thread. Default: one per core but this one, for large backlogs. */
  workers?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Keep analysing rows as an import stores them, until the feed finishes. */
  follow?: BacklogFeed;
  /** Days before this one get their report aggregates refreshed after analysis. */
  now?: Date;
}

export interface AnalyzeSummary {
  analyzed: number;
  modelVersion: string;
  workers: number;
}

/**
 * This thread is the one SQLite writer, and the bound: it spends more CPU per mention
 * (insert, FTS5, term rows) than a worker spends analysing it. So it keeps a core of its
 * own; a second worker on a 2-core box only idled (workers were idle ~58 % of a 50k
 * import) and cost ~70 MB of RSS and more CPU for the same wall time.
 */
function defaultWorkers(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

/** Analyses saved per transaction. */
const SAVE_ROWS = 4000;

/** Below this backlog, starting workers (≈0.3 s each for the NLP model) costs more than it saves. */
const WORKER_THRESHOLD = 4000;

/** Scores every mention that has no result from the current model version. */
export async function analyzePending(store: Store, options: AnalyzeOptions): Promise<AnalyzeSummary> {
  const models = loadAnalysisModels(options);
  const total = await store.countPendingAnalysis(models.version);
  const workerScript = findWorkerScript();
  // a followed import's backlog is unknown yet: assume it is worth the workers
  const large = total >= WORKER_THRESHOLD || options.follow !== undefined;
  const wanted = options.workers ?? (large ? defaultWorkers() : 0);
  const workers = workerScript ? wanted : 0;
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  // results are written SAVE_ROWS at a time: a larger transaction writes each touched
  // page of the term index (which takes rows in random order) to the WAL once for more
  // rows; 500 → 4000 per transaction took the writer from ~95 to ~75 µs CPU per mention
  let unsaved: AnalysisRecord[] = [];
  const flush = async () => {
    if (unsaved.length === 0) return;
    const results = unsaved;
    unsaved = [];
    await store.saveAnalyses(results);
    done += results.length;
    options.onProgress?.(done, Math.max(total, done));
  };
  const save = async (results: AnalysisRecord[]) => {
    unsaved = unsaved.length === 0 ? results : unsaved.concat(results);
    if (unsaved.length >= SAVE_ROWS) await flush();
  };
  if (total === 0 && !options.follow) return { analyzed: 0, modelVersion: models.version, workers: 0 };
  const batches = pendingBatches(store, models.version, batchSize, options.follow);
  if (workers === 0) {
    // only this path reads docs here: with workers, this thread never builds a wink instance (~55 MB)
    const { createMentionAnalyzer } = await import('../analysis/analyze-mention.js');
    const analyze = createMentionAnalyzer(options, models);
    for await (const batch of batches) await save(batch.map(analyze));
  } else {
    await analyzeWithWorkers(batches, workerScript!, workers, options, save);
  }
  await flush();
  // Past days' report aggregates are refreshed here, at ingest, so a report stays fast.
  if (done > 0) await store.refreshReportRollups(options.now ?? new Date());
  return { analyzed: done, modelVersion: models.version, workers };
}

/**
 * Pending rows in id order. When following an import, an empty read waits for the next
 * stored batch until the import is over. Rows the import updated (ids below the cursor)
 * are left to a plain analyzePending afterwards.
 */
async function* pendingBatches(store: Store, version: string, size: number, follow?: BacklogFeed): AsyncIterable<AnalysisInput[]> {
  let after = 0;
  for (;;) {
    const finished = follow?.done ?? true;
    const batch = await store.pendingAnalysis(version, after, size);
    if (batch.length > 0) {
      after = batch[batch.length - 1]!.rowId;
      yield batch;
    } else if (finished) {
      return;
    } else {
      await follow!.next();
    }
  }
}

/**
 * A worker's live heap is ~25 MB (wink's model, the lexeme memos, one batch), but V8
 * lets an idle-looking heap grow to ~150 MB before it collects. Capping the heaps keeps
 * each worker near 90 MB of RSS at no measurable CPU cost (a 50k import peaked at
 * 400–440 MB for the process, now 280–300 MB). The old-space cap leaves ~4× the live heap, so a long post
 * still fits.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 };

/**
 * Reads batches here, analyses them on workers, writes results here: SQLite keeps one
 * writer, and both cores do NLP. Two batches per worker stay in flight to hide latency.
 */
async function analyzeWithWorkers(
  batches: AsyncIterable<AnalysisInput[]>, script: URL, count: number,
  setup: AnalyzerSetup, save: (results: AnalysisRecord[]) => Promise<void>,
): Promise<void> {
  const pool = Array.from({ length: count }, () => new Worker(script, {
    workerData: { modelPath: setup.modelPath, complaintModelPath: setup.complaintModelPath, brandTerms: setup.brandTerms },
    resourceLimits: WORKER_HEAP,
  }));
  const waiting = new Map<number, { resolve: (r: AnalysisRecord[]) => void; reject: (e: Error) => void }>();
  for (const worker of pool) {
    worker.on('message', (m: { id: number; results?: AnalysisRecord[]; error?: string }) => {
      const pending = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error !== undefined) pending?.reject(new Error(`analysis failed: ${m.error}`));
      else pending?.resolve(m.results!);
    });
    worker.on('error', (error) => { for (const p of waiting.values()) p.reject(error); waiting.clear(); });
  }
  let next = 0;
  const inFlight: Array<Promise<AnalysisRecord[]>> = [];
  try {
    for await (const batch of batches) {
      const id = next++;
      inFlight.push(new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        pool[id % count]!.postMessage({ id, batch });
      }));
      if (inFlight.length >= count * 2) await save(await inFlight.shift()!);
    }
    while (inFlight.length) await save(await inFlight.shift()!);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** The compiled worker; under a TS test runner the dist/ build stands in. */
function findWorkerScript(): URL | null {
  for (const candidate of ['../analysis/analysis-worker.js', '../../dist/analysis/analysis-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}
