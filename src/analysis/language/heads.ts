// Which heads a mention's language allows. English (and text of no known language, read
// as English as before) goes through the English models unchanged; a language with a
// sentiment model gets that sentiment only; any other language is left unscored.
import type { SentimentResult } from '../sentiment/types.js';
import type { Scored } from '../../store/store.js';
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

export function scoredHeads(english: boolean, sentiment: SentimentResult | null): Scored {
  return english ? 'all' : sentiment ? 'sentiment' : 'none';
}
