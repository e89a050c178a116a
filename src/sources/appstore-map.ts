import type { MentionInput } from '../domain/mention.js';
import { SourceError, UnreadableResponseError } from './errors.js';

/** Apple wraps every scalar of its customer-reviews feed as `{ label }`. */
interface Label {
  label?: string;
}

/** One review entry as Apple sends it; the whole entry is kept in `raw`. */
export interface AppStoreEntry {
  id?: Label;
  title?: Label;
  content?: Label & { attributes?: { type?: string } };
  author?: { name?: Label; uri?: Label };
  updated?: Label;
  'im:rating'?: Label;
  'im:version'?: Label;
  'im:voteSum'?: Label;
  'im:voteCount'?: Label;
}

export interface AppStorePage {
  entries: AppStoreEntry[];
  /** Entries on the page before the app's own entry was set aside: a short page is the last. */
  listed: number;
  /** The page number the feed's rel="last" link names (Apple stops at 10). */
  lastPage: number | null;
}

/** Where a country's reviews stopped last time: the newest review's id and time. */
export interface AppStoreMark {
  id: string;
  updated: string | null;
}

export function readAppStorePage(label: string, body: unknown): AppStorePage {
  const feed = (body as { feed?: { entry?: unknown; link?: unknown } } | null)?.feed;
  if (!feed || typeof feed !== 'object') throw new UnreadableResponseError(`${label} returned something other than a reviews feed`);
  // one review comes as an object, none as no key at all
  const raw = feed.entry === undefined ? [] : Array.isArray(feed.entry) ? feed.entry : [feed.entry];
  // older feeds open page 1 with the app itself (im:name, no rating): not a review
  const entries = (raw as AppStoreEntry[]).filter((entry) => typeof entry?.id?.label === 'string' && entry['im:rating']?.label !== undefined);
  return { entries, listed: raw.length, lastPage: readLastPage(feed.link) };
}

function readLastPage(links: unknown): number | null {
  const list = Array.isArray(links) ? links : links ? [links] : [];
  for (const link of list as Array<{ attributes?: { rel?: string; href?: string } }>) {
    if (link?.attributes?.rel !== 'last') continue;
    const match = /\/page=(\d+)\//.exec(link.attributes.href ?? '');
    if (match) return Number(match[1]);
  }
  return null;
}

export function reviewTime(entry: AppStoreEntry): string | null {
  const ms = Date.parse(entry.updated?.label ?? '');
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Stops at the newest review seen last time, or at anything older in case it was deleted. */
export function takeUntilSeen(entries: AppStoreEntry[], since: AppStoreMark | null): AppStoreEntry[] {
  if (!since) return entries;
  const stop = entries.findIndex((entry) => {
    if (entry.id?.label === since.id) return true;
    const time = reviewTime(entry);
    return time !== null && since.updated !== null && time < since.updated;
  });
  return stop === -1 ? entries : entries.slice(0, stop);
}

/** Storefronts whose reviews are mostly in one language, so the English model is not run on others. */
const STOREFRONT_LANG: Record<string, string> = {
  us: 'en', gb: 'en', au: 'en', ca: 'en', ie: 'en', nz: 'en', de: 'de', at: 'de', fr: 'fr', es: 'es', mx: 'es',
  it: 'it', nl: 'nl', br: 'pt', pt: 'pt', jp: 'ja', kr: 'ko', cn: 'zh', tw: 'zh', se: 'sv', no: 'no', dk: 'da', fi: 'fi', pl: 'pl', tr: 'tr', ru: 'ru',
};

export function mapAppStoreEntry(entry: AppStoreEntry, app: string, country: string, brand: string, now: string): MentionInput {
  const title = entry.title?.label?.trim() ?? '';
  const body = entry.content?.label?.trim() ?? '';
  const rating = Number(entry['im:rating']?.label);
  return {
    id: entry.id!.label!,
    source: 'appstore',
    // feeds from before 2021 carry no per-review time: dated when first seen, kept by the upsert
    createdAt: reviewTime(entry) ?? now,
    text: title && body ? `${title}\n\n${body}` : title || body,
    author: entry.author?.name?.label?.trim() || null,
    url: `https://apps.apple.com/${country}/app/id${app}?see-all=reviews`,
    lang: STOREFRONT_LANG[country] ?? null,
    metrics: { score: Number.isInteger(rating) ? rating : undefined },
    brand,
    // rating, version and title stay in the payload: which version a complaint started with
    raw: { app, country, rating: Number.isInteger(rating) ? rating : null, version: entry['im:version']?.label || null, title: title || null, entry },
  };
}
