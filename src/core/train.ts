// earshot train: fit an adaptation of the models from the store's (or a brand's) human
// labels, compare it with the base on labels it was not fitted on, and switch to it
// only where it is better.
import type { AdaptEvaluation, AdaptTasks, Adaptation, LabelledText } from '../analysis/adapt/index.js';
import type { ModelPaths } from '../analysis/models.js';
import { UserError } from '../errors.js';
import type { Store } from '../store/store.js';
import { brandScope } from './brand-scope.js';

export interface TrainOptions extends ModelPaths {
  /** Adapt for this brand only (as stored); undefined: for the whole store. */
  brand?: string;
  dryRun?: boolean;
  now: Date;
}

export interface TrainOutcome {
  brand: string | null;
  /** Labelled mentions read (either label). */
  labelled: number;
  evaluation: AdaptEvaluation;
  /** Tasks whose adapted model was better on the held-out labels, and so are used. */
  kept: AdaptTasks;
  /** The saved (or, with --dry-run, the would-be) adaptation; null when nothing was better. */
  adaptation: Adaptation | null;
  switched: boolean;
  /** Mentions the next analyze re-scores with it. */
  toRescore: number;
}

export async function trainAdaptation(store: Store, options: TrainOptions): Promise<TrainOutcome> {
  // the NLP model and the adaptation code load only for this command
  const [{ evaluateAdaptation, fitAdaptation, trainableTasks, ADAPT_SETTINGS, MIN_TASK_LABELS }, { loadAnalysisModels }, { getTokenizer }, { readSentimentTokens }] =
    await Promise.all([import('../analysis/adapt/index.js'), import('../analysis/models.js'), import('../analysis/nlp.js'), import('../analysis/sentiment/score.js')]);
  const brand = options.brand ?? null;
  const rows = await store.labelledMentions(options.brand);
  const tokenizer = getTokenizer();
  const texts: LabelledText[] = rows.map((r) => ({
    key: `${r.source}:${r.id}`, tokens: readSentimentTokens(tokenizer.readDoc(r.text)), lang: r.lang, sentiment: r.sentiment, complaint: r.complaint,
  }));
  const tasks = trainableTasks(texts);
  if (!tasks.sentiment && !tasks.complaint) {
    const s = rows.filter((r) => r.sentiment).length;
    const c = rows.filter((r) => r.complaint !== null).length;
    throw new UserError(`not enough labels to train${brand ? ` for ${brand}` : ''}: ${s} sentiment and ${c} complaint label(s)`,
      `label at least ${MIN_TASK_LABELS} mentions of one kind, both ways (earshot review lists the ones that teach most)`);
  }
  const base = loadAnalysisModels(options);
  const evaluation = evaluateAdaptation(base, texts, { tasks });
  const kept = {
    sentiment: evaluation.sentiment !== null && evaluation.sentiment.adapted > evaluation.sentiment.base,
    complaint: evaluation.complaint !== null && evaluation.complaint.adapted > evaluation.complaint.base,
  };
  const adaptation = kept.sentiment || kept.complaint ? fitAdaptation(base, texts, { brand, tasks: kept, settings: ADAPT_SETTINGS }) : null;
  const scope = brand ? brandScope(brand, await ownBrands(store, base.version)) : await storeScope(store, base.version);
  let switched = false;
  if (adaptation && !options.dryRun) {
    await store.saveAdaptation({
      version: adaptation.version, brand, baseVersion: base.version, method: adaptation.method,
      sentimentLabels: adaptation.labels.sentiment, complaintLabels: adaptation.labels.complaint,
      evaluation: JSON.stringify(evaluation), payload: JSON.stringify(adaptation), createdAt: options.now.toISOString(),
    });
    switched = true;
  }
  const toRescore = adaptation ? await store.countPendingAnalysis(adaptation.version, scope) : 0;
  return { brand, labelled: rows.length, evaluation, kept, adaptation, switched, toRescore };
}

/** The whole store's adaptation applies to every brand without one of its own. */
async function storeScope(store: Store, baseVersion: string) {
  const own = await ownBrands(store, baseVersion);
  return own.length ? { exceptBrands: own } : undefined;
}

async function ownBrands(store: Store, baseVersion: string): Promise<string[]> {
  return (await store.activeAdaptations()).filter((a) => a.brand !== null && a.baseVersion === baseVersion).map((a) => a.brand!);
}
