// Fitting an adaptation of both models from a store's (or a brand's) human labels.
import { createHash } from 'node:crypto';
import type { AnalysisModels } from '../models.js';
import { adaptSentiment } from './apply.js';
import { complaintExamples, sentimentExamples, type LabelledText } from './examples.js';
import { fitDelta, type AdaptExample } from './fit.js';
import type { ComplaintModel } from '../complaint/types.js';
import type { AdaptSettings, Adaptation, ModelDelta } from './types.js';

/**
 * The method and settings earshot uses, chosen by `npm run bench:adapt` (see the README):
 * continued training of the base weights with an L2 pull toward them. A few epochs at a
 * high rate, because a store has tens to hundreds of labels, not tens of thousands.
 */
export const ADAPT_SETTINGS: AdaptSettings = {
  method: 'pull', epochs: 4, learningRate: 0.05, l2: 0.01, residualBits: 16, classWeightPower: 1, seed: 20261219,
};

/** Fewer labels of a task than this, or only one class of it, and that model is left as the base. */
export const MIN_TASK_LABELS = 10;

export interface AdaptTasks {
  sentiment: boolean;
  complaint: boolean;
}

/** Which tasks have enough labels (and both sides of a decision) to be adapted at all. */
export function trainableTasks(texts: readonly LabelledText[]): AdaptTasks {
  const sentiment = texts.filter((t) => t.sentiment).map((t) => t.sentiment);
  const complaint = texts.filter((t) => typeof t.complaint === 'boolean').map((t) => t.complaint);
  return {
    sentiment: sentiment.length >= MIN_TASK_LABELS && new Set(sentiment).size >= 2,
    complaint: complaint.length >= MIN_TASK_LABELS && new Set(complaint).size >= 2,
  };
}

/**
 * Fits the sentiment change first, then the complaint change with the adapted sentiment
 * model's probabilities as its inputs, as they will be when scoring.
 */
export function fitAdaptation(
  base: AnalysisModels, texts: readonly LabelledText[], options: { brand: string | null; tasks?: AdaptTasks; settings?: AdaptSettings },
): Adaptation {
  const settings = options.settings ?? ADAPT_SETTINGS;
  // in key order: the same labels give the same model and version whatever order they come in
  texts = [...texts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const tasks = options.tasks ?? trainableTasks(texts);
  const sentimentSet = tasks.sentiment ? sentimentExamples(base.sentiment, texts) : [];
  const sentiment = sentimentSet.length > 0 ? fitDelta(sentimentSet, 3, 0, settings) : null;
  const adaptedSentiment = adaptSentiment(base.sentiment, sentiment);
  const complaintSet = tasks.complaint ? complaintExamples(base.complaint, adaptedSentiment, texts) : [];
  const complaint = complaintSet.length > 0 ? fitComplaintDelta(complaintSet, base.complaint, { ...settings, seed: settings.seed + 1 }) : null;
  const labels = { sentiment: sentimentSet.length, complaint: complaintSet.length };
  const digest = createHash('sha256')
    .update(JSON.stringify({ base: base.version, brand: options.brand?.toLowerCase() ?? null, settings, labels }))
    .update(JSON.stringify(texts.map((t) => [t.key, t.sentiment ?? null, t.complaint ?? null])))
    .update(JSON.stringify([sentiment, complaint]))
    .digest('hex').slice(0, 10);
  return {
    format: 'earshot-adaptation/1', version: `${base.version}+adapt-${digest}`, base: base.version, brand: options.brand,
    method: settings.method, sentiment, complaint, labels,
  };
}

/**
 * The labels are fitted class-balanced, so the adapted model decides at P = 0.5. A base
 * whose threshold is not 0.5 is first re-centred (its complaint logit shifted by
 * −logit(threshold)), and its sentiment cut moved by the same shift, so that the adapted
 * model starts out deciding exactly as the base did.
 */
function fitComplaintDelta(examples: readonly AdaptExample[], base: ComplaintModel, settings: AdaptSettings): ModelDelta {
  const offset = logit(base.threshold);
  const recentred = offset === 0 ? examples : examples.map((ex) => ({ ...ex, baseLogits: [ex.baseLogits[0]!, ex.baseLogits[1]! - offset] }));
  const delta = fitDelta(recentred, 2, 2, settings);
  if (offset === 0) return delta;
  const bias = [delta.bias[0]!, Math.round((delta.bias[1]! - (1 + delta.scale) * offset) * 1e6) / 1e6];
  const sentimentCut = Math.round(1e6 / (1 + Math.exp(offset - logit(base.sentimentCut)))) / 1e6;
  return { ...delta, bias, threshold: 0.5, sentimentCut };
}

function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
}
