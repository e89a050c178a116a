// The entry point to wink-nlp for the rest of the code: everything that touches wink-nlp
// lives in ./nlp/ — the shared instances, the workarounds of wink internals they need
// (forgetful-wink.ts lists them), and what reads a doc's tokens (token columns, lemmas,
// stop flags).
export { as, getTokenizer, its, nlp, plainWink, sharedStopWords } from './nlp/instances.js';
export { createForgetfulWink, REBUILD_AFTER, stopWordsOf, WINK_MODEL } from './nlp/forgetful-wink.js';
export { readTokenColumns, type TokenColumns } from './nlp/token-columns.js';
export { readNounLemma, readStopFlag } from './nlp/lexeme-memo.js';
export type { Document as NlpDocument, ItsFunction, Model as NlpModel, Tokens as NlpTokens, WinkMethods } from 'wink-nlp';
