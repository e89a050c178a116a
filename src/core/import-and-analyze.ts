import type { BrandTerms } from '../analysis/analyze-mention.js';
import type { RawRecord } from '../ingest/readers.js';
import type { Store } from '../store/store.js';
import type { AnalyzeSummary } from './analyze.js';
import { BacklogFeed } from './backlog-feed.js';
import { importMentions, type ImportOptions, type ImportSummary } from './import.js';

export interface ImportAndAnalyzeOptions extends Omit<ImportOptions, 'afterBatch' | 'onProgress'> {
  /** Analyse while importing (false: store only, as `import --no-analyze`). */
  analyze: boolean;
  brandTerms: BrandTerms;
  /** The import's running totals and the mentions analysed so far, after each stored batch. */
  onProgress?: (summary: ImportSummary, analysed: number) => void;
  /** The import is stored; the analysis of its last rows is still going on. */
  onImported?: () => void;
}

/**
 * Imports, and unless told not to, analyses on worker threads while this thread parses
 * and inserts: both cores work through the whole import instead of one after the other.
 * The analysis follows the stored rows forward by row id, so updated rows whose text
 * changed are left for a later analysis run (`updated` in the summary says whether one is due).
 */
export async function importAndAnalyze(
  store: Store, records: AsyncIterable<RawRecord>, options: ImportAndAnalyzeOptions,
): Promise<{ summary: ImportSummary; analysis?: AnalyzeSummary }> {
  const { analyze, brandTerms, onProgress, onImported, ...importOptions } = options;
  const feed = analyze ? new BacklogFeed() : undefined;
  let analysed = 0;
  // loaded on use (the NLP model costs ~1 s and ~100 MB); settled at once, so a failure
  // during the import is not an unhandled rejection
  const analysis = feed && import('./analyze.js').then(({ analyzePending }) => analyzePending(store, {
    brandTerms, follow: feed, onProgress: (done) => { analysed = done; },
  })).then((value) => ({ value }), (error: unknown) => ({ error }));
  try {
    const summary = await importMentions(store, records, {
      ...importOptions,
      afterBatch: feed && ((outcome) => feed.stored(outcome)),
      onProgress: onProgress && ((s) => onProgress(s, analysed)),
    });
    feed?.finish();
    onImported?.();
    const outcome = await analysis;
    if (outcome && 'error' in outcome) throw outcome.error;
    return { summary, analysis: outcome?.value };
  } finally {
    feed?.finish();
    await analysis; // an import error wins; the workers still stop before it is reported
  }
}
