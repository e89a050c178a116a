// earshot review: the unlabelled mentions whose label would teach the models most.
import type { ReviewScore, ReviewTask } from '../analysis/adapt/index.js';
import type { ModelPaths } from '../analysis/models.js';
import type { Adaptations } from '../store/store.js';
import { brandKey } from '../domain/brand-key.js';

export interface ReviewOptions extends ModelPaths {
  brand?: string;
  limit: number;
  task: ReviewTask;
  /** Brand name → names and aliases left out of its topics. */
  brandTerms: Record<string, string[]>;
}

export interface ReviewItem {
  ref: string;
  brand: string;
  createdAt: string;
  text: string;
  url: string | null;
  topic: string | null;
  uncertainty: number;
  /**
   * Why the models are unsure, in figures that differ from row to row (the uncertainty of
   * the rows picked is close to 1 by construction): the decision in doubt, and how far the
   * mention is from flipping it (sentiment: the gap between the two likeliest labels;
   * complaint: the distance from the threshold).
   */
  doubtAbout: 'sentiment' | 'complaint';
  margin: number;
  /** The same in words, e.g. "neutral vs negative, 0.004 apart" or "complaint 0.362 vs threshold 0.350". */
  doubt: string;
  sentiment: string;
  complaintScore: number;
  /** The model version that would score it now. */
  model: string;
}

/** How many of the newest unlabelled mentions are considered. */
export const REVIEW_POOL = 3000;

export async function reviewMentions(store: Adaptations, options: ReviewOptions): Promise<ReviewItem[]> {
  const [{ orderForReview, reviewScore }, { loadAnalysisModels }, { nlp }, { readSentimentTokens }, { extractTerms }, { modelsForBrand, usableAdaptations }] = await Promise.all([
    import('../analysis/adapt/index.js'), import('../analysis/models.js'), import('../analysis/nlp.js'),
    import('../analysis/sentiment/score.js'), import('../analysis/topics/index.js'), import('./adapted-models.js'),
  ]);
  const base = loadAnalysisModels(options);
  const adaptations = await usableAdaptations(store, base.version);
  const modelsByBrand = new Map<string, ReturnType<typeof modelsForBrand>>();
  const terms = new Map(Object.entries(options.brandTerms).map(([b, t]) => [brandKey(b), t]));
  const rows = await store.unlabelledMentions({ brand: options.brand, limit: REVIEW_POOL });
  const candidates = [];
  for (const row of rows) {
    const key = brandKey(row.brand);
    if (!modelsByBrand.has(key)) modelsByBrand.set(key, modelsForBrand(base, adaptations, row.brand));
    const models = modelsByBrand.get(key)!;
    const doc = nlp.readDoc(row.text);
    const score = reviewScore(models, readSentimentTokens(doc), row.lang, options.task);
    if (!score) continue;
    const topic = extractTerms(doc, { brandTerms: terms.get(key) ?? [row.brand], maxTerms: 1 })[0]?.display ?? null;
    candidates.push({
      key: `${row.source}:${row.id}`, uncertainty: score.uncertainty, topic, cluster: row.clusterKey,
      item: {
        ref: `${row.source}:${row.id}`, brand: row.brand, createdAt: row.createdAt, text: row.text, url: row.url, topic,
        uncertainty: round3(score.uncertainty), ...doubtOf(score),
        sentiment: score.sentiment, complaintScore: round3(score.complaintScore), model: models.version,
      },
    });
  }
  return orderForReview(candidates, options.limit).map((c) => c.item);
}

function doubtOf(score: ReviewScore): Pick<ReviewItem, 'doubtAbout' | 'margin' | 'doubt'> {
  if (score.doubtAbout === 'sentiment') {
    const margin = round3(score.sentimentMargin);
    return { doubtAbout: 'sentiment', margin, doubt: `${score.sentiment} vs ${score.runnerUp}, ${margin.toFixed(3)} apart` };
  }
  const margin = round3(Math.abs(score.complaintScore - score.complaintThreshold));
  return { doubtAbout: 'complaint', margin, doubt: `complaint ${score.complaintScore.toFixed(3)} vs threshold ${score.complaintThreshold.toFixed(3)}` };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
