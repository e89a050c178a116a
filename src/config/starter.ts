import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { DEFAULT_CONFIG_PATH } from './load.js';

/** The config `earshot init` writes: every documented key, no secrets. */
export const STARTER_CONFIG = {
  brands: [
    {
      name: 'Clipper Teas',
      aliases: ['@ClipperTeas', 'Clipper tea'],
      exclude: ['clipper ship'],
      queries: {
        x: '("Clipper Teas" OR @ClipperTeas) -is:retweet',
        reddit: { query: '"Clipper Teas"', subreddits: ['tea'] },
        hackernews: '"Clipper Teas"',
        bluesky: '"Clipper Teas" OR #clippertea',
        rss: { feeds: ['https://example.com/feed.xml'], news: '"Clipper Teas"', all: false },
        appstore: { apps: ['1234567890'], countries: ['gb', 'us'] },
      },
    },
  ],
  sources: {
    x: { apiBase: 'https://api.x.com/2/' },
    reddit: { userAgent: 'cli:earshot:0.1.0 (by /u/your_reddit_name)' },
    hackernews: {},
    bluesky: { apiBase: 'https://bsky.social/xrpc/' },
    rss: {},
    appstore: { apiBase: 'https://itunes.apple.com/' },
  },
  alerts: [],
};

export async function writeStarterConfig(path: string | undefined, force: boolean): Promise<string> {
  const target = resolve(path ?? DEFAULT_CONFIG_PATH);
  try {
    // 0600 from the start: users often paste tokens into it later.
    await writeFile(target, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`, { flag: force ? 'w' : 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${target} already exists`, 'pass --force to overwrite it');
    }
    throw new UserError(`cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, 'check the folder');
  }
  return target;
}
