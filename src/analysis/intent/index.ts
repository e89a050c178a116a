export * from './addressee.js';
export * from './cues.js';
export * from './model-file.js';
export * from './score.js';
