export * from './types.js';
export { loadComplaintModel, DEFAULT_COMPLAINT_MODEL_PATH } from './model-file.js';
export { scoreComplaintTokens, extractComplaintFeatures, complaintProbability, complaintDense } from './score.js';
export { cueClassOf } from './cues.js';
