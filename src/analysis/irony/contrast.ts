// The two sides of sarcasm's contrast (Riloff et al., EMNLP 2013, "Sarcasm as contrast
// between a positive sentiment and negative situation"), read off the sentiment model's own
// word weights: the most positive token of a post ("love", "great", "👍", "10/10") and its
// most negative one ("crushed", "cold", "lost", "delayed"). A post the sentiment model reads
// as positive that also holds a clearly negative word is a candidate for sarcasm; the irony
// head decides. No list: any word the sentiment model learnt counts, emoji included.
import { extractFeatures } from '../sentiment/features.js';
import type { SentimentModel, SentimentTokens } from '../sentiment/types.js';

export interface PolarityContrast {
  /** The largest positive-minus-negative weight of one token (0 when none leans positive). */
  positive: number;
  /** The largest negative-minus-positive weight of one token (0 when none leans negative). */
  negative: number;
}

const one: { values: string[]; types: string[] } = { values: [''], types: [''] };
const scratch: number[] = [];

export function polarityContrast(model: SentimentModel, tokens: Pick<SentimentTokens, 'values' | 'types'>): PolarityContrast {
  const classes = model.labels.length;
  const neg = model.labels.indexOf('negative');
  const pos = model.labels.indexOf('positive');
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < tokens.values.length; i++) {
    const type = tokens.types[i] ?? 'word';
    if (type === 'punctuation' || type === 'url' || type === 'mention') continue;
    one.values[0] = tokens.values[i] ?? '';
    one.types[0] = type;
    let lean = 0;
    for (const f of extractFeatures(one, model.settings, scratch)) lean += (model.weights[f * classes + pos] ?? 0) - (model.weights[f * classes + neg] ?? 0);
    if (lean > positive) positive = lean;
    if (-lean > negative) negative = -lean;
  }
  return { positive, negative };
}
