import { describe, expect, it } from 'vitest';
import { mapRedditThing } from '../../src/sources/reddit-map.js';
import { mapTweet } from '../../src/sources/x-map.js';

/** Links built from what an API sends stay on the platform's own host. */
describe('links from API paths', () => {
  const reddit = (permalink: unknown) =>
    mapRedditThing({ kind: 't3', data: { name: 't3_1', created_utc: 1_794_000_000, permalink: permalink as string } }, 'B').url;

  it.each([
    ['/r/tea/comments/1/x/?ref=search_posts', 'https://www.reddit.com/r/tea/comments/1/x/'],
    ['@evil.example/x', 'https://www.reddit.com/@evil.example/x'],
    ['//evil.example/x', 'https://www.reddit.com/evil.example/x'],
    ['/\\evil.example/x', null],
    [':@evil.example', 'https://www.reddit.com/:@evil.example'],
    [42, null],
  ])('a Reddit permalink %j becomes %j', (permalink, url) => {
    expect(reddit(permalink)).toBe(url);
    if (url) expect(new URL(url).host).toBe('www.reddit.com');
  });

  it('an X username that is no handle is kept out of the link', () => {
    const tweet = { id: '7', text: 't', created_at: '2026-11-07T10:00:00.000Z' };
    expect(mapTweet(tweet, { id: '1', username: 'teafan' }, 'B').url).toBe('https://x.com/teafan/status/7');
    expect(mapTweet(tweet, { id: '1', username: '@evil.example/x' }, 'B').url).toBe('https://x.com/i/web/status/7');
    expect(mapTweet(tweet, { id: '1', username: '../../evil' }, 'B').url).toBe('https://x.com/i/web/status/7');
  });
});
