import type { SentimentResult } from '../sentiment/types.js';
import type { ComplaintResult } from './types.js';

/**
 * The sentiment a likely complaint keeps. The sentiment model learnt general tweets,
 * where "hot", "safe", "new" and "love it but…" are positive; a post that probably
 * reports a problem (P(complaint) ≥ `cut`, the model file's `sentimentCut`) is not
 * praise, so a positive label becomes neutral: the complaint score already says what is
 * wrong. The cut is lower than the yes/no threshold because calling a complaint praise
 * costs more than calling a mixed post neutral; it is chosen in training on
 * tweeteval-val (see train-complaint.ts), never on SemEval test.
 *
 * Two kinds of post are negative whatever their words: a report of harm (`safety`: "love
 * this brand but my kid got a rash from the lotion"), and a complaint told with praise
 * (`contrast`, the praise-plus-problem cue: "love how it broke on day two"), where the
 * praise is the sarcasm.
 */
export function sentimentGivenComplaint(
  sentiment: SentimentResult, complaint: Pick<ComplaintResult, 'score'>, cut: number,
  safety?: { safety: boolean }, contrast = false,
): SentimentResult {
  if (sentiment.label === 'negative') return sentiment;
  if (safety?.safety || (contrast && complaint.score >= cut)) return { ...sentiment, label: 'negative', score: -Math.abs(sentiment.score) };
  if (complaint.score < cut || sentiment.label !== 'positive') return sentiment;
  return { ...sentiment, label: 'neutral' };
}
