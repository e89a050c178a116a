import { decodeHTML } from 'entities';

const BLOCK = /<\/?(?:p|div|section|article|blockquote|h[1-6]|ul|ol|table|tr|pre|figure|header|footer)\b[^>]*>/gi;

/**
 * HTML (HN comments, feed descriptions) to plain text: scripts, styles and comments
 * go with their content, block elements become blank lines, `<br>` and list items
 * line breaks, other tags go, entities (all of HTML5's) are decoded.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(BLOCK, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
