/**
 * Feed dates as they are written in the wild: RFC 3339 (Atom, JSON Feed), RFC 822
 * (RSS), the same without a zone (taken as UTC, never as the machine's local time), and
 * RFC 822 with the day and month named in the feed's own language ("Seg, 24 Set 2018").
 */
const MONTHS: Record<string, number> = {
  jan: 0, ene: 0, gen: 0, janv: 0, januar: 0,
  feb: 1, fev: 1, fév: 1, févr: 1, febr: 1,
  mar: 2, mär: 2, mrz: 2, mars: 2,
  apr: 3, abr: 3, avr: 3,
  may: 4, mai: 4, mag: 4, mayo: 4,
  jun: 5, juin: 5, giu: 5, juni: 5,
  jul: 6, juil: 6, lug: 6, juli: 6,
  aug: 7, ago: 7, aoû: 7, août: 7,
  sep: 8, set: 8, sept: 8,
  oct: 9, out: 9, okt: 9, ott: 9,
  nov: 10,
  dec: 11, dez: 11, dic: 11, déc: 11,
};

/** Longer than any date written out in words, zone and all. */
const MAX_DATE_CHARS = 80;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 = /(\d{1,2})\s+([\p{L}]+)\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[A-Z]{1,5})?\s*$/u;
const ZONES: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, CET: 60, CEST: 120, BST: 60 };

/** An ISO string in UTC, or null when the text is no date earshot can read. */
export function parseFeedDate(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  // a date is short: a long field is no date, and spaces folded first keep the unanchored
  // RFC 822 pattern's `\s*` runs from going quadratic on a field of blanks
  const value = text.length > MAX_DATE_CHARS * 4 ? '' : text.replace(/\s+/g, ' ').trim();
  if (!value || value.length > MAX_DATE_CHARS) return null;
  return parseIso(value) ?? parseRfc822(value);
}

function parseIso(value: string): string | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(':', '').slice(3, 5)}`;
  return valid(`${y}-${mo}-${d}T${h}:${mi}:${s}.${(frac + '000').slice(0, 3)}${offset}`);
}

function parseRfc822(value: string): string | null {
  const m = RFC822.exec(value);
  if (!m) return null;
  const [, day, monthName, yearText, h = '00', mi = '00', s = '00', zone = 'GMT'] = m;
  const month = MONTHS[monthName!.toLowerCase()] ?? MONTHS[monthName!.toLowerCase().slice(0, 3)];
  if (month === undefined) return null;
  const year = yearText!.length === 2 ? 2000 + Number(yearText) - (Number(yearText) > 50 ? 100 : 0) : Number(yearText);
  const minutes = /^[+-]\d{4}$/.test(zone)
    ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : ZONES[zone.toUpperCase()];
  if (minutes === undefined) return null;
  const utc = Date.UTC(year, month, Number(day), Number(h), Number(mi), Number(s)) - minutes * 60_000;
  return Number.isFinite(utc) ? new Date(utc).toISOString() : null;
}

function valid(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
