import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { createSources, isUnavailable } from '../../src/sources/create-sources.js';

const byName = (env: Record<string, string>, config = configSchema.parse({})) =>
  Object.fromEntries(createSources(config, env).map((source) => [source.name, source]));

describe('createSources', () => {
  it('marks X and Reddit unavailable without credentials; HN needs none', () => {
    const sources = byName({});
    expect(Object.keys(sources)).toEqual(['x', 'reddit', 'hackernews', 'bluesky', 'rss', 'appstore']);
    expect(isUnavailable(sources.bluesky!) && sources.bluesky.hint).toContain('EARSHOT_BLUESKY_APP_PASSWORD');
    expect(isUnavailable(sources.rss!) || isUnavailable(sources.appstore!)).toBe(false);
    expect(isUnavailable(sources.x!) && sources.x.reason).toBe('no bearer token');
    expect(isUnavailable(sources.reddit!) && sources.reddit.hint).toContain('EARSHOT_REDDIT_CLIENT_ID');
    expect(isUnavailable(sources.hackernews!)).toBe(false);
  });

  it('takes credentials from the environment or the config file', () => {
    const config = configSchema.parse({ sources: { x: { bearerToken: 'from-file' } } });
    const sources = byName({ EARSHOT_REDDIT_CLIENT_ID: 'id', EARSHOT_REDDIT_CLIENT_SECRET: 'secret' }, config);
    expect(isUnavailable(sources.x!)).toBe(false);
    expect(isUnavailable(sources.reddit!)).toBe(false);
  });

  it('refuses a Reddit username without a password', () => {
    const sources = byName({ EARSHOT_REDDIT_CLIENT_ID: 'id', EARSHOT_REDDIT_CLIENT_SECRET: 'secret', EARSHOT_REDDIT_USERNAME: 'bot' });
    expect(isUnavailable(sources.reddit!)).toBe(true);
  });

  it('an unavailable source throws a UserError with a hint when asked for anyway', async () => {
    const source = byName({}).x!;
    const iterator = source.fetchMentions(configSchema.parse({ brands: [{ name: 'B' }] }).brands[0]!, {
      getCursor: async () => null,
      maxPosts: 1,
      maxWaitMs: 0,
      maxPages: 1,
    });
    await expect(iterator[Symbol.asyncIterator]().next()).rejects.toMatchObject({ name: 'UserError', message: 'x: no bearer token' });
  });
});
