import { afterEach, describe, expect, it } from 'vitest';
import { configSchema, type BrandConfig } from '../../src/config/schema.js';
import type { ReplayServer } from '../../src/replay/index.js';
import { SourceStopped } from '../../src/sources/source.js';
import { BRAND as BASE, CursorBook, buildSources, startReplay } from './helpers.js';

let server: ReplayServer;
afterEach(() => server?.close());

const NOW = new Date('2026-11-07T00:00:00.000Z');
const brandWith = (appstore: object): BrandConfig =>
  configSchema.parse({ brands: [{ name: BASE.name, queries: { appstore } }] }).brands[0]!;
const reviews = (app: string, country: string) => server.data.appstore.reviews.filter((r) => r.app === app && r.country === country);
const pages = () => server.requests.filter((r) => r.source === 'appstore').map((r) => r.path);

describe('app store source against the replay server', () => {
  it('reads every page of each app and storefront, newest first, keeping rating, version and title', async () => {
    server = await startReplay();
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).appstore!, brandWith({ apps: ['1600000001'], countries: ['gb', 'us'] }), { now: () => NOW });
    expect(run.error).toBeNull();
    expect(pages()).toEqual([
      '/gb/rss/customerreviews/page=1/id=1600000001/sortby=mostrecent/json',
      '/gb/rss/customerreviews/page=2/id=1600000001/sortby=mostrecent/json',
      '/gb/rss/customerreviews/page=3/id=1600000001/sortby=mostrecent/json',
      '/us/rss/customerreviews/page=1/id=1600000001/sortby=mostrecent/json',
    ]);
    expect(book.stored.size).toBe(reviews('1600000001', 'gb').length + reviews('1600000001', 'us').length);
    const sample = reviews('1600000001', 'gb')[0]!.entry as Record<string, { label: string }>;
    const mention = book.stored.get(sample.id!.label)!;
    expect(mention).toMatchObject({
      source: 'appstore', author: sample.author && (sample.author as unknown as { name: { label: string } }).name.label, lang: 'en',
      url: 'https://apps.apple.com/gb/app/id1600000001?see-all=reviews',
      text: `${sample.title!.label}\n\n${sample.content!.label}`,
      createdAt: new Date(sample.updated!.label).toISOString(),
      metrics: { score: Number(sample['im:rating']!.label) },
    });
    expect(mention.raw).toMatchObject({ app: '1600000001', country: 'gb', rating: Number(sample['im:rating']!.label), version: '3.2.0', title: sample.title!.label });
  });

  it('second scan reads page 1 only and stops at the newest review stored', async () => {
    server = await startReplay();
    const brand = brandWith({ apps: ['1600000001'], countries: ['gb'] });
    const book = new CursorBook();
    await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    server.requests.length = 0;
    const again = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    expect(again).toMatchObject({ error: null, postsRead: 0, inserted: 0 });
    expect(pages()).toHaveLength(1);
    const entry = { ...(reviews('1600000001', 'gb')[0]!.entry as object), id: { label: '99999999999' }, updated: { label: '2026-11-06T20:00:00-07:00' } };
    server.addData({ appstore: { reviews: [{ app: '1600000001', country: 'gb', entry }] } });
    const third = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    expect(third.mentions.map((m) => m.id)).toEqual(['99999999999']);
  });

  it('stops at Apple\'s 10-page cap', async () => {
    server = await startReplay();
    const template = reviews('1600000001', 'us')[0]!.entry as object;
    const many = Array.from({ length: 620 }, (_, i) => ({
      app: '1600000003', country: 'gb',
      entry: { ...template, id: { label: String(20000000000 + i) }, updated: { label: new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString() } },
    }));
    server.addData({ appstore: { reviews: many } });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).appstore!, brandWith({ apps: ['1600000003'], countries: ['gb'] }), { now: () => NOW });
    expect(run.error).toBeNull();
    expect(pages()).toHaveLength(10);
    expect(book.stored.size).toBe(500);
  });

  it('tolerates a feed without per-review times: dated when first seen, stopped by id', async () => {
    server = await startReplay();
    const brand = brandWith({ apps: ['1600000002'], countries: ['us'] });
    const book = new CursorBook();
    const run = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    expect(run.error).toBeNull();
    expect(book.stored.size).toBe(20);
    expect([...book.stored.values()].every((m) => m.createdAt === NOW.toISOString())).toBe(true);
    const again = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    expect(again).toMatchObject({ postsRead: 0, inserted: 0 });
  });

  it('retries 5xx and resets, stops cleanly on a long 429 and resumes where it stopped', async () => {
    server = await startReplay();
    const brand = brandWith({ apps: ['1600000001'], countries: ['gb'] });
    server.setFaults([{ kind: 'status', status: 500, source: 'appstore' }, { kind: 'reset', source: 'appstore' }, { kind: 'rate-limit', source: 'appstore', resetSeconds: 900, skip: 1 }]);
    const book = new CursorBook();
    const first = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW, maxWaitMs: 1000 });
    expect(first.error).toBeInstanceOf(SourceStopped);
    expect(first.pages).toBe(1);
    expect(book.events.filter((e) => e.kind === 'retry')).toHaveLength(2);
    server.requests.length = 0;
    const second = await book.scan(buildSources(server).appstore!, brand, { now: () => NOW });
    expect(second.error).toBeNull();
    expect(pages()[0]).toMatch(/page=2\//);
    expect(book.stored.size).toBe(reviews('1600000001', 'gb').length);
  });

  it('names the app and store when Apple does not know the app', async () => {
    server = await startReplay();
    server.setFaults([{ kind: 'status', status: 400, source: 'appstore' }]);
    const run = await new CursorBook().scan(buildSources(server).appstore!, brandWith({ apps: ['1'], countries: ['gb'] }), { now: () => NOW });
    expect(String(run.error)).toMatch(/answered 400: no such app in the gb store/);
  });
});
