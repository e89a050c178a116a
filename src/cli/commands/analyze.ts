import { Command } from 'commander';
import { runAnalysisStep } from '../analysis-step.js';
import { withContext } from '../context.js';

export const analyzeCommand = new Command('analyze')
  .description('score sentiment, topics and near-duplicates for every mention the current model has not scored')
  .option('--workers <n>', 'worker threads (0 = this thread; default: one per core but one, for large backlogs)', (v) => Number(v))
  .addHelpText('after', '\nExample:\n  $ earshot analyze --workers 2')
  .action(withContext(async (ctx, flags: { workers?: number }) => {
    const store = await ctx.store();
    const summary = await runAnalysisStep(ctx, store, flags.workers);
    if (summary.analyzed === 0) ctx.out.info(`nothing to analyse: every mention has a result from ${summary.modelVersion}`);
  }));
