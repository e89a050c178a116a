import { parseFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';
import { parseFeedDate } from './feed-dates.js';
import { htmlToText as htmlOnceToText } from './html-text.js';

/** One feed entry, whatever format it came in; `raw` is the parser's object for it. */
export interface FeedItem {
  /** guid / id, else the link, else null (such an item cannot be told apart and is skipped). */
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
  items: FeedItem[];
}

/** RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, through feedsmith; throws on anything else. */
export function parseFeedText(text: string, base: string): ParsedFeed {
  const trimmed = text.trimStart();
  const parsed = parseFeed(trimmed.startsWith('{') ? JSON.parse(trimmed) : trimmed);
  const resolve = (link: string | undefined | null) => resolveLink(link, base);
  switch (parsed.format) {
    case 'rss':
      return { format: 'rss', language: parsed.feed.language ?? null, items: (parsed.feed.items ?? []).map((item) => fromRss(item, resolve)) };
    case 'rdf':
      return { format: 'rdf', language: parsed.feed.dc?.languages?.[0] ?? null, items: (parsed.feed.items ?? []).map((item) => fromRdf(item, resolve)) };
    case 'atom':
      return { format: 'atom', language: parsed.feed.xml?.lang ?? null, items: (parsed.feed.entries ?? []).map((entry) => fromAtom(entry, resolve)) };
    case 'json':
      return { format: 'json', language: parsed.feed.language ?? null, items: (parsed.feed.items ?? []).map((item) => fromJson(item, resolve)) };
  }
}

type Resolve = (link: string | undefined | null) => string | null;

function fromRss(item: RssFeed.Item<string>, resolve: Resolve): FeedItem {
  const link = resolve(item.link);
  const html = item.content?.encoded ?? item.description ?? '';
  const person = item.authors?.[0];
  return {
    key: item.guid?.value?.trim() || link,
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
    key: item.rdf?.about?.trim() || link,
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
    key: entry.id?.trim() || link,
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
    key: item.id !== undefined && item.id !== null && String(item.id).trim() !== '' ? String(item.id).trim() : link,
    link,
    title: plain(item.title),
    text: item.content_text ?? htmlToText(item.content_html ?? item.summary ?? ''),
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
  return /<\/?(?:p|div|a|br|span|img|table|ul|li)\b[^>]*>/i.test(text) ? htmlOnceToText(text) : text;
}

/** Atom says whether a text construct is text, html or xhtml; only the last two hold markup. */
function atomText(text: { value?: string; type?: string }): string {
  const value = text.value ?? '';
  return text.type === 'html' || text.type === 'xhtml' ? htmlToText(value) : value.trim();
}

/** Titles are text by the specs, but many feeds put entities or tags in them anyway. */
function plain(title: string | undefined): string {
  return title ? htmlToText(title) : '';
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
