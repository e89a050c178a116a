export * from './types.js';
export { loadSentimentModel, DEFAULT_MODEL_PATH } from './model-file.js';
export { scoreSentiment, scoreDoc, scoreTokens, readSentimentTokens, isMaybeEnglish } from './score.js';
