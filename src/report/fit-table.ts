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
 * free-text columns are cut with "…" down to their minimum, then the lowest-value columns
 * are dropped, so no row wraps mid-cell. A table that fits is the plain table, byte for byte.
 */
export function renderFitted(columns: FitColumn[], rows: string[][], width: number | null, color = false): string {
  const natural = columns.map((c, i) => Math.max(displayWidth(c.head), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  if (width === null || total(natural) <= width) return renderTable(columns.map((c) => c.head), rows, color);
  let kept = columns.map((_, i) => i);
  for (;;) {
    const widths = shrinkToFit(kept.map((i) => columns[i]!), kept.map((i) => natural[i]!), width);
    const droppable = kept.filter((i) => columns[i]!.drop !== undefined).sort((a, b) => columns[a]!.drop! - columns[b]!.drop!);
    if (total(widths) <= width || droppable.length === 0) {
      const heads = kept.map((i, k) => truncateTo(columns[i]!.head, widths[k]!));
      const body = rows.map((r) => kept.map((i, k) => truncateTo(r[i] ?? '', widths[k]!)));
      return renderTable(heads, body, color, widths.map((w) => w + 2));
    }
    kept = kept.filter((i) => i !== droppable[0]);
  }
}

function total(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w, 0) + chrome(widths.length);
}

/** Column widths once the shrinkable columns give up what the width lacks, widest first, down to their minimum. */
function shrinkToFit(columns: FitColumn[], natural: number[], width: number): number[] {
  const widths = [...natural];
  for (let excess = total(widths) - width; excess > 0; excess--) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.shrink && widths[i]! > (c.min ?? 12) && (widest === -1 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest === -1) break;
    widths[widest]! -= 1;
  }
  return widths;
}

/** Terminal columns a string takes: wide (East Asian) and emoji characters take two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (/[\p{Mn}\p{Me}\u200b-\u200f\ufe0f]/u.test(ch)) continue;
    width += isWide(cp) || /\p{Extended_Pictographic}/u.test(ch) && cp > 0x2000 && !/[\u2190-\u25ff]/.test(ch) ? 2 : 1;
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
