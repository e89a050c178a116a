import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisInput } from '../store/store.js';
import { createMentionAnalyzer, type AnalyzerSetup } from './analyze-mention.js';
import { analyzeOrFail } from './analysis-outcome.js';

/** Worker thread: analyses batches posted by core/analyze.ts and posts the results (or each mention's failure) back. */
const analyze = createMentionAnalyzer(workerData as AnalyzerSetup);
parentPort?.on('message', (message: { id: number; batch: AnalysisInput[] }) => {
  parentPort?.postMessage({ id: message.id, results: message.batch.map((input) => analyzeOrFail(analyze, input)) });
});
