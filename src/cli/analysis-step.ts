import type { BrandTerms } from '../analysis/analyze-mention.js';
import type { Config } from '../config/schema.js';
import type { AnalyzeSummary } from '../core/analyze.js';
import type { Store } from '../store/store.js';
import type { CliContext } from './context.js';

/** Brand names and aliases, which topic extraction leaves out of each brand's terms. */
export function brandTermsOf(config: Config): BrandTerms {
  return Object.fromEntries(config.brands.map((b) => [b.name, [b.name, ...b.aliases]]));
}

/** The analysis step shared by import, scan, analyze and run, with a progress spinner. */
export async function runAnalysisStep(ctx: CliContext, store: Store, workers?: number): Promise<AnalyzeSummary> {
  const spinner = ctx.out.spinner('analysing');
  const started = Date.now();
  try {
    // Loaded on use: the NLP model costs ~1 s and ~100 MB, which status, report and
    // export should never pay.
    const { analyzePending } = await import('../core/analyze.js');
    const summary = await analyzePending(store, {
      brandTerms: brandTermsOf(ctx.settings().config),
      workers,
      onProgress: (done, total) => spinner.update(`analysing: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`),
    });
    spinner.stop();
    if (summary.failed > 0) ctx.out.warn(`${summary.failed} mention(s) could not be analysed and were skipped; earshot status lists them`);
    if (summary.analyzed > 0) {
      const seconds = (Date.now() - started) / 1000;
      ctx.out.info(`analysed ${summary.analyzed} mention(s) with ${summary.modelVersion} in ${seconds.toFixed(1)} s`);
    }
    return summary;
  } catch (error) {
    spinner.fail('analysis failed');
    throw error;
  }
}
