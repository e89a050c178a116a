// Labelled texts → training examples for each model, with the base model's logits.
import { complaintDense, extractComplaintFeatures } from '../complaint/score.js';
import { COMPLAINT_DENSE } from '../complaint/types.js';
import { denseMeaning } from '../vectors/concepts.js';
import type { ComplaintModel } from '../complaint/types.js';
import { extractFeatures } from '../sentiment/features.js';
import { weightAt } from '../sentiment/model-file.js';
import { isMaybeEnglish, predictProbs } from '../sentiment/score.js';
import { SENTIMENT_LABELS, type SentimentLabel, type SentimentModel, type SentimentTokens } from '../sentiment/types.js';
import type { AdaptExample } from './fit.js';

/** One mention a person labelled: either label may be missing. */
export interface LabelledText {
  /** Stable key (e.g. `source:id`): folds and the version id are derived from it. */
  key: string;
  tokens: SentimentTokens;
  lang?: string | null;
  sentiment?: SentimentLabel | null;
  complaint?: boolean | null;
}

/** Inputs and base logits of the sentiment model for one text. */
export function sentimentInput(model: SentimentModel, tokens: SentimentTokens): Omit<AdaptExample, 'label'> {
  const features = extractFeatures(tokens, model.settings, []);
  return { features, dense: [], baseLogits: predictProbs(model, features).map((p) => Math.log(Math.max(p, 1e-12))) };
}

/** Inputs and base logits of the complaint model, given the sentiment model whose probabilities feed it. */
export function complaintInput(model: ComplaintModel, sentiment: SentimentModel, tokens: SentimentTokens): Omit<AdaptExample, 'label'> {
  const probs = predictProbs(sentiment, extractFeatures(tokens, sentiment.settings, []));
  const meaning = model.settings.meaning && model.space ? denseMeaning(model.space, tokens.values, tokens.types, []) : undefined;
  const dense = complaintDense({ probs: { negative: probs[0] ?? 0, neutral: probs[1] ?? 0, positive: probs[2] ?? 0 } }, meaning);
  const features = extractComplaintFeatures(tokens, model.settings, []);
  const logits = [model.bias[0] ?? 0, model.bias[1] ?? 0];
  for (const f of features) for (let c = 0; c < 2; c++) logits[c]! += weightAt(model, f * 2 + c);
  dense.forEach((x, d) => { for (let c = 0; c < 2; c++) logits[c]! += x * (model.dense[d * 2 + c] ?? 0); });
  // the delta adapts the sentiment inputs only; the meaning features stay in the base logits
  return { features, dense: dense.slice(0, COMPLAINT_DENSE.length), baseLogits: logits };
}

/** Only English (or unknown-language) texts: the models leave the others unscored. */
export function usable(texts: readonly LabelledText[]): LabelledText[] {
  return texts.filter((t) => isMaybeEnglish(t.lang));
}

export function sentimentExamples(model: SentimentModel, texts: readonly LabelledText[]): AdaptExample[] {
  return usable(texts).filter((t) => t.sentiment).map((t) => ({ ...sentimentInput(model, t.tokens), label: SENTIMENT_LABELS.indexOf(t.sentiment!) }));
}

export function complaintExamples(model: ComplaintModel, sentiment: SentimentModel, texts: readonly LabelledText[]): AdaptExample[] {
  return usable(texts).filter((t) => typeof t.complaint === 'boolean')
    .map((t) => ({ ...complaintInput(model, sentiment, t.tokens), label: t.complaint ? 1 : 0 }));
}
