import type { MentionInput, Metrics } from '../domain/mention.js';
import type { FetchContext } from './source.js';
import { CLOCK_SKEW_MS, latestTrusted } from './trusted-time.js';

/**
 * Maps a page's items one by one: an item of the wrong shape (a date that is no date, a
 * text that is a number, an author that is an object) is skipped and counted, and its
 * neighbours are kept, so one bad item never fails the page and its cursor for ever.
 * The count goes out as a notice (stderr in the CLI).
 */
export function mapItems<T>(items: readonly T[], map: (item: T) => MentionInput, where: string, ctx: Pick<FetchContext, 'onEvent' | 'now'>): MentionInput[] {
  const mentions: MentionInput[] = [];
  const limit = latestTrusted(ctx);
  let skipped = 0;
  let first = '';
  for (const item of items) {
    try {
      mentions.push(clampFuture(checkMention(map(item)), limit));
    } catch (error) {
      skipped++;
      first ||= error instanceof Error ? error.message : String(error);
    }
  }
  if (skipped > 0) reportSkipped(ctx, where, skipped, first);
  return mentions;
}

export function reportSkipped(ctx: Pick<FetchContext, 'onEvent'>, where: string, skipped: number, first: string): void {
  ctx.onEvent?.({ kind: 'notice', message: `${where}: skipped ${skipped} malformed item(s) (${first.slice(0, 120)}); the rest was stored` });
}

/**
 * A post dated past the command's clock (plus the skew) is stored as of the clock's time
 * (the time it was seen); its own date stays in `raw`. It is never made a cursor either.
 */
function clampFuture(mention: MentionInput, limit: number): MentionInput {
  if (Date.parse(mention.createdAt) <= limit) return mention;
  return { ...mention, createdAt: new Date(limit - CLOCK_SKEW_MS).toISOString() };
}

/** Throws on a field no mention can do without; drops optional ones of the wrong type. */
export function checkMention(mention: MentionInput): MentionInput {
  if (typeof mention.id !== 'string' || mention.id === '') throw new Error('no id');
  if (typeof mention.text !== 'string') throw new Error(`item ${mention.id}: the text is not a string`);
  if (typeof mention.createdAt !== 'string' || !Number.isFinite(Date.parse(mention.createdAt))) throw new Error(`item ${mention.id}: no readable date`);
  if (mention.author != null && typeof mention.author !== 'string') throw new Error(`item ${mention.id}: the author is not a string`);
  if (mention.url != null && typeof mention.url !== 'string') throw new Error(`item ${mention.id}: the link is not a string`);
  return { ...mention, lang: typeof mention.lang === 'string' ? mention.lang : null, metrics: cleanMetrics(mention.metrics) };
}

function cleanMetrics(metrics: Metrics | undefined): Metrics {
  const clean: Metrics = {};
  for (const [key, value] of Object.entries(metrics ?? {}) as Array<[keyof Metrics, unknown]>) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) clean[key] = value;
  }
  return clean;
}

/** A date field as ISO, or a throw that mapItems turns into a skipped item. */
export function isoDate(value: unknown, what: string): string {
  const ms = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  if (!Number.isFinite(ms)) throw new Error(`${what} is not a date`);
  return new Date(ms).toISOString();
}
