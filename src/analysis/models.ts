import { loadComplaintModel, type ComplaintModel } from './complaint/index.js';
import { loadIronyModel, type IronyModel } from './irony/score.js';
import { loadIntentModel, type IntentModel } from './intent/index.js';
import { loadLanguageModels, type LanguageModels } from './language/models.js';
import { loadSafetyModel, type SafetyModel } from './safety/index.js';
import { loadSentimentModel, type SentimentModel } from './sentiment/index.js';

/** The models one analysis uses, and the one version id its results are stored under. */
export interface AnalysisModels {
  sentiment: SentimentModel;
  complaint: ComplaintModel;
  safety: SafetyModel;
  /** Irony: with the praise-plus-problem contrast, it turns sarcastic praise into the complaint it is. */
  irony: IronyModel;
  intent: IntentModel;
  /** Sentiment for languages other than English; without it such posts are unscored. */
  languages?: LanguageModels;
  /** `<sentiment>+<complaint>+<safety>+<irony>+<intent>+<languages version>`: a change to any re-scores every mention. */
  version: string;
}

export interface ModelPaths {
  /** The sentiment model file (default: models/sentiment-v1.json). */
  modelPath?: string;
  /** The complaint model file (default: models/complaint-v1.json). */
  complaintModelPath?: string;
  /** The safety model file (default: models/safety-v1.json). */
  safetyModelPath?: string;
  /** The irony model file (default: models/irony-v1.json). */
  ironyModelPath?: string;
  /** The intent model file (default: models/intent-v1.json). */
  intentModelPath?: string;
  /** The per-language sentiment models (default: models/languages-v1.json). */
  languagesModelPath?: string;
}

export function loadAnalysisModels(paths: ModelPaths = {}): AnalysisModels {
  const sentiment = loadSentimentModel(paths.modelPath);
  const complaint = loadComplaintModel(paths.complaintModelPath);
  const safety = loadSafetyModel(paths.safetyModelPath);
  const irony = loadIronyModel(paths.ironyModelPath);
  const intent = loadIntentModel(paths.intentModelPath);
  const languages = loadLanguageModels(paths.languagesModelPath);
  return { sentiment, complaint, safety, irony, intent, languages,
    version: `${sentiment.version}+${complaint.version}+${safety.version}+${irony.version}+${intent.version}+${languages.version}` };
}
