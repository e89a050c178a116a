import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysisInput } from '../store/store.js';
import { createMentionAnalyzer, type AnalyzerSetup } from './analyze-mention.js';

/** Worker thread: analyses batches posted by core/analyze.ts and posts the results back. */
const analyze = createMentionAnalyzer(workerData as AnalyzerSetup);
parentPort?.on('message', (message: { id: number; batch: AnalysisInput[] }) => {
  try {
    parentPort?.postMessage({ id: message.id, results: message.batch.map(analyze) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).message });
  }
});
