import { sentimentGivenComplaint } from './complaint/adjust.js';
import { hasPraiseContrast } from './complaint/cues.js';
import { mentionLanguage } from './language/detect.js';
import { otherLanguageSentiment, readsAsEnglish, scoredHeads } from './language/heads.js';
import { scoreComplaintTokens } from './complaint/index.js';
import { scoreSafetyTokens } from './safety/index.js';
import { denseMeaning } from './vectors/concepts.js';
import { loadAnalysisModels, type AnalysisModels, type ModelPaths } from './models.js';
import { clusterKey } from './near-duplicate.js';
import { nlp } from './nlp.js';
import { extractFeatures, sameFeatureSettings, scoreFeatures, scoreTokens } from './sentiment/index.js';
import { readTokenColumns } from './token-columns.js';
import { extractTerms } from './topics/index.js';
import type { AnalysisInput, AnalysisRecord } from '../store/store.js';
import { boundForAnalysis } from './bound-text.js';

/** Brand name → the names and aliases to drop from its topic terms. */
export type BrandTerms = Record<string, string[]>;

export interface AnalyzerSetup extends ModelPaths {
  brandTerms: BrandTerms;
}

export type MentionAnalyzer = ((input: AnalysisInput) => AnalysisRecord) & { modelVersion: string };

/**
 * Reads each mention once with wink-nlp and derives sentiment, the complaint score,
 * terms and voice keys from that one doc.
 */
export function createMentionAnalyzer(setup: AnalyzerSetup, models: AnalysisModels = loadAnalysisModels(setup)): MentionAnalyzer {
  const termsByBrand = new Map(Object.entries(setup.brandTerms).map(([brand, terms]) => [brand.toLowerCase(), terms]));
  // one array per brand name, so the compiled matcher (memoised per array) is reused
  const brandTermsOf = (brand: string): string[] => {
    const key = brand.toLowerCase();
    let terms = termsByBrand.get(key);
    if (terms === undefined) termsByBrand.set(key, (terms = [brand]));
    return terms;
  };
  // the complaint model reads the same word features as sentiment when its settings are the same
  const shared = sameFeatureSettings(models.sentiment.settings, models.complaint.settings);
  const sharedSafety = sameFeatureSettings(models.sentiment.settings, models.safety.settings);
  // one meaning pass serves every head that reads word vectors
  const space = models.complaint.space ?? models.safety.space;
  const meaningScratch: number[] = [];
  const features: number[] = [];
  const analyze = (input: AnalysisInput): AnalysisRecord => {
    const text = boundForAnalysis(input.text);
    const columns = readTokenColumns(nlp.readDoc(text));
    const tokens = { values: columns.values, types: columns.types };
    // the source's tag or the detected language picks the heads; English ones see 'en'
    const lang = mentionLanguage(text, input.lang);
    const english = readsAsEnglish(lang);
    const headLang = english ? 'en' : lang;
    const raw = english && shared
      ? scoreFeatures(models.sentiment, tokens, extractFeatures(tokens, models.sentiment.settings, features))
      : scoreTokens(models.sentiment, tokens, { lang: headLang });
    const meaning = english && space ? denseMeaning(space, tokens.values, tokens.types, meaningScratch) : undefined;
    const complaint = scoreComplaintTokens(models.complaint, tokens, raw, { lang: headLang, wordFeatures: english && shared ? features : undefined, meaning });
    const safety = scoreSafetyTokens(models.safety, tokens, raw, complaint.score,
      { lang: headLang, wordFeatures: english && shared && sharedSafety ? features : undefined, meaning });
    const other = english ? null : otherLanguageSentiment(models.languages, lang, text);
    const sentiment = other ?? sentimentGivenComplaint(raw, complaint, models.complaint.sentimentCut, safety, contrasted(tokens));
    const termsOf = (brand: string) => extractTerms(columns, { brandTerms: brandTermsOf(brand) })
      .map((t) => ({ key: t.key, display: t.display }));
    const [first = '', ...others] = input.brands;
    const terms = termsOf(first);
    const key = clusterKey(text);
    return {
      rowId: input.rowId,
      modelVersion: models.version,
      sentimentScore: Math.round(sentiment.score * 1000) / 1000,
      sentimentLabel: sentiment.label,
      complaintScore: Math.round(complaint.score * 1000) / 1000,
      complaint: complaint.complaint,
      safetyScore: Math.round(safety.score * 1000) / 1000,
      safety: safety.safety,
      clusterKey: key,
      cluster: parseInt(key.slice(-8), 16) | 0,
      voice: voiceKey(input),
      terms,
      lang,
      scored: scoredHeads(english, other),
      // each brand drops its own names only: the rival's name stays a topic of the other
      ...(others.length > 0 ? { termsByBrand: [{ brand: first, terms }, ...others.map((brand) => ({ brand, terms: termsOf(brand) }))] } : {}),
    };
  };
  return Object.assign(analyze, { modelVersion: models.version });
}

function contrasted(tokens: { values: readonly string[]; types: readonly string[] }): boolean {
  return hasPraiseContrast(tokens.values, tokens.types);
}

/** One author is one voice; a mention with no author counts as its own voice. */
export function voiceKey(input: Pick<AnalysisInput, 'source' | 'author' | 'id'>): number {
  const who = input.author ? input.author.trim().replace(/^@/, '').toLowerCase() : `#${input.id}`;
  return fnv1a32(`${input.source}:${who}`);
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
