import { decodeHTML } from 'entities';

/** Longest text field read, in characters: a post is far shorter; more is only a hostile feed. */
export const MAX_FIELD_CHARS = 100_000;

const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'tr', 'pre', 'figure', 'header', 'footer']);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

/**
 * HTML (HN comments, feed descriptions) to plain text: scripts, styles and comments
 * go with their content, block elements become blank lines, `<br>` and list items
 * line breaks, other tags go, entities (all of HTML5's) are decoded.
 *
 * One left-to-right scan, not regexes: `<[^>]*>` and friends go quadratic on a field of
 * unclosed `<`s (a 200 KB item took 43 s), and no timeout can stop a running regex. Every
 * search forward remembers where it ended, so each character is looked at a bounded
 * number of times whatever the input. Fields are cut at MAX_FIELD_CHARS first.
 */
export function htmlToText(input: string): string {
  const html = input.length > MAX_FIELD_CHARS ? input.slice(0, MAX_FIELD_CHARS) : input;
  const find = createFinder(html);
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = find('-->', lt + 4);
      // an unclosed comment runs to the end, as browsers read it
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = find('>', lt + 1);
    if (gt === -1) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    // whatever lies between `<` and `>` goes, a tag or not (`<!doctype>`, `< b >`)
    const { name, closing } = readTagName(html, lt + 1, gt);
    i = gt + 1;
    if (!closing && HIDDEN.has(name)) {
      const close = find(`</${name}`, i);
      const closeEnd = close === -1 ? -1 : find('>', close);
      if (closeEnd !== -1) i = closeEnd + 1;
      continue;
    }
    if (BLOCK.has(name)) out.push('\n\n');
    else if (name === 'br' || (name === 'li' && !closing)) out.push('\n');
  }
  return tidy(decodeHTML(out.join('')));
}

/** The tag's name, lowercased (at most 16 characters: no tag we act on is longer); '' when none. */
function readTagName(html: string, from: number, to: number): { name: string; closing: boolean } {
  const closing = html[from] === '/';
  const start = closing ? from + 1 : from;
  let end = start;
  while (end < to && end - start < 16 && /[A-Za-z0-9]/.test(html[end]!)) end++;
  return { name: html.slice(start, end).toLowerCase(), closing };
}

/**
 * `indexOf` that remembers its last answer per needle: asked again from before that
 * answer it returns it without searching, and a needle found nowhere is never searched
 * again. That keeps a scan of many unclosed tags linear. Case-insensitive.
 */
function createFinder(html: string): (needle: string, from: number) => number {
  // ASCII only, so every index still points at the same character
  const lower = html.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  const last = new Map<string, number>();
  return (needle, from) => {
    const known = last.get(needle);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = lower.indexOf(needle, from);
    last.set(needle, found);
    return found;
  };
}

function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
