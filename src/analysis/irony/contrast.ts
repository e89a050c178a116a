// The negative situation of sarcasm's contrast (Riloff et al., EMNLP 2013, "Sarcasm as
// contrast between a positive sentiment and negative situation"): the post read again
// without the praise that sarcasm borrows ("love", "great", "thanks", "10/10 would
// recommend") and without its emoji ("👍🙂"). What is left of "amazing update, now the app
// crashes before the login screen even loads" is a complaint; what is left of "love how
// crispy the fries were" is not. The complaint model scores the rest, so no list of
// let-downs is needed: any problem it learnt counts.
import { isPraiseWord } from '../complaint/cues.js';
import { scoreComplaintTokens } from '../complaint/score.js';
import type { ComplaintModel } from '../complaint/types.js';
import { scoreTokens } from '../sentiment/score.js';
import type { SentimentModel, SentimentTokens } from '../sentiment/types.js';
import { denseMeaning } from '../vectors/concepts.js';

const BORROWED = new Set(['emoji', 'emoticon']);

/** Whether a post holds anything sarcasm borrows: a praise word or an emoji. */
export function borrowsPraise(tokens: SentimentTokens & { words: readonly string[] }): boolean {
  for (let i = 0; i < tokens.values.length; i++) if (BORROWED.has(tokens.types[i] ?? '') || isPraiseWord(tokens.words[i] ?? '')) return true;
  return false;
}

const kept: { values: string[]; types: string[]; words: string[] } = { values: [], types: [], words: [] };
const meaningScratch: number[] = [];

/**
 * P(complaint) of the post without its praise words and emoji (the situation), its meaning
 * features read again without them too (the praise concept would speak for the praise).
 */
export function situationComplaint(sentiment: SentimentModel, complaint: ComplaintModel, tokens: SentimentTokens & { words: readonly string[] }): number {
  kept.values.length = kept.types.length = kept.words.length = 0;
  for (let i = 0; i < tokens.values.length; i++) {
    if (BORROWED.has(tokens.types[i] ?? '') || isPraiseWord(tokens.words[i] ?? '')) continue;
    kept.values.push(tokens.values[i] ?? '');
    kept.types.push(tokens.types[i] ?? 'word');
    kept.words.push(tokens.words[i] ?? '');
  }
  if (kept.values.length === 0) return 0;
  const meaning = complaint.space ? denseMeaning(complaint.space, kept.values, kept.types, meaningScratch, kept.words) : undefined;
  return scoreComplaintTokens(complaint, kept, scoreTokens(sentiment, kept), { meaning }).score;
}
