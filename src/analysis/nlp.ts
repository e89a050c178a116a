// The entry point to wink-nlp for the rest of the code: everything that touches wink-nlp
// lives in ./nlp/ (the shared instances, and the workarounds of wink internals they need).
export { as, getTokenizer, its, nlp, plainWink, sharedStopWords } from './nlp/instances.js';
export { createForgetfulWink, REBUILD_AFTER, stopWordsOf, WINK_MODEL } from './nlp/forgetful-wink.js';
export type { Document as NlpDocument, ItsFunction, Model as NlpModel, Tokens as NlpTokens, WinkMethods } from 'wink-nlp';
