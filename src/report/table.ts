import Table from 'cli-table3';

/** A plain terminal table; colour only when the output supports it. */
export function renderTable(head: string[], rows: Array<Array<string | number>>, color = false): string {
  const table = new Table({
    head,
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
  });
  for (const row of rows) table.push(row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en-US') : cell)));
  return table.toString();
}

/** One line of text for a table cell: control characters gone, long text clipped. */
export function clipText(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** `2026-11-20T10:00:00.000Z` → `2026-11-20 10:00` for tables. */
export function shortTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '—';
}
