// Which unlabelled mentions a person should label next: those the models are least sure
// about (closest to a decision boundary), spread over topics so that one loud thread
// does not take every slot.
import { scoreComplaintTokens } from '../complaint/score.js';
import type { AnalysisModels } from '../models.js';
import { isMaybeEnglish, scoreTokens } from '../sentiment/score.js';
import type { SentimentLabel, SentimentTokens } from '../sentiment/types.js';

export type ReviewTask = 'both' | 'sentiment' | 'complaint';

export interface ReviewScore {
  /** 0 (sure) … 1 (on the boundary). */
  uncertainty: number;
  sentiment: SentimentLabel;
  /** P(top class) − P(second class). */
  sentimentMargin: number;
  /** The second most likely sentiment: what the label would be on the other side of the margin. */
  runnerUp: SentimentLabel;
  complaintScore: number;
  /** |P(complaint) − threshold|, scaled to 0–1. */
  complaintMargin: number;
  complaintThreshold: number;
  /** The decision the uncertainty comes from (for `both`, the less sure one). */
  doubtAbout: 'sentiment' | 'complaint';
}

/** How sure the models are about one text; `null` for a text they do not score (another language). */
export function reviewScore(models: AnalysisModels, tokens: SentimentTokens, lang: string | null | undefined, task: ReviewTask = 'both'): ReviewScore | null {
  if (!isMaybeEnglish(lang)) return null;
  const sentiment = scoreTokens(models.sentiment, tokens, { lang });
  const complaint = scoreComplaintTokens(models.complaint, tokens, sentiment, { lang });
  const ranked = (Object.entries(sentiment.probs) as Array<[SentimentLabel, number]>).sort((a, b) => b[1] - a[1]);
  const sentimentMargin = (ranked[0]?.[1] ?? 0) - (ranked[1]?.[1] ?? 0);
  const t = models.complaint.threshold;
  const complaintMargin = Math.abs(complaint.score - t) / Math.max(t, 1 - t);
  const closeness = task === 'sentiment' ? 1 - sentimentMargin
    : task === 'complaint' ? 1 - complaintMargin : Math.max(1 - sentimentMargin, 1 - complaintMargin);
  const doubtAbout = task === 'sentiment' || (task === 'both' && sentimentMargin <= complaintMargin) ? 'sentiment' : 'complaint';
  const runnerUp = ranked.find(([label]) => label !== sentiment.label)?.[0] ?? sentiment.label;
  return { uncertainty: closeness, sentiment: sentiment.label, sentimentMargin, runnerUp, complaintScore: complaint.score, complaintMargin, complaintThreshold: t, doubtAbout };
}

export interface ReviewCandidate {
  key: string;
  uncertainty: number;
  /** A topic key (e.g. the mention's first term), or null. */
  topic: string | null;
  /** Near-duplicate key: copies of one text are offered once. */
  cluster?: string;
}

/** Each further pick from a topic already picked counts for this fraction as much. */
const TOPIC_DECAY = 0.5;

/**
 * Greedy: the candidate with the highest uncertainty × TOPIC_DECAY^(picks of its topic so
 * far); near-duplicates of a picked text are skipped. Ties go to the smaller key, so the
 * order is deterministic.
 */
export function orderForReview<T extends ReviewCandidate>(candidates: readonly T[], limit: number): T[] {
  const remaining = [...candidates].sort((a, b) => b.uncertainty - a.uncertainty || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const picks = new Map<string, number>();
  const clusters = new Set<string>();
  const chosen: T[] = [];
  while (chosen.length < limit && remaining.length > 0) {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i]!;
      const score = c.uncertainty * TOPIC_DECAY ** (picks.get(c.topic ?? `#${c.key}`) ?? 0);
      if (score > bestScore) [best, bestScore] = [i, score];
      // sorted by uncertainty: nothing further down can beat a score this high
      if (c.uncertainty <= bestScore) break;
    }
    const [pick] = remaining.splice(best, 1);
    if (pick!.cluster !== undefined && clusters.has(pick!.cluster)) continue;
    if (pick!.cluster !== undefined) clusters.add(pick!.cluster);
    const topic = pick!.topic ?? `#${pick!.key}`;
    picks.set(topic, (picks.get(topic) ?? 0) + 1);
    chosen.push(pick!);
  }
  return chosen;
}
