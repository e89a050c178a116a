export { extractTerms, extractTermsFromText } from './extract-terms.js';
export type { Term, TermKind, TermOptions } from './extract-terms.js';
export { pickDisplay } from './pick-display.js';
