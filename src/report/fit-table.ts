import { renderTable } from './table.js';

/**
 * A table column for a terminal of known width. `drop`: columns that go when the table
 * is too wide, lowest first (absent: never dropped); `min`: the narrowest a `shrink`
 * column (free text) is cut to, with "…", before columns are dropped.
 */
export interface FitColumn {
  head: string;
  drop?: number;
  shrink?: boolean;
  min?: number;
}

/** Border and padding: "│ " before each cell, " " after it, one "│" at the end. */
const chrome = (columns: number) => columns * 3 + 1;

/**
 * A table no wider than `width` (null: as wide as its content, as for a pipe or --wide):
 * free-text columns are cut with "…" to a comfortable width, then the lowest-value
 * columns are dropped, then free text is cut to its minimum, so no row wraps mid-cell.
 * A table that fits is the plain table, byte for byte.
 */
export function renderFitted(columns: FitColumn[], cells: Array<Array<string | number>>, width: number | null, color = false): string {
  // numbers read as renderTable writes them (1,434), whichever way the table is drawn
  const rows = cells.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const natural = columns.map((c, i) => Math.max(displayWidth(c.head), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  if (width === null || total(natural) <= width) return renderTable(columns.map((c) => c.head), rows, color);
  // low-value columns go before free text is cut below a comfortable width; then it is cut to its minimum
  let kept = columns.map((_, i) => i);
  for (;;) {
    const cols = kept.map((i) => columns[i]!);
    const comfortable = shrinkToFit(cols, kept.map((i) => natural[i]!), width, (c) => Math.max(c.min ?? 12, COMFORTABLE));
    const droppable = kept.filter((i) => columns[i]!.drop !== undefined).sort((a, b) => columns[a]!.drop! - columns[b]!.drop!);
    if (total(comfortable) <= width) return renderCut(cols, rows, kept, comfortable, color);
    if (droppable.length === 0) {
      const widths = shrinkToFit(cols, kept.map((i) => natural[i]!), width, (c) => c.min ?? 12);
      // nothing left to drop: cut below the minimums rather than let a row wrap
      if (total(widths) > width) squeeze(cols, widths, width);
      return renderCut(cols, rows, kept, widths, color);
    }
    kept = kept.filter((i) => i !== droppable[0]);
  }
}

/** Free text is cut to this many columns before any column is dropped. */
const COMFORTABLE = 28;

function renderCut(cols: FitColumn[], rows: string[][], kept: number[], widths: number[], color: boolean): string {
  const heads = cols.map((c, k) => truncateTo(c.head, widths[k]!));
  const body = rows.map((r) => kept.map((i, k) => truncateTo(r[i] ?? '', widths[k]!)));
  return renderBox(heads, body, widths, color);
}

function total(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + chrome(widths.length);
}

/** Column widths once the shrinkable columns give up what the width lacks, widest first, down to their minimum. */
function shrinkToFit(columns: FitColumn[], natural: number[], width: number, floor: (c: FitColumn) => number): number[] {
  const widths = [...natural];
  for (let excess = total(widths) - width; excess > 0; excess--) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.shrink && widths[i]! > floor(c) && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest === -1) break;
    widths[widest]! -= 1;
  }
  return widths;
}

/**
 * The box cli-table3 draws (its default characters, a rule between rows), padded by the
 * width measured here: cli-table3 measures some emoji as one column, and a row it pads
 * that way is a column too wide in the terminal.
 */
function renderBox(heads: string[], rows: string[][], widths: number[], color: boolean): string {
  const paint = (code: number) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const border = paint(90);
  const head = paint(36);
  const rule = (left: string, mid: string, right: string) => border(`${left}${widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}`);
  const line = (cells: string[], style = (t: string) => t) =>
    `${border('│')}${cells.map((c, i) => ` ${style(c)}${' '.repeat(widths[i]! - displayWidth(c))} `).join(border('│'))}${border('│')}`;
  const out = [rule('┌', '┬', '┐'), line(heads, head)];
  for (const row of rows) out.push(rule('├', '┼', '┤'), line(row));
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** Cuts the widest free-text column down to 6, then any column down to 3, until the table fits. */
function squeeze(columns: FitColumn[], widths: number[], width: number): void {
  for (const [pick, floor] of [[(c: FitColumn) => c.shrink === true, 6], [() => true, 3]] as const) {
    while (total(widths) > width) {
      let widest = -1;
      columns.forEach((c, i) => {
        if (pick(c) && widths[i]! > floor && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
      });
      if (widest === -1) break;
      widths[widest]! -= 1;
    }
  }
}

/** Terminal columns a string takes: wide (East Asian) and emoji characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/[\p{Mn}\p{Me}\u200b-\u200f\ufe0f]/u.test(ch)) continue;
    width += isWide(cp) || /\p{Emoji_Presentation}/u.test(ch) ? 2 : 1;
  }
  return width;
}

function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
    || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** The text cut to `width` terminal columns, ending in "…" when cut. */
export function truncateTo(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}
