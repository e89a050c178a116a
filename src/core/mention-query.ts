/**
 * The brands' query syntax (config `queries`), read as a filter over a mention's text for
 * per-mention alerts: words and "phrases" must all appear (whole words, any case), `OR`
 * separates alternatives, `-word` or `-"phrase"` excludes, parentheses group, and platform
 * operators (`lang:en`, `is:retweet`) are ignored, as they filter what a source returns,
 * not text. It never fails: a stray parenthesis is read as if balanced.
 */
export type TextTest = (text: string) => boolean;

type Node = { kind: 'term'; text: string } | { kind: 'not'; node: Node } | { kind: 'and' | 'or'; nodes: Node[] } | { kind: 'any' };

export function compileMentionQuery(query: string): TextTest {
  const tokens = [...query.matchAll(/"([^"]*)"?|\(|\)|-(?=["(\w@#])|[^\s()"]+/gu)].map((m) => ({ raw: m[0], phrase: m[1] }));
  let at = 0;
  const parseOr = (): Node => {
    const nodes = [parseAnd()];
    while (tokens[at]?.raw === 'OR') {
      at++;
      nodes.push(parseAnd());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  };
  const parseAnd = (): Node => {
    const nodes: Node[] = [];
    while (at < tokens.length && tokens[at]!.raw !== 'OR' && tokens[at]!.raw !== ')') nodes.push(parseUnary());
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  };
  const parseUnary = (): Node => {
    if (tokens[at]!.raw === '-') {
      at++;
      if (at >= tokens.length) return { kind: 'any' };
      const node = parseUnary();
      // `-is:retweet` is an operator too: ignored, not "never"
      return node.kind === 'any' ? node : { kind: 'not', node };
    }
    const token = tokens[at++]!;
    if (token.raw === '(') {
      const inner = parseOr();
      if (tokens[at]?.raw === ')') at++;
      return inner;
    }
    if (token.phrase !== undefined) return token.phrase.trim() ? { kind: 'term', text: token.phrase } : { kind: 'any' };
    // a platform operator (lang:en, is:retweet, from:name) filters what a source returns, not text
    return /^[a-z_]+:\S/i.test(token.raw) ? { kind: 'any' } : { kind: 'term', text: token.raw };
  };
  const nodes: Node[] = [];
  while (at < tokens.length) {
    if (tokens[at]!.raw === ')') at++;
    else nodes.push(parseOr());
  }
  const tree: Node = nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  return (text) => evaluate(tree, text.toLowerCase());
}

function evaluate(node: Node, text: string): boolean {
  switch (node.kind) {
    case 'any': return true;
    case 'term': return wordPattern(node.text).test(text);
    case 'not': return !evaluate(node.node, text);
    case 'and': return node.nodes.every((n) => evaluate(n, text));
    case 'or': return node.nodes.some((n) => evaluate(n, text));
  }
}

const patterns = new Map<string, RegExp>();

/** Whole words: "tea" is not found in "steam"; a run of spaces in a phrase matches any run of whitespace. */
function wordPattern(term: string): RegExp {
  let pattern = patterns.get(term);
  if (!pattern) {
    const body = term.toLowerCase().trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, 'u');
    patterns.set(term, pattern);
  }
  return pattern;
}
