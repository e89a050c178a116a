/**
 * What the analyser reads of a mention. wink-nlp's tokeniser takes time quadratic in the
 * length of a run of non-space characters (20,000 characters of `a-a-a-…` took 1.2 s,
 * 100,000 took ~15 s; a 10 MB token overflowed the stack), and a whole 10 MB post in a
 * worker ran out of its heap. So the analyser reads the first MAX_ANALYSED_CHARS
 * characters, with runs of non-space longer than MAX_TOKEN_CHARS split into pieces:
 * each step is then linear in what it reads, and what it reads is bounded. The stored
 * text, search and export keep every character; only sentiment, topics and the
 * near-duplicate key look at this prefix.
 */
export const MAX_ANALYSED_CHARS = 20_000;
export const MAX_TOKEN_CHARS = 500;

const LONG_RUN = new RegExp(`\\S{${MAX_TOKEN_CHARS}}(?=\\S)`, 'gu');

export function boundForAnalysis(text: string): string {
  let bounded = text;
  if (bounded.length > MAX_ANALYSED_CHARS) {
    bounded = bounded.slice(0, MAX_ANALYSED_CHARS);
    // never end on half of a surrogate pair
    const last = bounded.charCodeAt(bounded.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) bounded = bounded.slice(0, -1);
  }
  return bounded.length > MAX_TOKEN_CHARS ? bounded.replace(LONG_RUN, '$& ') : bounded;
}
