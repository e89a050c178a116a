/**
 * Dates as a person reads them, in UTC, from the report's own times (its `--at`), never
 * the wall clock: the same report renders the same bytes whenever it is rendered.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-07T14:00:00.000Z` → `7 Dec 2026, 14:00 UTC`. */
export function readableTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dayMonth(d)} ${d.getUTCFullYear()}, ${hourMinute(d)} UTC`;
}

/** `2026-12-07T14:05:00.000Z` → `7 Dec, 14:05` (a post's time, the year being the report's). */
export function readableMinute(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dayMonth(d)}, ${hourMinute(d)}`;
}

/** `2026-12-07` (or any ISO time) → `7 Dec`. */
export function readableDay(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dayMonth(d);
}

/** The month's short name of a day: `2026-12-07` → `Dec`. */
export function monthName(day: string): string {
  return MONTHS[Number(day.slice(5, 7)) - 1] ?? '';
}

/** "48 h", or whole days as "14 days" (how a window's length is said). */
export function spanText(hours: number): string {
  return hours % 24 === 0 && hours > 48 ? `${hours / 24} days` : `${hours} h`;
}

function dayMonth(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function hourMinute(d: Date): string {
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
