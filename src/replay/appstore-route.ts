import type { ApiObject, ReplayData } from './data.js';
import type { RouteRequest, RouteResponse } from './route.js';

const PAGE_SIZE = 50;
const MAX_PAGE = 10;

/**
 * `/{cc}/rss/customerreviews/page={n}/id={app}/sortby=mostrecent/json`: 50 reviews a
 * page, newest first, pages 1–10 only, links rel first/last/previous/next as Apple sends.
 * Reviews without `updated` (older feeds) keep the order they were listed in.
 */
export function createAppStoreRoute(data: ReplayData): (request: RouteRequest) => RouteResponse {
  return (request) => {
    const match = /^\/([a-z]{2})\/rss\/customerreviews(?:\/page=(\d+))?\/id=(\d+)(?:\/sortby=(mostrecent|mosthelpful))?\/json$/.exec(request.path);
    if (!match) return { status: 404, body: null, raw: Buffer.from('<html><body>Not Found</body></html>'), contentType: 'text/html' };
    const [, country, pageText = '1', app] = match;
    const page = Number(pageText);
    // past the cap Apple answers 400 with an HTML body
    if (page < 1 || page > MAX_PAGE) return { status: 400, body: null, raw: Buffer.from('<html><body>Bad Request</body></html>'), contentType: 'text/html' };
    const reviews = data.appstore.reviews
      .filter((review) => review.app === app && review.country === country)
      .map((review, index) => ({ entry: review.entry as ApiObject, index }))
      .sort((a, b) => updatedOf(b.entry) - updatedOf(a.entry) || b.index - a.index)
      .map(({ entry }) => entry)
      .slice(0, PAGE_SIZE * MAX_PAGE);
    let entries = reviews.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    if (request.mode === 'empty-page') entries = [];
    return { status: 200, body: { feed: buildFeed(country!, app!, page, entries) } };
  };
}

function updatedOf(entry: ApiObject): number {
  const ms = Date.parse(String((entry.updated as { label?: string } | undefined)?.label ?? ''));
  return Number.isFinite(ms) ? ms : 0;
}

function buildFeed(country: string, app: string, page: number, entries: ApiObject[]): ApiObject {
  const pageUrl = (n: number) => `https://itunes.apple.com/${country}/rss/customerreviews/page=${n}/id=${app}/sortby=mostrecent/xml?urlDesc=/customerreviews/id=${app}/json`;
  const link = (rel: string, href: string) => ({ attributes: { href, rel } });
  const feed: ApiObject = {
    author: { name: { label: 'iTunes Store' }, uri: { label: 'http://www.apple.com/itunes/' } },
    updated: { label: '2026-11-06T12:00:00-07:00' },
    rights: { label: 'Copyright 2008 Apple Inc.' },
    title: { label: 'iTunes Store: Customer Reviews' },
    icon: { label: 'http://itunes.apple.com/favicon.ico' },
    link: [
      link('alternate', `https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=${country}&id=1`),
      link('self', `https://mzstoreservices-int-st.itunes.apple.com/${country}/rss/customerreviews/id=${app}/json`),
      link('first', pageUrl(1)),
      link('last', pageUrl(MAX_PAGE)),
      link('previous', pageUrl(Math.max(1, page - 1))),
      link('next', pageUrl(Math.min(MAX_PAGE, page + 1))),
    ],
    id: { label: `https://mzstoreservices-int-st.itunes.apple.com/${country}/rss/customerreviews/id=${app}/json` },
  };
  // one review comes as an object, none as no `entry` at all
  if (entries.length === 1) feed.entry = entries[0];
  else if (entries.length > 1) feed.entry = entries;
  return feed;
}
