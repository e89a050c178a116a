import { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { runAnalysisStep } from '../analysis-step.js';
import { withContext } from '../context.js';
import { parseCount } from '../options.js';

export const analyzeCommand = new Command('analyze')
  .description('score sentiment, topics and near-duplicates for every mention the current model has not scored')
  .option('--workers <n>', 'worker threads, at most one per core (0 = this thread; default: one per core but one, for large backlogs)', parseCount('--workers'))
  .addHelpText('after', '\nExample:\n  $ earshot analyze --workers 2')
  .action(withContext(async (ctx, flags: { workers?: number }) => {
    // each worker holds its own NLP model (~90 MB): more workers than cores only cost memory
    const cores = availableParallelism();
    let workers = flags.workers;
    if (workers !== undefined && workers > cores) {
      ctx.out.warn(`--workers ${workers} is more than the ${cores} core(s) here; using ${cores}`);
      workers = cores;
    }
    const store = await ctx.store();
    const summary = await runAnalysisStep(ctx, store, workers);
    if (summary.analyzed === 0) ctx.out.info(`nothing to analyse: every mention has a result from ${summary.modelVersion}`);
  }));
