// Honest evaluation of an adaptation on the labels themselves: every label is scored by
// a model fitted without it (k-fold cross-validation, or one held-out fifth when there
// are many), and base and adapted are compared on the same held-out labels.
import { createHash } from 'node:crypto';
import { sentimentGivenComplaint } from '../complaint/adjust.js';
import { scoreComplaintTokens } from '../complaint/score.js';
import type { AnalysisModels } from '../models.js';
import { scoreTokens } from '../sentiment/score.js';
import type { SentimentLabel, SentimentTokens } from '../sentiment/types.js';
import { ADAPT_SETTINGS, fitAdaptation, trainableTasks, type AdaptTasks } from './adapt.js';
import { applyAdaptation } from './apply.js';
import { usable, type LabelledText } from './examples.js';
import type { AdaptSettings } from './types.js';

/** From this many labelled mentions on, one held-out fifth; below it, 5-fold cross-validation. */
export const HOLDOUT_FROM = 400;
const FOLDS = 5;

export interface TaskEvaluation {
  labels: number;
  base: number;
  adapted: number;
}

export interface AdaptEvaluation {
  scheme: 'cross-validation' | 'held-out';
  /** How many labelled mentions were scored held out. */
  heldOut: number;
  sentiment: TaskEvaluation | null;
  complaint: TaskEvaluation | null;
}

/** What the analysis stores for a text: the effective sentiment label and the complaint yes/no. */
export function predictLabels(models: AnalysisModels, tokens: SentimentTokens, lang?: string | null): { sentiment: SentimentLabel; complaint: boolean } {
  const raw = scoreTokens(models.sentiment, tokens, { lang });
  const complaint = scoreComplaintTokens(models.complaint, tokens, raw, { lang });
  return { sentiment: sentimentGivenComplaint(raw, complaint, models.complaint.sentimentCut).label, complaint: complaint.complaint };
}

/** Fold of a label, from its key: stable whatever order the labels come in. */
export function foldOf(key: string, folds = FOLDS): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % folds;
}

export function evaluateAdaptation(
  base: AnalysisModels, texts: readonly LabelledText[], options: { tasks?: AdaptTasks; settings?: AdaptSettings } = {},
): AdaptEvaluation {
  const all = usable(texts);
  const tasks = options.tasks ?? trainableTasks(all);
  const scheme = all.length >= HOLDOUT_FROM ? 'held-out' : 'cross-validation';
  const rounds = scheme === 'held-out' ? [0] : Array.from({ length: FOLDS }, (_, k) => k);
  const gold: { sentiment: string[]; complaint: string[] } = { sentiment: [], complaint: [] };
  const basePred: typeof gold = { sentiment: [], complaint: [] };
  const adaptedPred: typeof gold = { sentiment: [], complaint: [] };
  let heldOut = 0;
  for (const k of rounds) {
    const test = all.filter((t) => foldOf(t.key) === k);
    const train = all.filter((t) => foldOf(t.key) !== k);
    const trainTasks = trainableTasks(train);
    const adaptation = fitAdaptation(base, train, {
      brand: null, settings: options.settings ?? ADAPT_SETTINGS,
      tasks: { sentiment: tasks.sentiment && trainTasks.sentiment, complaint: tasks.complaint && trainTasks.complaint },
    });
    const adapted = applyAdaptation(base, adaptation);
    heldOut += test.length;
    for (const t of test) {
      const b = predictLabels(base, t.tokens, t.lang);
      const a = predictLabels(adapted, t.tokens, t.lang);
      if (t.sentiment) {
        gold.sentiment.push(t.sentiment);
        basePred.sentiment.push(b.sentiment);
        adaptedPred.sentiment.push(a.sentiment);
      }
      if (typeof t.complaint === 'boolean') {
        gold.complaint.push(String(t.complaint));
        basePred.complaint.push(String(b.complaint));
        adaptedPred.complaint.push(String(a.complaint));
      }
    }
  }
  const task = (name: 'sentiment' | 'complaint'): TaskEvaluation | null => (tasks[name] ? {
    labels: gold[name].length, base: macroF1(gold[name], basePred[name]), adapted: macroF1(gold[name], adaptedPred[name]),
  } : null);
  return { scheme, heldOut, sentiment: task('sentiment'), complaint: task('complaint') };
}

/** Macro-F1 over the classes that occur in the gold labels or the predictions (as scikit-learn does). */
export function macroF1(gold: readonly string[], predicted: readonly string[]): number {
  const classes = [...new Set([...gold, ...predicted])];
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, i) => {
      const p = predicted[i];
      if (g === c && p === c) tp++;
      else if (p === c) fp++;
      else if (g === c) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classes.length;
}
