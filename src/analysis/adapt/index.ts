export * from './types.js';
export { ADAPT_SETTINGS, MIN_TASK_LABELS, fitAdaptation, trainableTasks, type AdaptTasks } from './adapt.js';
export { applyAdaptation, applyDelta } from './apply.js';
export { evaluateAdaptation, macroF1, predictLabels, foldOf, HOLDOUT_FROM, type AdaptEvaluation, type TaskEvaluation } from './evaluate.js';
export { orderForReview, reviewScore, type ReviewCandidate, type ReviewScore, type ReviewTask } from './review.js';
export type { LabelledText } from './examples.js';
export { pickAdaptation } from './pick.js';
