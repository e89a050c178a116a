import { loadComplaintModel, type ComplaintModel } from './complaint/index.js';
import { loadSentimentModel, type SentimentModel } from './sentiment/index.js';

/** The models one analysis uses, and the one version id its results are stored under. */
export interface AnalysisModels {
  sentiment: SentimentModel;
  complaint: ComplaintModel;
  /** `<sentiment version>+<complaint version>`: a change to either re-scores every mention. */
  version: string;
}

export interface ModelPaths {
  /** The sentiment model file (default: models/sentiment-v1.json). */
  modelPath?: string;
  /** The complaint model file (default: models/complaint-v1.json). */
  complaintModelPath?: string;
}

export function loadAnalysisModels(paths: ModelPaths = {}): AnalysisModels {
  const sentiment = loadSentimentModel(paths.modelPath);
  const complaint = loadComplaintModel(paths.complaintModelPath);
  return { sentiment, complaint, version: `${sentiment.version}+${complaint.version}` };
}
