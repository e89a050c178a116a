// Which heads a mention's language allows. English (and text of no known language, read
// as English as before) goes through the English models unchanged; fr, de, es, pt and it
// get their own sentiment model plus the cue scorer for complaint and safety (complaint.ts);
// another language with a sentiment model (ar) gets that sentiment only; any other
// language is left unscored. Question and suggestion are English only.
import type { SentimentResult } from '../sentiment/types.js';
import type { Scored } from '../../domain/analysis-record.js';
import { sentimentGivenComplaint } from '../complaint/adjust.js';
import { LANGUAGE_COMPLAINT_WEIGHTS, scoreLanguageComplaint, type LanguageComplaint } from './complaint.js';
import { UNDETERMINED } from './detect.js';
import { scoreLanguageSentiment, type LanguageModels } from './models.js';

/** True when the English models apply to a post in `lang`. */
export function readsAsEnglish(lang: string): boolean {
  return lang === 'en' || lang === UNDETERMINED;
}

/** Sentiment of a post not in English, or null (unscored) when its language has no model. */
export function otherLanguageSentiment(models: LanguageModels | undefined, lang: string, text: string): SentimentResult | null {
  const model = models?.sentiment.get(lang);
  return model ? scoreLanguageSentiment(model, text) : null;
}

/** Complaint and safety of a post not in English, from its sentiment; null when its language has no cue lists. */
export function otherLanguageComplaint(sentiment: SentimentResult | null, lang: string, text: string): LanguageComplaint | null {
  return sentiment ? scoreLanguageComplaint(lang, text, sentiment) : null;
}

/**
 * The sentiment a cue-scored post keeps, by English's rule (complaint/adjust.ts): a complaint
 * is never positive (neutral instead) and a safety report is negative. The cut is the cue
 * scorer's own complaint threshold, applied to the stored (rounded) scores the flags are read
 * from, so no stored complaint is positive.
 */
export function otherLanguageSentimentGivenComplaint(sentiment: SentimentResult, complaint: LanguageComplaint | null): SentimentResult {
  if (complaint === null) return sentiment;
  return sentimentGivenComplaint(sentiment, { score: round3(complaint.score) }, LANGUAGE_COMPLAINT_WEIGHTS.threshold,
    { safety: complaint.safety, score: round3(complaint.safetyScore) });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** `all`: sentiment, complaint and safety; `sentiment`: sentiment only; `none`: nothing. */
export function scoredHeads(english: boolean, sentiment: SentimentResult | null, complaint: LanguageComplaint | null = null): Scored {
  return english || (sentiment && complaint) ? 'all' : sentiment ? 'sentiment' : 'none';
}
