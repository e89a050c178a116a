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
 * A report of harm is negative whatever its words (`safety`: "love this brand but my kid
 * got a rash from the lotion"). Sarcasm (`sarcastic`: the praise-plus-problem contrast read
 * as ironic, "love how it broke on day two") is never positive: negative when it is also a
 * likely complaint, else neutral. A post more likely than not to report harm (P(safety) ≥
 * 0.5) is never positive either.
 */
export function sentimentGivenComplaint(
  sentiment: SentimentResult, complaint: Pick<ComplaintResult, 'score'>, cut: number,
  safety?: { safety: boolean; score: number }, sarcastic = false,
): SentimentResult {
  if (sentiment.label === 'negative') return sentiment;
  if (safety?.safety || (sarcastic && complaint.score >= cut)) return { ...sentiment, label: 'negative', score: -Math.abs(sentiment.score) };
  // more likely than not a harm report, though under the safety threshold: not praise either
  if ((sarcastic || (safety?.score ?? 0) >= 0.5) && sentiment.label === 'positive') return { ...sentiment, label: 'neutral' };
  if (complaint.score < cut || sentiment.label !== 'positive') return sentiment;
  return { ...sentiment, label: 'neutral' };
}
