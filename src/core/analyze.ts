import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzerSetup, MentionAnalyzer } from '../analysis/analyze-mention.js';
import { analyzeOrFail, describeFailure, isFailure, type AnalysisOutcome } from '../analysis/analysis-outcome.js';
import { boundForAnalysis, MAX_ANALYSED_CHARS } from '../analysis/bound-text.js';
import { applyAdaptation, type Adaptation } from '../analysis/adapt/index.js';
import { readBaseVersion } from '../analysis/model-versions.js';
import { loadAnalysisModels, type AnalysisModels } from '../analysis/models.js';
import type { BrandScope, Store } from '../store/store.js';
import type { AnalysisInput, AnalysisRecord } from '../domain/analysis-record.js';
import { analysisJobs, usableAdaptations, type AnalysisJob } from './adapted-models.js';
import type { BacklogFeed } from './backlog-feed.js';
import { findWorkerScript } from './worker-script.js';
import { brandKey } from '../domain/brand-key.js';

export interface AnalyzeOptions extends AnalyzerSetup {
  /** Worker threads; 0 analyses in this thread. Default: one per core but this one, for large backlogs. */
  workers?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Keep analysing rows as an import stores them, until the feed finishes. */
  follow?: BacklogFeed;
  /** Days before this one get their report aggregates refreshed after analysis. */
  now?: Date;
  /** Each worker's heap limits (default WORKER_HEAP). */
  workerHeap?: Worker['resourceLimits'];
}

