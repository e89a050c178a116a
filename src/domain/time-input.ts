/**
 * Times and durations as people and files write them: one parser for the flags
 * (`--since 7d`, `--at 2026-11-20T09:00Z`), `EARSHOT_NOW`, the config's `scan.every`,
 * and the dates of imported rows.
 */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO 8601 as an ISO string in UTC; a time without a zone is UTC. Null for anything else, impossible dates like 02-30 too. */
export function parseTimestamp(input: string): string | null {
  const m = ISO_RE.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${(frac + '000').slice(0, 3)}${normalizeZone(zone)}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Date rolls 02-30 over to 03-02; compare the calendar fields in the given zone.
  const check = new Date(`${y}-01-01T00:00:00.000Z`);
  check.setUTCMonth(Number(mo) - 1, Number(d));
  if (check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  return date.toISOString();
}

function normalizeZone(zone: string | undefined): string {
  if (!zone || zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
}

const DURATION_RE = /^(\d+(?:\.\d+)?)\s*([mhdw])$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** What a duration looks like, for messages: the same words wherever one is asked for. */
export const DURATION_EXAMPLES = '30m, 48h, 14d or 2w';

/** A duration like `48h`, `14d`, `30m`, `2w` (minutes, hours, days, weeks), in milliseconds; null when it is not one. */
export function durationMs(value: string): number | null {
  const m = DURATION_RE.exec(value.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]! : null;
}
