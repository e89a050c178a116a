/**
 * A small stand-in for the platforms' search syntax, enough for fixtures:
 * `OR` separates alternatives, each alternative needs all its words or "phrases",
 * `-word` excludes, and operators like `lang:en` or `is:retweet` are ignored.
 */
export function compileQuery(query: string): (text: string) => boolean {
  const alternatives = query
    .replace(/[()]/g, ' ')
    .split(/\s+OR\s+/)
    .map(parseTerms);
  return (text) => {
    const haystack = text.toLowerCase();
    return alternatives.some(
      ({ include, exclude }) => include.every((term) => haystack.includes(term)) && !exclude.some((term) => haystack.includes(term)),
    );
  };
}

function parseTerms(part: string): { include: string[]; exclude: string[] } {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const match of part.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)) {
    const term = (match[2] ?? match[3] ?? '').toLowerCase();
    if (term === '' || (match[3] !== undefined && term.includes(':'))) continue;
    (match[1] === '-' ? exclude : include).push(term);
  }
  return { include, exclude };
}
