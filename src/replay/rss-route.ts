import { createHash } from 'node:crypto';
import type { ApiObject, FeedFile, ReplayData } from './data.js';
import { compileQuery } from './query-match.js';
import type { RouteRequest, RouteResponse } from './route.js';

const notFound = (): RouteResponse => ({ status: 404, body: null, raw: Buffer.from('<html><body>Not Found</body></html>'), contentType: 'text/html' });

/** Feed files as a web server serves them: ETag and Last-Modified, 304 to a matching conditional GET. */
export function createFeedRoute(data: ReplayData): (request: RouteRequest) => RouteResponse {
  return (request) => {
    const feed = data.rss.feeds.find((f) => f.path === request.path);
    return feed ? serveConditionally(feed, request) : notFound();
  };
}

/** Google News search as RSS (`/rss/search?q=…&hl=…&gl=…&ceid=…`), built from the news items. */
export function createNewsRoute(data: ReplayData): (request: RouteRequest) => RouteResponse {
  return (request) => {
    if (request.path !== '/rss/search') return notFound();
    const query = request.query.get('q') ?? '';
    const matches = compileQuery(query);
    const items = data.news.items
      .filter((item) => matches(String(item.title)))
      .sort((a, b) => Date.parse(String(b.pubDate)) - Date.parse(String(a.pubDate)))
      .slice(0, 100);
    const feed: FeedFile = { path: request.path, body: Buffer.from(renderNews(query, items)), contentType: 'application/xml; charset=utf-8', etag: true, lastModified: null };
    return serveConditionally(feed, request);
  };
}

function serveConditionally(feed: FeedFile, request: RouteRequest): RouteResponse {
  const headers: Record<string, string> = {};
  const etag = `"${createHash('sha1').update(feed.body).digest('hex').slice(0, 16)}"`;
  if (feed.etag) headers.etag = etag;
  if (feed.lastModified) headers['last-modified'] = feed.lastModified;
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)
  const unchanged = feed.etag && ifNoneMatch !== undefined
    ? ifNoneMatch.split(',').map((tag) => tag.trim()).includes(etag)
    : feed.lastModified !== null && ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(feed.lastModified);
  if (unchanged) return { status: 304, body: null, headers };
  return { status: 200, body: null, headers, raw: feed.body, contentType: feed.contentType };
}

function renderNews(query: string, items: ApiObject[]): string {
  const rows = items.map((item) => `    <item>
      <title>${escapeXml(`${String(item.title)} - ${String(item.publisher)}`)}</title>
      <link>${escapeXml(String(item.link))}</link>
      <guid isPermaLink="false">${escapeXml(String(item.guid))}</guid>
      <pubDate>${escapeXml(String(item.pubDate))}</pubDate>
      <description>${escapeXml(`<a href="${String(item.link)}" target="_blank">${String(item.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${String(item.publisher)}</font>`)}</description>
      <source url="${escapeXml(String(item.sourceUrl))}">${escapeXml(String(item.publisher))}</source>
    </item>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <generator>NFE/5.0</generator>
    <title>${escapeXml(`"${query}" - Google News`)}</title>
    <link>https://news.google.com/search?q=${escapeXml(encodeURIComponent(query))}&amp;hl=en-US&amp;gl=US&amp;ceid=US:en</link>
    <language>en-US</language>
    <description>Google News</description>
${rows.join('\n')}
  </channel>
</rss>
`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
