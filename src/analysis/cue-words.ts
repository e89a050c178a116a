// A token as the cue lists and the word-vector table spell words: lower case, straight
// apostrophes. Every head's cues and the meaning features read it for every token, so the
// analyser reads it once per mention (`SentimentTokens.words`) instead of once per head.

/** Lower case, straight apostrophes (a lower-case string without ’ is returned as is). */
export function cueWord(value: string): string {
  const word = value.toLowerCase();
  return word.includes('’') ? word.replaceAll('’', "'") : word;
}

/** cueWord of each value, index-aligned. */
export function cueWords(values: readonly string[]): string[] {
  const words = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) words[i] = cueWord(values[i] ?? '');
  return words;
}