export interface AnalyzeSummary {
  analyzed: number;
  /** Mentions the analyser could not read this time, recorded with why (see status). */
  failed: number;
  /** The version that scored the most mentions (the base or the store's adapted model, usually). */
  modelVersion: string;
  /** Every version that scored mentions in this run, with how many. */
  versions: Array<{ version: string; analyzed: number }>;
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

/**
 * Scores every mention that has no result from the model version that applies to its
 * brand: the brand's own adapted model, else the store's, else the base models.
 */
export async function analyzePending(store: Store, options: AnalyzeOptions): Promise<AnalyzeSummary> {
  // the models (~80 MB of weight tables, decoded) are loaded only where mentions are
  // analysed: with workers, which load their own, this thread needs only their version
  const baseVersion = readBaseVersion(options);
  let base: AnalysisModels | undefined;
  const modelsFor = (job: AnalysisJob) => (): AnalysisModels => modelsOf((base ??= loadAnalysisModels(options)), job);
  const jobs = analysisJobs(baseVersion, await usableAdaptations(store, baseVersion));
  const runs: Array<{ version: string; analyzed: number; failed: number; workers: number }> = [];
  // the brands without an adapted model of their own go first, following an import if
  // there is one; the brand jobs then run once it is over, so they see all of its rows
  const ordered = [jobs[jobs.length - 1]!, ...jobs.slice(0, -1)];
  for (const [i, job] of ordered.entries()) {
    const follow = i === 0 ? options.follow : undefined;
    const run = await analyzeJob(store, { ...options, follow }, modelsFor(job), job);
    if (follow && follow.mode !== 'read') {
      // what the import did not hand over: rows pending from before it, rows stored twice in a batch
      const rest = await analyzeJob(store, { ...options, follow: undefined }, modelsFor(job), job);
      run.analyzed += rest.analyzed;
      run.failed += rest.failed;
      run.workers = Math.max(run.workers, rest.workers);
    }
    runs.push(run);
  }
  const analyzed = runs.reduce((n, r) => n + r.analyzed, 0);
  // Past days' report aggregates are refreshed here, at ingest, so a report stays fast.
  if (analyzed > 0) await store.refreshReportRollups(options.now ?? new Date());
  const main = [...runs].sort((a, b) => b.analyzed - a.analyzed)[0]!;
  return {
    analyzed, failed: runs.reduce((n, r) => n + r.failed, 0),
    modelVersion: analyzed > 0 ? main.version : runs[runs.length - 1]!.version,
    versions: runs.filter((r) => r.analyzed > 0).map(({ version, analyzed: n }) => ({ version, analyzed: n })),
    workers: Math.max(...runs.map((r) => r.workers)),
  };
}

function modelsOf(base: AnalysisModels, job: AnalysisJob): AnalysisModels {
  return job.adaptation ? applyAdaptation(base, job.adaptation) : base;
}

async function analyzeJob(
  store: Store, options: AnalyzeOptions, loadModels: () => AnalysisModels, job: AnalysisJob,
): Promise<{ analyzed: number; failed: number; version: string; workers: number }> {
  const scope = job.scope;
  const version = job.version;
  const total = await store.countPendingAnalysis(version, scope);
  // a followed import's backlog is unknown yet: assume it is worth the workers
  const large = total >= WORKER_THRESHOLD || options.follow !== undefined;
  const wanted = options.workers ?? (large ? defaultWorkers() : 0);
  const workerScript = wanted > 0 ? findWorkerScript(import.meta.url) : null;
  const workers = workerScript ? wanted : 0;
  const batchSize = options.batchSize ?? 500;
  let done = 0;
  // results are written SAVE_ROWS at a time: a larger transaction writes each touched
  // page of the term index (which takes rows in random order) to the WAL once for more
  // rows; 500 → 4000 per transaction took the writer from ~95 to ~75 µs CPU per mention
  let unsaved: AnalysisRecord[] = [];
  let failed = 0;
  const flush = async () => {
    if (unsaved.length === 0) return;
    const results = unsaved;
    unsaved = [];
    await store.saveAnalyses(results);
    done += results.length;
    options.onProgress?.(done, Math.max(total, done));
  };
  const save = async (outcomes: AnalysisOutcome[]) => {
    const failures = outcomes.filter(isFailure);
    const results = failures.length ? outcomes.filter((o): o is AnalysisRecord => !isFailure(o)) : outcomes as AnalysisRecord[];
    // failures are written at once: they are few, and a crash must not make them pending again
    if (failures.length) {
      await store.saveAnalysisFailures(failures);
      failed += failures.length;
    }
    unsaved = unsaved.length === 0 ? results : unsaved.concat(results);
    if (unsaved.length >= SAVE_ROWS) await flush();
  };
  if (total === 0 && !options.follow) return { analyzed: 0, failed: 0, version, workers: 0 };
  const batches = pendingBatches(store, version, batchSize, options.follow, scope);
  // only a thread that analyses reads docs: with workers, this one builds a wink instance (~55 MB) only if one of them dies
  let local: MentionAnalyzer | undefined;
  const analyzeHere = async (batch: AnalysisInput[]): Promise<AnalysisOutcome[]> => {
    local ??= (await import('../analysis/analyze-mention.js')).createMentionAnalyzer(options, loadModels());
    return batch.map((input) => analyzeOrFail(local!, input));
  };
  if (workers === 0) {
    for await (const batch of batches) await save(await analyzeHere(batch));
  } else {
    await analyzeWithWorkers(batches, workerScript!, workers, { ...options, heap: options.workerHeap ?? WORKER_HEAP, adaptation: job.adaptation }, save, analyzeHere);
  }
  await flush();
  return { analyzed: done, failed, version, workers };
}

/**
 * Pending rows in id order. When following an import, the rows it hands over (see
 * BacklogFeed), or else an empty read waits for the next stored batch, until the import
 * is over. Rows the import updated are left to a plain pass afterwards.
 */
async function* pendingBatches(store: Store, version: string, size: number, follow?: BacklogFeed, scope?: BrandScope): AsyncIterable<AnalysisInput[]> {
  let after = 0;
  for (;;) {
    const handed = follow?.take();
    if (handed) {
      // the import's own rows, as stored: no read back (the rest is read after it)
      const kept = handed.filter((input) => inScope(input, scope));
      for (let i = 0; i < kept.length; i += size) yield bounded(kept.slice(i, i + size));
      continue;
    }
    const finished = follow?.done ?? true;
    if (follow && follow.mode !== 'read') {
      if (finished) return;
      await follow.next();
      continue;
    }
    const batch = await store.pendingAnalysis(version, after, size, scope);
    if (batch.length > 0) {
      after = batch[batch.length - 1]!.rowId;
      yield bounded(batch);
    } else if (finished) {
      return;
    } else {
      await follow!.next();
    }
  }
}

/** The analyser reads a bounded prefix: a 10 MB post is not copied to a worker whole. */
function bounded(batch: AnalysisInput[]): AnalysisInput[] {
  for (const input of batch) if (input.text.length > MAX_ANALYSED_CHARS) input.text = boundForAnalysis(input.text);
  return batch;
}

/**
 * Whether a handed-over mention is this job's, as brandScopeSql reads a scope (brand
 * names compared by their keys). The job that follows an import has at most
 * `exceptBrands`; a narrower scope takes none here and reads its rows afterwards.
 */
function inScope(input: AnalysisInput, scope: BrandScope | undefined): boolean {
  if (!scope) return true;
  if (scope.brands) return false;
  const except = new Set((scope.exceptBrands ?? []).map(brandKey));
  return !input.brands.some((brand) => except.has(brandKey(brand)));
}

/**
 * V8 lets an idle-looking heap grow well past its live data before it collects, so the
 * workers' heaps are capped. The cap must leave room for what the analyser holds: ~70 MB
 * live once loaded (wink's model ~17 MB, the language detector's n-grams ~46 MB, the
 * models' JSON), plus what real text makes it remember (wink's learnt lexicon until its
 * rebuild, the word memos), ~30 MB more. At 96 MB (chosen when the live heap was ~25 MB)
 * a worker ran out of memory on real text every few thousand posts, and its batches were
 * analysed again on the store's thread (test/core/worker-heap.test.ts).
 */
export const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 160 };

