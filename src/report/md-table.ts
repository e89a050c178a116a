/**
 * A Markdown table padded so its pipes line up: it renders as a table on GitHub and reads
 * as one in a terminal or a plain-text e-mail. Cells must already be escaped (`|` as `\|`).
 * `align` is per column: 'l' or 'r' (numbers).
 */
export function markdownTable(head: string[], rows: string[][], align: Array<'l' | 'r'>): string {
  const widths = head.map((h, c) => Math.max(3, textWidth(h), ...rows.map((r) => textWidth(r[c] ?? ''))));
  const pad = (cell: string, c: number) => {
    const fill = ' '.repeat(widths[c]! - textWidth(cell));
    return align[c] === 'r' ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (align[c] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** Columns a string takes in a terminal: wide (East Asian) characters and emoji take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/[\u0300-\u036f\u200b-\u200d\ufe0e\ufe0f]/g, '')) {
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
