import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisInput } from '../domain/analysis-record.js';
import { applyAdaptation, type Adaptation } from './adapt/index.js';
import { createMentionAnalyzer, type AnalyzerSetup } from './analyze-mention.js';
import { analyzeOrFail } from './analysis-outcome.js';
import { loadAnalysisModels } from './models.js';

/**
 * Worker thread: analyses batches posted by core/analyze.ts (with the adapted model, if
 * any) and posts the results (or each mention's failure) back.
 */
const setup = workerData as AnalyzerSetup & { adaptation?: Adaptation | null };
const base = loadAnalysisModels(setup);
const analyze = createMentionAnalyzer(setup, setup.adaptation ? applyAdaptation(base, setup.adaptation) : base);
parentPort?.on('message', (message: { id: number; batch: AnalysisInput[] }) => {
  parentPort?.postMessage({ id: message.id, results: message.batch.map((input) => analyzeOrFail(analyze, input)) });
});