/**
 * Batches queued on each worker. This thread works in long synchronous stretches (a
 * 4,000-row save is ~140 ms, an import batch ~25 ms) and posts nothing meanwhile: with 2
 * batches (~50 ms of a worker's work) queued, the worker idled through them (31 % of a
 * 200k import) and then this thread waited on it. 8 batches cover a save: 200k import
 * 20.2 → 16.4 s, 1M 99 → 84 s, same CPU (4: 18.0 s, 16: 16.7 s, 32: 17.3 s).
 */
const IN_FLIGHT_PER_WORKER = 8;

type WorkerSetup = AnalyzerSetup & { heap: Worker['resourceLimits']; adaptation: Adaptation | null };

/**
 * Reads batches here, analyses them on workers, writes results here: SQLite keeps one
 * writer, and both cores do NLP. IN_FLIGHT_PER_WORKER batches per worker stay queued.
 * A worker that dies (out of memory, say) takes no batch with it: the batches it held
 * are analysed here, mention by mention, and a fresh worker takes its place.
 */
async function analyzeWithWorkers(
  batches: AsyncIterable<AnalysisInput[]>, script: URL, count: number, setup: WorkerSetup,
  save: (outcomes: AnalysisOutcome[]) => Promise<void>, analyzeHere: (batch: AnalysisInput[]) => Promise<AnalysisOutcome[]>,
): Promise<void> {
  const waiting = new Map<number, { slot: number; batch: AnalysisInput[]; resolve: (r: AnalysisOutcome[] | Promise<AnalysisOutcome[]>) => void }>();
  const start = (slot: number): Worker => {
    const worker = new Worker(script, { workerData: { modelPath: setup.modelPath, complaintModelPath: setup.complaintModelPath, brandTerms: setup.brandTerms, adaptation: setup.adaptation },
      resourceLimits: setup.heap,
    });
    worker.on('message', (m: { id: number; results: AnalysisOutcome[] }) => {
      const pending = waiting.get(m.id);
      waiting.delete(m.id);
      pending?.resolve(m.results);
    });
    worker.once('error', (error) => {
      // a worker that dies again and again (a heap too small for the model) is not replaced forever
      pool[slot] = ++deaths <= count * 2 ? start(slot) : null;
      for (const [id, p] of waiting) {
        if (p.slot !== slot) continue;
        waiting.delete(id);
        // a mention that still fails here is recorded with the worker's error as its reason
        p.resolve(analyzeHere(p.batch).then((outcomes) => outcomes.map((o) => withWorkerError(o, error))));
      }
    });
    return worker;
  };
  let deaths = 0;
  const pool: Array<Worker | null> = [];
  for (let slot = 0; slot < count; slot++) pool.push(start(slot));
  let next = 0;
  const inFlight: Array<Promise<AnalysisOutcome[]>> = [];
  try {
    for await (const batch of batches) {
      const id = next++;
      const slot = id % count;
      const worker = pool[slot];
      inFlight.push(worker ? new Promise((resolve) => {
        waiting.set(id, { slot, batch, resolve });
        worker.postMessage({ id, batch });
      }) : analyzeHere(batch));
      if (inFlight.length >= count * IN_FLIGHT_PER_WORKER) await save(await inFlight.shift()!);
    }
    while (inFlight.length) await save(await inFlight.shift()!);
  } finally {
    await Promise.all(pool.map((w) => w?.terminate()));
  }
}

/** Failures of a batch re-read after its worker died carry that death in their reason. */
function withWorkerError(outcome: AnalysisOutcome, error: Error): AnalysisOutcome {
  return isFailure(outcome) ? { ...outcome, reason: `${outcome.reason} (after a worker died: ${describeFailure(error)})` } : outcome;
}
