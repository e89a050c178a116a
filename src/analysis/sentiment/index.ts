export * from './types.js';
export { loadSentimentModel, DEFAULT_MODEL_PATH } from './model-file.js';
export { scoreSentiment, scoreDoc, scoreTokens, scoreFeatures, readSentimentTokens, isMaybeEnglish } from './score.js';
export { extractFeatures, sameFeatureSettings } from './features.js';
