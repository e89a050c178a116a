import type { MentionInput, Metrics } from '../domain/mention.js';
import { brandNameProblem } from '../domain/brand-name.js';
import { parseTimestamp } from '../domain/time-input.js';
import { printable } from '../errors.js';

/** Re-exported: the readers of other tools' files parse their dates with it too. */
export { parseTimestamp };

export type RowResult = { ok: true; mention: MentionInput } | { ok: false; reason: string };

const SOURCE_RE = /^[a-z][a-z0-9_-]{0,31}$/;
const METRIC_KEYS = ['likes', 'replies', 'reposts', 'score'] as const;

/**
 * Turns one record of the canonical import format (a parsed JSON object, or a CSV row
 * whose cells are strings) into a mention, or the reason it cannot be one.
 */
export function parseMentionRecord(record: unknown, defaultBrand?: string): RowResult {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return fail('a row must be a JSON object');
  }
  const row = record as Record<string, unknown>;
  const id = readId(row.id);
  if (typeof id !== 'string') return id;
  const source = readText(row.source, 'source', true);
  if (typeof source !== 'string') return source;
  const lowered = source.toLowerCase();
  if (!SOURCE_RE.test(lowered)) return fail(`source "${clip(source)}" must be one lowercase word (x, reddit, hackernews, …)`);
  const createdAt = readTimestamp(row.created_at);
  if (!createdAt.ok) return createdAt.result;
  const text = readText(row.text, 'text', true);
  if (typeof text !== 'string') return text;
  const optional: Record<string, string | null> = {};
  for (const key of ['author', 'url', 'lang', 'brand'] as const) {
    const value = readText(row[key], key, false);
    if (typeof value === 'object' && value !== null) return value;
    optional[key] = value;
  }
  const brand = (optional.brand ?? defaultBrand)?.trim();
  if (!brand) return fail(optional.brand ? '"brand" is blank' : 'no brand: add a "brand" field or pass --brand NAME');
  const brandProblem = brandNameProblem(brand);
  if (brandProblem) return fail(brandProblem);
  // keys must be kept exactly: a lone surrogate made well-formed would merge two different ids (or brands)
  if (!isExact(row.id) || !isExact(row.brand) || !isExact(defaultBrand)) {
    return fail('"id" or "brand" holds a lone UTF-16 surrogate (an unpaired \\ud800–\\udfff escape), which cannot be stored exactly');
  }
  const metrics = readMetrics(row);
  if ('ok' in metrics) return metrics;
  return {
    ok: true,
    mention: {
      id, source: lowered, createdAt: createdAt.value, text, brand, metrics,
      author: optional.author ?? null, url: optional.url ?? null, lang: optional.lang ?? null, raw: record,
    },
  };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function clip(value: string): string {
  return printable(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function readId(value: unknown): string | { ok: false; reason: string } {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return fail(`id ${clip(String(value))} is not a whole number; write ids as strings`);
    // X ids exceed 2^53: a JSON number has already lost digits, so refuse it.
    if (!Number.isSafeInteger(value)) return fail('id is a number too large to keep exactly; write it as a string');
    return String(value);
  }
  return readText(value, 'id', true);
}

/** A string with no lone surrogate (or no value at all). */
function isExact(value: unknown): boolean {
  return typeof value !== 'string' || value.isWellFormed();
}

/**
 * Metrics are counts (or a signed score) stored as 64-bit integers and read back as
 * JavaScript numbers: anything past 2^53 − 1 would come back as another number.
 */
const METRIC_LIMIT = Number.MAX_SAFE_INTEGER;

type Failure = { ok: false; reason: string };

/** A required string field, made well-formed (lone surrogates become U+FFFD). */
function readText(value: unknown, key: string, required: true): string | Failure;
/** An optional string field; blank cells (CSV) count as absent. */
function readText(value: unknown, key: string, required: false): string | null | Failure;
function readText(value: unknown, key: string, required: boolean): string | null | Failure {
  if (value === undefined || value === null || (value === '' && !required)) {
    return required ? fail(`missing required field "${key}"`) : null;
  }
  if (typeof value !== 'string') return fail(`"${key}" must be a string, got ${typeOf(value)}`);
  const text = value.toWellFormed();
  if (required && text.trim() === '') return fail(`"${key}" is empty`);
  return text;
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
}

function readTimestamp(value: unknown): { ok: true; value: string } | { ok: false; result: { ok: false; reason: string } } {
  const text = readText(value, 'created_at', true);
  if (typeof text !== 'string') return { ok: false, result: text };
  const iso = parseTimestamp(text);
  if (!iso) return { ok: false, result: fail(`created_at "${clip(text)}" is not an ISO 8601 date`) };
  return { ok: true, value: iso };
}

/** Metrics come as a JSON object `metrics` or as flat CSV columns. */
function readMetrics(row: Record<string, unknown>): Metrics | { ok: false; reason: string } {
  let source: Record<string, unknown> = row;
  if (row.metrics !== undefined && row.metrics !== null && row.metrics !== '') {
    let value = row.metrics;
    if (typeof value === 'string') {
      try { value = JSON.parse(value); } catch { return fail('"metrics" is not valid JSON'); }
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('"metrics" must be an object');
    source = value as Record<string, unknown>;
  }
  const metrics: Metrics = {};
  for (const key of METRIC_KEYS) {
    const raw = source[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const n = typeof raw === 'string' ? (raw.trim() === '' ? Number.NaN : Number(raw.trim())) : raw;
    if (typeof n !== 'number' || !Number.isInteger(n)) return fail(`metric "${key}" must be a whole number`);
    if (Math.abs(n) > METRIC_LIMIT) return fail(`metric "${key}" is ${clip(String(raw))}, beyond ±${METRIC_LIMIT} (2^53 − 1), the largest kept exactly`);
    metrics[key] = n;
  }
  return metrics;
}
