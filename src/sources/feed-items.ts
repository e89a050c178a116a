import { parseFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { parseFeedDate } from './feed-dates.js';
import { keyItems } from './feed-keys.js';
import { MAX_FIELD_CHARS, htmlToText as htmlOnceToText } from './html-text.js';

/** One feed entry, whatever format it came in; `raw` is the parser's object for it. */
export interface FeedItem {
  /** guid / id, else the link; null until keyItems gives such an item a key from its content. */
  key: string | null;
  link: string | null;
  title: string;
  /** The description or content as plain text. */
  text: string;
  author: string | null;
  /** ISO UTC, or null when the feed gives no date earshot can read. */
  published: string | null;
  raw: unknown;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  language: string | null;
  items: Array<FeedItem & { key: string }>;
  /** Items that could not be read (a field of the wrong type), skipped. */
  skipped: number;
  /** Items sharing a key with an earlier one (see keyItems). */
  duplicates: number;
}

/** RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, through feedsmith; throws on anything else. */
export function parseFeedText(text: string, base: string): ParsedFeed {
  const trimmed = text.trimStart();
  const parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  const resolve = (link: string | undefined | null) => resolveLink(link, base);
  switch (parsed.format) {
    case 'rss':
      return finish('rss', parsed.feed.language, parsed.feed.items, (item) => fromRss(item, resolve));
    case 'rdf':
      return finish('rdf', parsed.feed.dc?.languages?.[0], parsed.feed.items, (item) => fromRdf(item, resolve));
    case 'atom':
      return finish('atom', parsed.feed.xml?.lang, parsed.feed.entries, (entry) => fromAtom(entry, resolve));
    case 'json':
      return finish('json', parsed.feed.language, parsed.feed.items, (item) => fromJson(item, resolve));
  }
}

/** Converts item by item (one of the wrong shape is skipped and counted), then keys them. */
function finish<T>(format: ParsedFeed['format'], language: unknown, list: T[] | undefined, convert: (item: T) => FeedItem): ParsedFeed {
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const item of Array.isArray(list) ? list : []) {
    try {
      items.push(convert(item));
    } catch {
      skipped++;
    }
  }
  const keyed = keyItems(items);
  return { format, language: typeof language === 'string' ? language : null, items: keyed.items, skipped, duplicates: keyed.duplicates };
}

type Resolve = (link: string | undefined | null) => string | null;

function fromRss(item: RssFeed.Item<string>, resolve: Resolve): FeedItem {
  const link = resolve(item.link);
  const html = item.content?.encoded ?? item.description ?? '';
  const person = item.authors?.[0];
  return {
    key: keyText(item.guid?.value) || link,
    link: link ?? (item.guid?.isPermaLink !== false ? resolve(item.guid?.value) : null),
    title: plain(item.title),
    text: htmlToText(html),
    // Google News names the publisher in <source>
    author: person?.name ?? person?.email ?? item.dc?.creators?.[0] ?? item.source?.title ?? null,
    published: parseFeedDate(item.pubDate ?? item.dc?.dates?.[0]),
    raw: item,
  };
}

function fromRdf(item: RdfFeed.Item<string>, resolve: Resolve): FeedItem {
  const link = resolve(item.link);
  return {
    key: keyText(item.rdf?.about) || link,
    link,
    title: plain(item.title),
    text: htmlToText(item.content?.encoded ?? item.description ?? ''),
    author: item.dc?.creators?.[0] ?? null,
    published: parseFeedDate(item.dc?.dates?.[0]),
    raw: item,
  };
}

function fromAtom(entry: AtomFeed.Entry<string>, resolve: Resolve): FeedItem {
  const links = entry.links ?? [];
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links.find((l) => l.rel !== 'edit' && l.rel !== 'self' && l.rel !== 'replies');
  const link = resolve(alternate?.href);
  const body = entry.content?.value ? entry.content : entry.summary;
  return {
    key: keyText(entry.id) || link,
    link,
    title: entry.title ? atomText(entry.title) : '',
    text: body ? atomText(body) : '',
    author: entry.authors?.[0]?.name ?? null,
    published: parseFeedDate(entry.published ?? entry.updated),
    raw: entry,
  };
}

function fromJson(item: JsonFeed.Item<string>, resolve: Resolve): FeedItem {
  const link = resolve(item.url ?? item.external_url);
  const legacyAuthor = (item as { author?: { name?: string } }).author?.name;
  return {
    key: keyText(item.id) || link,
    link,
    title: plain(item.title),
    text: typeof item.content_text === 'string' ? item.content_text.slice(0, MAX_FIELD_CHARS).trim() : htmlToText(item.content_html ?? item.summary ?? ''),
    author: item.authors?.[0]?.name ?? legacyAuthor ?? null,
    published: parseFeedDate(item.date_published ?? item.date_modified),
    raw: item,
  };
}

/**
 * Feeds often escape their HTML twice (Reddit's RSS holds the post's HTML escaped inside
 * the description's own HTML): what still reads as markup after one pass gets a second.
 */
function htmlToText(html: string): string {
  const text = htmlOnceToText(html);
  // bounded: `[^>]*` would rescan the rest of the field from every `<p` that never closes
  return /<\/?(?:p|div|a|br|span|img|table|ul|li)\b[^<>]{0,500}>/i.test(text) ? htmlOnceToText(text) : text;
}

/** Atom says whether a text construct is text, html or xhtml; only the last two hold markup. */
function atomText(text: { value?: string; type?: string }): string {
  const value = text.value ?? '';
  return text.type === 'html' || text.type === 'xhtml' ? htmlToText(value) : value.slice(0, MAX_FIELD_CHARS).trim();
}

/** Titles are text by the specs, but many feeds put entities or tags in them anyway. */
function plain(title: string | undefined): string {
  return title ? htmlToText(title) : '';
}

/** A guid or id as text (JSON Feed ids may be numbers); '' when there is none. */
function keyText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}

function resolveLink(link: string | undefined | null, base: string): string | null {
  const value = link?.trim();
  if (!value) return null;
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}
