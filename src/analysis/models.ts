import { loadComplaintModel, type ComplaintModel } from './complaint/index.js';
import { loadSafetyModel, type SafetyModel } from './safety/index.js';
import { loadSentimentModel, type SentimentModel } from './sentiment/index.js';

/** The models one analysis uses, and the one version id its results are stored under. */
export interface AnalysisModels {
  sentiment: SentimentModel;
  complaint: ComplaintModel;
  safety: SafetyModel;
  /** `<sentiment>+<complaint>+<safety version>`: a change to any re-scores every mention. */
  version: string;
}

export interface ModelPaths {
  /** The sentiment model file (default: models/sentiment-v1.json). */
  modelPath?: string;
  /** The complaint model file (default: models/complaint-v1.json). */
  complaintModelPath?: string;
  /** The safety model file (default: models/safety-v1.json). */
  safetyModelPath?: string;
}

export function loadAnalysisModels(paths: ModelPaths = {}): AnalysisModels {
  const sentiment = loadSentimentModel(paths.modelPath);
  const complaint = loadComplaintModel(paths.complaintModelPath);
  const safety = loadSafetyModel(paths.safetyModelPath);
  return { sentiment, complaint, safety, version: `${sentiment.version}+${complaint.version}+${safety.version}` };
}
